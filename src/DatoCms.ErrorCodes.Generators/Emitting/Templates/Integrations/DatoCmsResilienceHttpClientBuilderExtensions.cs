namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Makes an <c>IHttpClientFactory</c> client resilient the way this API needs: one pipeline with
    /// a total timeout, the DatoCMS retry (transient codes, the body's transient flag, 429 after
    /// X-RateLimit-Reset, gateway errors and network faults only where repeating is safe), the
    /// adaptive throttle shared per project (it waits, never rejects) and an attempt timeout; in
    /// front of it, a 202 that starts an asynchronous job is followed to the job's result. On a client
    /// of <c>AddDatoCmsHttpClient</c> it replaces the retry handler (<see cref="DatoCmsClientOptions.UseRetryHandler"/> is turned off).
    /// Use it instead of <c>AddStandardResilienceHandler</c>, not with it (DATO007 warns where both are added).
    /// </summary>
    internal static class DatoCmsResilienceHttpClientBuilderExtensions
    {
        /// <summary>The name of the resilience handler (and of its pipeline in Polly's telemetry).</summary>
        public const string PipelineName = "DatoCms";

        /// <summary>Adds the DatoCMS resilience pipeline, configured in code.</summary>
        /// <param name="builder">The client's builder.</param>
        /// <param name="configure">Changes to the default settings; named options of the client's name, so they can also come from <c>services.Configure</c>.</param>
        /// <returns>The resilience pipeline's builder.</returns>
        public static global::Microsoft.Extensions.Http.Resilience.IHttpResiliencePipelineBuilder AddDatoCmsResilienceHandler(
            this global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            global::System.Action<DatoCmsResilienceOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            var options = global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<DatoCmsResilienceOptions>(builder.Services, builder.Name);
            if (configure != null)
            {
                options.Configure(configure);
            }

            return AddPipeline(builder);
        }

        /// <summary>Adds the DatoCMS resilience pipeline with settings bound from configuration (reloaded when it changes).</summary>
        /// <remarks>
        /// Binding reads the options by reflection, so in a trimmed or native AOT application this overload
        /// warns at its call site (IL2026, IL3050), as the configuration binder itself does; there, use the
        /// overload that takes an action and read the section in it.
        /// </remarks>
        /// <param name="builder">The client's builder.</param>
        /// <param name="section">The configuration section, with keys named like <see cref="DatoCmsResilienceOptions"/>'s properties.</param>
        /// <returns>The resilience pipeline's builder.</returns>
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Binds DatoCmsResilienceOptions from configuration by reflection; use the overload that takes an action in trimmed applications.")]
#endif
#if NET7_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Binds DatoCmsResilienceOptions from configuration by reflection; use the overload that takes an action in native AOT applications.")]
#endif
        public static global::Microsoft.Extensions.Http.Resilience.IHttpResiliencePipelineBuilder AddDatoCmsResilienceHandler(
            this global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            global::Microsoft.Extensions.Configuration.IConfigurationSection section)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            if (section is null)
            {
                throw new global::System.ArgumentNullException(nameof(section));
            }

            global::Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions.Bind(
                global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<DatoCmsResilienceOptions>(builder.Services, builder.Name),
                section);
            return AddPipeline(builder);
        }

        /// <summary>
        /// Corrects the standard resilience handler for this API, for teams that keep it: its retry
        /// follows the DatoCMS rules (no POST retried after a gateway error, the 4xx transient codes
        /// retried, X-RateLimit-Reset honoured), and its circuit breaker counts only server and network
        /// faults, never the rate limit's 429s or a locked record. 429s spend
        /// <see cref="DatoCmsResilienceOptions.MaxRateLimitWait"/> and a scheduled maintenance
        /// <see cref="DatoCmsResilienceOptions.MaintenanceWait"/>, not attempts. The standard rate
        /// limiter is left as it is and nothing paces the attempts: that limiter sits outside the
        /// retry, where one permit covers every attempt of a call and no answer is seen, so the
        /// adaptive throttle could not work there. For pacing, use <c>AddDatoCmsResilienceHandler</c>.
        /// </summary>
        /// <param name="options">The standard handler's options.</param>
        /// <param name="settings">Attempts, backoff and timeouts; null for the defaults.</param>
        /// <returns>The same options, for chaining.</returns>
        public static global::Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions ConfigureForDatoCms(
            this global::Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions options,
            DatoCmsResilienceOptions? settings = null)
        {
            if (options is null)
            {
                throw new global::System.ArgumentNullException(nameof(options));
            }

            var datoCms = settings ?? new DatoCmsResilienceOptions();
            var problems = datoCms.Validate();
            if (problems.Count > 0)
            {
                throw new global::System.ArgumentException(string.Join(" ", problems), nameof(settings));
            }

            var retry = DatoCmsResilience.HttpRetryOptions(datoCms.ToRetryOptions(), null);
            // First: turning the Retry-After header off also clears the delay generator.
            options.Retry.ShouldRetryAfterHeader = false;
            options.Retry.MaxRetryAttempts = retry.MaxRetryAttempts;
            options.Retry.ShouldHandle = retry.ShouldHandle;
            options.Retry.DelayGenerator = retry.DelayGenerator;
            options.Retry.OnRetry = retry.OnRetry;
            options.CircuitBreaker.ShouldHandle = args => new global::System.Threading.Tasks.ValueTask<bool>(IsServerFault(args.Outcome));
            options.AttemptTimeout.Timeout = datoCms.AttemptTimeout;
            options.TotalRequestTimeout.Timeout = datoCms.TotalTimeout;

            // The standard handler requires the breaker to sample at least two attempt timeouts.
            var sampling = global::System.TimeSpan.FromTicks(datoCms.AttemptTimeout.Ticks * 2);
            if (options.CircuitBreaker.SamplingDuration < sampling)
            {
                options.CircuitBreaker.SamplingDuration = sampling;
            }

            return options;
        }

        /// <summary>A failure that says the server is in trouble: a network fault, an attempt timeout or a 5xx.</summary>
        internal static bool IsServerFault(global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome) =>
            outcome.Exception is global::System.Net.Http.HttpRequestException
            || outcome.Exception is global::Polly.Timeout.TimeoutRejectedException
            || (outcome.Result != null && (int)outcome.Result.StatusCode >= 500);

        private static global::Microsoft.Extensions.Http.Resilience.IHttpResiliencePipelineBuilder AddPipeline(global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder)
        {
            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddEnumerable(
                builder.Services,
                global::Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<global::Microsoft.Extensions.Options.IValidateOptions<DatoCmsResilienceOptions>, DatoCmsResilienceOptionsValidator>());
            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<DatoCmsThrottles>(builder.Services);

            // The options are named after the client (the context's BuilderName also names the pipeline).
            var optionsName = builder.Name;

            // On a client of AddDatoCmsHttpClient the pipeline takes the retry handler's place: both
            // would nest two retry loops (MaxAttempts of one times MaxAttempts of the other).
            global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.PostConfigure<DatoCmsClientOptions>(
                builder.Services, optionsName, client =>
                {
                    client.UseRetryHandler = false;
                    client.RetriedByPipeline = true;
                });

            // Added first, so it is in front of the pipeline: each job poll goes through it.
            global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.AddHttpMessageHandler(builder, services =>
                new DatoCmsJobFollowingHandler(
                    global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                        .GetRequiredService<global::Microsoft.Extensions.Options.IOptionsMonitor<DatoCmsResilienceOptions>>(services)
                        .Get(optionsName)));
            return global::Microsoft.Extensions.DependencyInjection.ResilienceHttpClientBuilderExtensions.AddResilienceHandler(builder, PipelineName, (pipeline, context) =>
            {
                // A configuration change rebuilds the pipeline.
                context.EnableReloads<DatoCmsResilienceOptions>(optionsName);
                var settings = context.GetOptions<DatoCmsResilienceOptions>(optionsName);
                var retry = settings.ToRetryOptions();
                var loggers = (global::Microsoft.Extensions.Logging.ILoggerFactory?)context.ServiceProvider.GetService(typeof(global::Microsoft.Extensions.Logging.ILoggerFactory));
                retry.Logger = loggers?.CreateLogger(DatoCmsTelemetry.MeterName);

                global::Polly.TimeoutResiliencePipelineBuilderExtensions.AddTimeout(pipeline, new global::Polly.Timeout.TimeoutStrategyOptions { Name = "DatoCmsTotalTimeout", Timeout = settings.TotalTimeout });
                if (settings.EnableThrottling)
                {
                    var throttles = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DatoCmsThrottles>(context.ServiceProvider);
                    var throttle = throttles.For(settings.Project, settings.RequestsPerWindow, settings.RateLimitWindow);
                    global::System.Func<bool, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>> acquire = (first, token) => throttle.AcquireAsync(token, first);
                    global::Polly.RetryResiliencePipelineBuilderExtensions.AddRetry(pipeline, DatoCmsResilience.HttpRetryOptions(retry, acquire));
                    pipeline.AddDatoCmsThrottle(acquire, retry);
                }
                else
                {
                    global::Polly.RetryResiliencePipelineBuilderExtensions.AddRetry(pipeline, DatoCmsResilience.HttpRetryOptions(retry, null));
                }

                global::Polly.TimeoutResiliencePipelineBuilderExtensions.AddTimeout(pipeline, new global::Polly.Timeout.TimeoutStrategyOptions { Name = "DatoCmsAttemptTimeout", Timeout = settings.AttemptTimeout });
            });
        }
    }
}
