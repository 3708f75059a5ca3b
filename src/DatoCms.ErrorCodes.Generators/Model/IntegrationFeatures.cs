namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// Which optional packages the consumer references, each detected by a type it defines; an
/// integration is generated only where its package is, so it can never break a build.
/// </summary>
/// <param name="HasMetrics">System.Diagnostics.Metrics and ActivitySource (net6.0+, or System.Diagnostics.DiagnosticSource 6+): the meter and trace events.</param>
/// <param name="HasLogging">Microsoft.Extensions.Logging.Abstractions: log messages through DatoCmsRetryOptions.Logger.</param>
/// <param name="HasPollyCore">Polly.Core (v8): the retry rules as Polly building blocks.</param>
/// <param name="HasHttpResilience">Microsoft.Extensions.Http.Resilience: AddDatoCmsResilienceHandler and ConfigureForDatoCms.</param>
/// <param name="HasServiceCollection">Microsoft.Extensions.DependencyInjection.Abstractions: the consumer uses dependency injection.</param>
/// <param name="HasHttpClientFactory">Microsoft.Extensions.Http: AddDatoCmsHttpClient.</param>
/// <param name="HasConfiguration">Microsoft.Extensions.Configuration.Abstractions: the consumer reads configuration.</param>
/// <param name="HasOptionsConfigurationBinding">Microsoft.Extensions.Options.ConfigurationExtensions (which brings the configuration binder): AddDatoCmsHttpClient's IConfigurationSection overloads.</param>
/// <param name="HasOpenTelemetry">OpenTelemetry.Api's MeterProviderBuilder and TracerProviderBuilder: AddDatoCmsInstrumentation.</param>
internal readonly record struct IntegrationFeatures(
    bool HasMetrics,
    bool HasLogging,
    bool HasPollyCore,
    bool HasHttpResilience,
    bool HasServiceCollection,
    bool HasHttpClientFactory,
    bool HasConfiguration,
    bool HasOptionsConfigurationBinding,
    bool HasOpenTelemetry = false)
{
    /// <summary>
    /// The resilience handler builds on the Polly blocks, logs through ILogger and takes the place of
    /// the retry handler of AddDatoCmsHttpClient's clients; the package brings all three.
    /// </summary>
    public bool GeneratesResilienceHandler => HasHttpResilience && HasPollyCore && GeneratesHttpClientRegistration;

    /// <summary>AddDatoCmsHttpClient gives the handler the container's logger; Microsoft.Extensions.Http brings logging.</summary>
    public bool GeneratesHttpClientRegistration => HasHttpClientFactory && HasLogging;

    /// <summary>AddDatoCmsHttpClient's IConfigurationSection overloads bind through OptionsBuilder.Bind, as AddDatoCmsResilienceHandler's does.</summary>
    public bool GeneratesHttpClientConfigurationBinding => GeneratesHttpClientRegistration && HasOptionsConfigurationBinding;

    /// <summary>AddDatoCmsInstrumentation names the meter and the activity source, which exist only with the metrics.</summary>
    public bool GeneratesOpenTelemetryInstrumentation => HasOpenTelemetry && HasMetrics;
}
