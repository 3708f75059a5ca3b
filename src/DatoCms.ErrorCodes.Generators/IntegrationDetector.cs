using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators;

/// <summary>
/// Finds the optional packages a consumer references, by a type each one defines, and explains the
/// integrations left out where the consumer shows it uses the stack around them (silent otherwise,
/// so a project that wants none of it is not told about each).
/// </summary>
internal static class IntegrationDetector
{
    public static IntegrationFeatures Detect(Compilation compilation)
    {
        bool Has(string metadataName) => compilation.GetTypeByMetadataName(metadataName) is not null;

        return new IntegrationFeatures(
            HasMetrics: Has("System.Diagnostics.Metrics.Histogram`1") && Has("System.Diagnostics.ActivitySource") && Has("System.Diagnostics.ActivityTagsCollection"),
            HasLogging: Has("Microsoft.Extensions.Logging.LoggerMessage"),
            HasPollyCore: Has("Polly.ResiliencePipelineBuilder`1") && Has("Polly.ResilienceStrategy`1") && Has("Polly.Timeout.TimeoutRejectedException"),
            HasHttpResilience: Has("Microsoft.Extensions.DependencyInjection.ResilienceHttpClientBuilderExtensions")
                && Has("Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions")
                && Has("Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions"),
            HasServiceCollection: Has("Microsoft.Extensions.DependencyInjection.IServiceCollection"),
            HasHttpClientFactory: Has("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions"),
            HasConfiguration: Has("Microsoft.Extensions.Configuration.IConfigurationSection"),

            // The type the overloads call; its package brings the configuration binder.
            HasOptionsConfigurationBinding: Has("Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions"),
            HasOpenTelemetry: Has("OpenTelemetry.Metrics.MeterProviderBuilder") && Has("OpenTelemetry.Trace.TracerProviderBuilder"));
    }

    /// <summary>One DATO130 per integration the consumer would likely want but cannot get yet.</summary>
    public static IEnumerable<DiagnosticInfo> Explain(IntegrationFeatures features)
    {
        if (!features.HasMetrics)
        {
            yield return Missing("The DatoCms.ErrorCodes meter and the retry trace events are", "they need System.Diagnostics.Metrics and ActivitySource (net6.0 or later, or the System.Diagnostics.DiagnosticSource package 6.0 or later)");
        }

        if (features.HasHttpClientFactory && !features.GeneratesResilienceHandler)
        {
            yield return Missing("AddDatoCmsResilienceHandler and ConfigureForDatoCms are", "they need Microsoft.Extensions.Http.Resilience (reference it to make IHttpClientFactory clients resilient the DatoCMS way)");
        }

        if (features.GeneratesHttpClientRegistration && features.HasConfiguration && !features.GeneratesHttpClientConfigurationBinding)
        {
            yield return Missing("The IConfigurationSection overloads of AddDatoCmsHttpClient are", "they need Microsoft.Extensions.Options.ConfigurationExtensions (reference it to bind a client's settings from configuration)");
        }

        if (features.HasServiceCollection && !features.HasHttpClientFactory)
        {
            yield return Missing("AddDatoCmsHttpClient is", "it needs Microsoft.Extensions.Http (reference it to register a DatoCMS client in one line)");
        }
    }

    private static DiagnosticInfo Missing(string what, string why) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.IntegrationNotGenerated, null, what, why);
}
