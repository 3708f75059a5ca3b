using System.Collections.Generic;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Every generated file, by hint name, in a fixed order.</summary>
internal static class SourceEmitter
{
    private static readonly string[] ExceptionTemplates =
    {
        GeneratedNames.ApiException, GeneratedNames.TransientApiException, GeneratedNames.ApiError,
        GeneratedNames.ErrorBodyReader, GeneratedNames.RateLimitHeaders, GeneratedNames.RequestInfo,
    };

    private static readonly string[] RetryTemplates =
    {
        GeneratedNames.HttpResponseExtensions, GeneratedNames.RetryOptions, GeneratedNames.RetryAttempt,
        GeneratedNames.RetryPolicy, GeneratedNames.RateLimitTicket, GeneratedNames.RateLimitShare, GeneratedNames.RateLimiter,
        GeneratedNames.RetryHandler, GeneratedNames.Retry,
        GeneratedNames.RetryFaults, GeneratedNames.TimeBudget, GeneratedNames.JobOptions, GeneratedNames.JobFollower,
        GeneratedNames.RejectedSettings,
    };

    /// <summary>The RateLimiter option and the throttle as a RateLimiter: only where System.Threading.RateLimiting is referenced (and C# 9+).</summary>
    private static readonly string[] RateLimitingTemplates =
    {
        GeneratedNames.RetryOptionsRateLimiting, GeneratedNames.RateLimitLease, GeneratedNames.AdaptiveRateLimiter,
    };

    /// <summary>The Redis rate limiter: only where StackExchange.Redis and System.Threading.RateLimiting are referenced.</summary>
    private static readonly string[] RedisTemplates =
    {
        GeneratedNames.RedisRateLimiterOptions, GeneratedNames.RedisRateLimitScripts, GeneratedNames.RedisRateLimiter,
        GeneratedNames.RedisRateLimitHandler,
    };

    public static IEnumerable<(string HintName, string Source)> EmitAll(EmitContext context)
    {
        yield return (ErrorCodeEnumEmitter.HintName, ErrorCodeEnumEmitter.Emit(context));
        yield return (RetryKindEmitter.HintName, RetryKindEmitter.Emit(context));
        yield return (FamilyEmitter.HintName, FamilyEmitter.Emit(context));
        yield return (TransientAttributeEmitter.HintName, TransientAttributeEmitter.Emit(context));
        yield return (ErrorCodesEmitter.HintName, ErrorCodesEmitter.Emit(context));
        yield return (ParsingEmitter.HintName, ParsingEmitter.Emit(context));
        yield return (ErrorInfoEmitter.HintName, ErrorInfoEmitter.Emit(context));
        yield return (LimitsEmitter.HintName, LimitsEmitter.Emit(context));
        if (context.Features.ExceptionsUnavailableReason is not null)
        {
            yield break;
        }

        yield return (ExceptionsEmitter.HintName, ExceptionsEmitter.Emit(context));
        if (context.Options.OmitTemplates)
        {
            yield break;
        }

        foreach (var template in ExceptionTemplates)
        {
            yield return (GeneratedNames.HintName(template), TemplateEmitter.Emit(context, template));
        }

        if (context.Features.RetryUnavailableReason is not null)
        {
            yield break;
        }

        foreach (var template in RetryTemplates)
        {
            yield return (GeneratedNames.HintName(template), TemplateEmitter.Emit(context, template));
        }

        if (context.Features.RateLimiterUnavailableReason is null)
        {
            foreach (var template in RateLimitingTemplates)
            {
                yield return (GeneratedNames.HintName(template), TemplateEmitter.Emit(context, template));
            }
        }

        foreach (var template in IntegrationEmitter.Templates(context.Features.Integrations))
        {
            yield return (template + ".g.cs", TemplateEmitter.Emit(context, template));
        }

        if (!context.Features.WantsRedisLimiter || context.Features.RedisLimiterUnavailableReason is not null)
        {
            yield break;
        }

        foreach (var template in RedisTemplates)
        {
            yield return (template + ".g.cs", TemplateEmitter.Emit(context, template));
        }

        if (context.Features.Integrations.HasHttpClientFactory)
        {
            var extensions = GeneratedNames.RedisRateLimitHttpClientBuilderExtensions;
            yield return (extensions + ".g.cs", TemplateEmitter.Emit(context, extensions));

            // The fall-back and recovery logged through the container's logger, where there is one to use.
            if (context.Features.Integrations.HasLogging)
            {
                var logging = GeneratedNames.RedisRateLimitLogging;
                yield return (GeneratedNames.HintName(logging), TemplateEmitter.Emit(context, logging));
            }
        }
    }
}
