namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Registers a DatoCMS client with <c>IHttpClientFactory</c> in one line: base address, API
    /// version, environment and Authorization headers, and the retry handler with one throttle per
    /// project. The Authorization header is redacted from the factory's own logs.
    /// </summary>
    internal static partial class DatoCmsHttpClientServiceCollectionExtensions
    {
        /// <summary>The header that selects a sandbox environment.</summary>
        public const string EnvironmentHeader = "X-Environment";

        /// <summary>The header that selects the API version.</summary>
        public const string ApiVersionHeader = "X-Api-Version";

        /// <summary>Registers a named DatoCMS client.</summary>
        /// <param name="services">The services.</param>
        /// <param name="name">The client's name, for <c>IHttpClientFactory.CreateClient(name)</c>.</param>
        /// <param name="configure">Sets the token and the other settings (named options of <paramref name="name"/>).</param>
        /// <returns>The client's builder, to add more (such as <c>AddDatoCmsResilienceHandler</c> with <see cref="DatoCmsClientOptions.UseRetryHandler"/> off).</returns>
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddDatoCmsHttpClient(
            this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
            string name,
            global::System.Action<DatoCmsClientOptions> configure)
        {
            if (services is null)
            {
                throw new global::System.ArgumentNullException(nameof(services));
            }

            return Configure(global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, name), configure);
        }

        /// <summary>Registers a typed DatoCMS client: <typeparamref name="TClient"/> receives the configured HttpClient.</summary>
        /// <typeparam name="TClient">The typed client.</typeparam>
        /// <param name="services">The services.</param>
        /// <param name="configure">Sets the token and the other settings.</param>
        /// <returns>The client's builder.</returns>
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddDatoCmsHttpClient<
            // Trimming keeps the constructors the client factory calls, as AddHttpClient<TClient> asks.
#if NET5_0_OR_GREATER
            [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
            TClient>(
            this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
            global::System.Action<DatoCmsClientOptions> configure)
            where TClient : class
        {
            if (services is null)
            {
                throw new global::System.ArgumentNullException(nameof(services));
            }

            return Configure(global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<TClient>(services), configure);
        }

        /// <summary>Registers a typed DatoCMS client with an implementation type.</summary>
        /// <typeparam name="TClient">The service type.</typeparam>
        /// <typeparam name="TImplementation">The implementation, which receives the configured HttpClient.</typeparam>
        /// <param name="services">The services.</param>
        /// <param name="configure">Sets the token and the other settings.</param>
        /// <returns>The client's builder.</returns>
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddDatoCmsHttpClient<
            TClient,
            // Trimming keeps the constructors the client factory calls, as AddHttpClient<TClient, TImplementation> asks.
#if NET5_0_OR_GREATER
            [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
            TImplementation>(
            this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
            global::System.Action<DatoCmsClientOptions> configure)
            where TClient : class
            where TImplementation : class, TClient
        {
            if (services is null)
            {
                throw new global::System.ArgumentNullException(nameof(services));
            }

            return Configure(global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<TClient, TImplementation>(services), configure);
        }

        private static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Configure(
            global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            global::System.Action<DatoCmsClientOptions> configure)
        {
            if (configure is null)
            {
                throw new global::System.ArgumentNullException(nameof(configure));
            }

            global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<DatoCmsClientOptions>(builder.Services, builder.Name)
                .Configure(configure);
            return Register(builder);
        }

        /// <summary>Everything but the settings: validation, headers, redaction and the retry handler, all reading the client's named options.</summary>
        private static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Register(global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder)
        {
            var name = builder.Name;
            if (!HasValidator(builder.Services, name))
            {
                global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<global::Microsoft.Extensions.Options.IValidateOptions<DatoCmsClientOptions>>(
                    builder.Services, new ClientOptionsValidator(name));
            }
            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<DatoCmsProjects>(builder.Services);

            global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigureHttpClient(builder, (services, client) =>
            {
                var options = Options(services, name);
                client.BaseAddress = options.BaseAddress;
                if (options.UseRetryHandler || options.RetriedByPipeline)
                {
                    // HttpClient's own 100 s would end a request before the budgets that bound it
                    // (AttemptTimeout, MaxRateLimitWait, MaintenanceWait, Jobs.Timeout, TotalTimeout)
                    // and say none of them ran out. A later ConfigureHttpClient still sets one.
                    client.Timeout = global::System.Threading.Timeout.InfiniteTimeSpan;
                }

                client.DefaultRequestHeaders.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.ApiToken);
                client.DefaultRequestHeaders.Add(ApiVersionHeader, options.ApiVersion);
                client.DefaultRequestHeaders.Accept.Add(new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
                if (!string.IsNullOrEmpty(options.Environment))
                {
                    client.DefaultRequestHeaders.Add(EnvironmentHeader, options.Environment);
                }
            });

            // The factory logs request headers at Trace level: the token must never be among them.
            global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.RedactLoggedHeaders(builder, new[] { "Authorization" });

            global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.AddHttpMessageHandler(builder, services =>
            {
                var options = Options(services, name);
                if (!options.UseRetryHandler)
                {
                    return new PassThroughHandler();
                }

                var projects = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DatoCmsProjects>(services);
                return new DatoCmsRetryHandler(projects.RetryOptionsFor(options.Project, options.Retry, services));
            });

            return builder;
        }

        private static DatoCmsClientOptions Options(global::System.IServiceProvider services, string name) =>
            global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<global::Microsoft.Extensions.Options.IOptionsMonitor<DatoCmsClientOptions>>(services)
                .Get(name);

        private static bool HasValidator(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, string name)
        {
            foreach (var service in services)
            {
                // The service type first: reading the instance of a keyed registration throws.
                if (service.ServiceType == typeof(global::Microsoft.Extensions.Options.IValidateOptions<DatoCmsClientOptions>)
                    && service.ImplementationInstance is ClientOptionsValidator validator && validator.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Names every problem of one client's settings (a missing token, a relative address ...) when they are first read.</summary>
        private sealed class ClientOptionsValidator : global::Microsoft.Extensions.Options.IValidateOptions<DatoCmsClientOptions>
        {
            public ClientOptionsValidator(string name)
            {
                Name = name;
            }

            public string Name { get; }

            public global::Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, DatoCmsClientOptions options)
            {
                if (name != Name)
                {
                    return global::Microsoft.Extensions.Options.ValidateOptionsResult.Skip;
                }

                if (options is null)
                {
                    return global::Microsoft.Extensions.Options.ValidateOptionsResult.Fail("The DatoCMS client '" + name + "': The options are missing.");
                }

                var problems = options.Validate();
                if (problems.Count == 0)
                {
                    // Configured and valid: from now on a value out of range set in code throws, as
                    // it would on options made in code, rather than being remembered unseen.
                    options.Retry.RejectAtOnce();
                    return global::Microsoft.Extensions.Options.ValidateOptionsResult.Success;
                }

                var failures = new global::System.Collections.Generic.List<string>(problems.Count);
                foreach (var problem in problems)
                {
                    failures.Add("The DatoCMS client '" + name + "': " + problem);
                }

                return global::Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
            }
        }

        /// <summary>Stands in for the retry handler when the client is made resilient otherwise.</summary>
        private sealed class PassThroughHandler : global::System.Net.Http.DelegatingHandler
        {
        }
    }
}
