using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// The templates that build on the retry runtime, each only where the consumer references what it
/// needs (<see cref="IntegrationFeatures"/>): telemetry (and its OpenTelemetry subscription), logging, client registration, Polly and the resilience handler.
/// </summary>
internal static class IntegrationEmitter
{
    private static readonly string[] PollyTemplates = { GeneratedNames.Resilience, GeneratedNames.RetryDecision, GeneratedNames.RetryBudget, GeneratedNames.ThrottleStrategy };

    private static readonly string[] HttpClientFactoryTemplates = { GeneratedNames.ClientOptions, GeneratedNames.HttpClientServiceCollectionExtensions, GeneratedNames.Projects };

    private static readonly string[] ResilienceHandlerTemplates =
    {
        GeneratedNames.ResilienceOptions, GeneratedNames.ResilienceOptionsValidator, GeneratedNames.Throttles,
        GeneratedNames.ResilienceHttpClientBuilderExtensions, GeneratedNames.JobFollowingHandler,
    };

    /// <summary>The template names to emit, in a fixed order.</summary>
    public static IEnumerable<string> Templates(IntegrationFeatures features)
    {
        // The handler always reports through the telemetry hooks; they compile to nothing where
        // neither metrics nor logging can be generated.
        yield return GeneratedNames.Telemetry;
        if (features.HasMetrics)
        {
            yield return GeneratedNames.Metrics;
        }

        if (features.GeneratesOpenTelemetryInstrumentation)
        {
            yield return GeneratedNames.OpenTelemetryBuilderExtensions;
        }

        if (features.HasLogging)
        {
            yield return GeneratedNames.Logging;
            yield return GeneratedNames.RetryOptionsLogger;
        }

        if (features.GeneratesHttpClientRegistration)
        {
            foreach (var template in HttpClientFactoryTemplates)
            {
                yield return template;
            }

            if (features.GeneratesHttpClientConfigurationBinding)
            {
                yield return GeneratedNames.HttpClientServiceCollectionExtensionsConfiguration;
            }
        }

        if (!features.HasPollyCore)
        {
            yield break;
        }

        foreach (var template in PollyTemplates)
        {
            yield return template;
        }

        if (features.GeneratesResilienceHandler)
        {
            foreach (var template in ResilienceHandlerTemplates)
            {
                yield return template;
            }
        }
    }
}
