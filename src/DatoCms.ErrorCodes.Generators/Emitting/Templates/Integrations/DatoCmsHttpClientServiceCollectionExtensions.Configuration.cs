namespace DatoCms.ErrorCodes
{
    /// <summary>The overloads that bind a client's settings from configuration, where Microsoft.Extensions.Options.ConfigurationExtensions (and with it the configuration binder) is referenced.</summary>
    internal static partial class DatoCmsHttpClientServiceCollectionExtensions
    {
        private const string BindingNeedsReflection = "Binds DatoCmsClientOptions from configuration by reflection; use the overload that takes an action in trimmed applications.";

        private const string BindingNeedsDynamicCode = "Binds DatoCmsClientOptions from configuration by reflection; use the overload that takes an action in native AOT applications.";

        /// <summary>Registers a named DatoCMS client with settings bound from configuration (reloaded when it changes).</summary>
        /// <remarks>
        /// A value the settings reject (a token missing, <c>Retry:MaxAttempts</c> 0, ...) fails options
        /// validation when the client is first made, or at start-up with <c>ValidateOnStart</c>, naming the
        /// client and the option, never the token. After a change the next client made gets the new token,
        /// address and headers; the retry settings are the project's, taken from its first client once.
        /// Binding reads the options by reflection, so in a trimmed or native AOT application this overload
        /// warns at its call site (IL2026, IL3050), as the configuration binder itself does; there, use the
        /// overload that takes an action and read the section in it.
        /// </remarks>
        /// <param name="services">The services.</param>
        /// <param name="name">The client's name, for <c>IHttpClientFactory.CreateClient(name)</c>.</param>
        /// <param name="section">The configuration section, with keys named like <see cref="DatoCmsClientOptions"/>'s properties (<c>ApiToken</c>, <c>Environment</c>, <c>Retry:MaxAttempts</c>, ...).</param>
        /// <returns>The client's builder, to add more (such as <c>AddDatoCmsResilienceHandler</c>).</returns>
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(BindingNeedsReflection)]
#endif
#if NET7_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresDynamicCode(BindingNeedsDynamicCode)]
#endif
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddDatoCmsHttpClient(
            this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
            string name,
            global::Microsoft.Extensions.Configuration.IConfigurationSection section)
        {
            if (services is null)
            {
                throw new global::System.ArgumentNullException(nameof(services));
            }

            // Checked before AddHttpClient: a null section must leave no half-registered client behind.
            if (section is null)
            {
                throw new global::System.ArgumentNullException(nameof(section));
            }

            return Bind(global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, name), section);
        }

        /// <summary>Registers a typed DatoCMS client with settings bound from configuration (reloaded when it changes): <typeparamref name="TClient"/> receives the configured HttpClient.</summary>
        /// <remarks>Validation, reloading and trimming as for the named overload.</remarks>
        /// <typeparam name="TClient">The typed client.</typeparam>
        /// <param name="services">The services.</param>
        /// <param name="section">The configuration section, with keys named like <see cref="DatoCmsClientOptions"/>'s properties.</param>
        /// <returns>The client's builder.</returns>
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(BindingNeedsReflection)]
#endif
#if NET7_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresDynamicCode(BindingNeedsDynamicCode)]
#endif
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddDatoCmsHttpClient<
#if NET5_0_OR_GREATER
            [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
            TClient>(
            this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
            global::Microsoft.Extensions.Configuration.IConfigurationSection section)
            where TClient : class
        {
            if (services is null)
            {
                throw new global::System.ArgumentNullException(nameof(services));
            }

            if (section is null)
            {
                throw new global::System.ArgumentNullException(nameof(section));
            }

            return Bind(global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<TClient>(services), section);
        }

        /// <summary>Registers a typed DatoCMS client with an implementation type and settings bound from configuration (reloaded when it changes).</summary>
        /// <remarks>Validation, reloading and trimming as for the named overload.</remarks>
        /// <typeparam name="TClient">The service type.</typeparam>
        /// <typeparam name="TImplementation">The implementation, which receives the configured HttpClient.</typeparam>
        /// <param name="services">The services.</param>
        /// <param name="section">The configuration section, with keys named like <see cref="DatoCmsClientOptions"/>'s properties.</param>
        /// <returns>The client's builder.</returns>
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(BindingNeedsReflection)]
#endif
#if NET7_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresDynamicCode(BindingNeedsDynamicCode)]
#endif
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddDatoCmsHttpClient<
            TClient,
#if NET5_0_OR_GREATER
            [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
            TImplementation>(
            this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
            global::Microsoft.Extensions.Configuration.IConfigurationSection section)
            where TClient : class
            where TImplementation : class, TClient
        {
            if (services is null)
            {
                throw new global::System.ArgumentNullException(nameof(services));
            }

            if (section is null)
            {
                throw new global::System.ArgumentNullException(nameof(section));
            }

            return Bind(global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<TClient, TImplementation>(services), section);
        }

#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(BindingNeedsReflection)]
#endif
#if NET7_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.RequiresDynamicCode(BindingNeedsDynamicCode)]
#endif
        private static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Bind(
            global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            global::Microsoft.Extensions.Configuration.IConfigurationSection section)
        {
            // OptionsBuilder.Bind, not section.Bind in an action: it also registers the section's change
            // token, so IOptionsMonitor, which the client's set-up reads, sees a reloaded configuration.
            global::Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions.Bind(
                global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<DatoCmsClientOptions>(builder.Services, builder.Name),
                section);
            return Register(builder);
        }
    }
}
