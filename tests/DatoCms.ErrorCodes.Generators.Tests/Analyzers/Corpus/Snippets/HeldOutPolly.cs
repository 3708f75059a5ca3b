//// V8FactoryHandlesHttpAndEveryApiError
using Polly;
using Polly.Retry;

public static class ContentPipelines
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .{|DATO003:Handle<DatoCmsApiException>|}(),
                MaxRetryAttempts = 5,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Build();
}
//// V8PredicateLogsAndAlwaysRetries
using Polly;
using Polly.Retry;

public sealed class ItemPipelineFactory(ILogger logger)
{
    public ResiliencePipeline<Item> Create() =>
        new ResiliencePipelineBuilder<Item>()
            .AddRetry(new RetryStrategyOptions<Item>
            {
                ShouldHandle = new PredicateBuilder<Item>().{|DATO003:Handle<DatoCmsApiException>|}(ex =>
                {
                    logger.LogWarning(ex, "DatoCMS call failed, retrying");
                    return true;
                }),
                MaxRetryAttempts = 3,
            })
            .Build();
}
//// V8ShouldHandleSwitchOnOutcome
using Polly;
using Polly.Retry;

public static class PublishPipeline
{
    public static readonly ResiliencePipeline Instance = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => args.Outcome switch
            {
                { Exception: HttpRequestException } => PredicateResult.True(),
                { Exception: {|DATO003:DatoCmsApiException|} } => PredicateResult.True(),
                _ => PredicateResult.False(),
            },
            MaxRetryAttempts = 4,
        })
        .Build();
}
//// V8ShouldHandleStaticMethodWithOrPattern
using Polly;
using Polly.Retry;

public static class SyncPipeline
{
    public static ResiliencePipeline Build() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = ShouldRetry, MaxRetryAttempts = 3 })
            .Build();

    private static ValueTask<bool> ShouldRetry(RetryPredicateArguments<object> args) =>
        ValueTask.FromResult(args.Outcome.Exception is HttpRequestException or {|DATO003:DatoCmsApiException|});
}
//// V7WaitAndRetryOrApiException
using Polly;

public static class LegacyPolicies
{
    public static readonly IAsyncPolicy Retry = Policy
        .Handle<HttpRequestException>()
        .{|DATO003:Or<DatoCmsApiException>|}()
        .WaitAndRetryAsync(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) });
}
//// V7GenericPolicyWithResultCheck
using Polly;

public sealed class ResponsePolicies
{
    public IAsyncPolicy<HttpResponseMessage> Create() =>
        Policy<HttpResponseMessage>
            .{|DATO003:Handle<DatoCmsApiException>|}()
            .OrResult(r => (int)r.StatusCode == 429)
            .WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
}
//// V8MethodGroupThatAlwaysSaysYes
using Polly;
using Polly.Retry;

public sealed class ImportPipeline(ILogger logger)
{
    public ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}(IsRetryable),
            })
            .Build();

    private bool IsRetryable(DatoCmsApiException ex)
    {
        logger.LogWarning(ex, "Import call failed");
        return true;
    }
}
//// V8LocalPredicateOnlyChecksNull
using Polly;
using Polly.Retry;

public static class ExportPipeline
{
    public static ResiliencePipeline Create()
    {
        Func<DatoCmsApiException, bool> retryAll = ex => ex is not null;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}(retryAll) })
            .Build();
    }
}
//// V8RetryKindPredicate
using Polly;
using Polly.Retry;

public static class MediaPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.RetryKind is DatoCmsRetryKind.Backoff or DatoCmsRetryKind.RateLimit),
                MaxRetryAttempts = 6,
            })
            .Build();
}
//// V8CircuitBreakerCountsEveryApiError
using Polly;
using Polly.CircuitBreaker;

public static class BreakerPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(),
                FailureRatio = 0.5,
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .Build();
}
//// V8MethodGroupChecksIsTransient
using Polly;
using Polly.Retry;

public static class WebhookPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(IsTransientError) })
            .Build();

    private static bool IsTransientError(DatoCmsApiException ex) => ex.IsTransient || ex.StatusCode == 503;
}
//// V8OutcomePropertyPatternOnRetryKind
using Polly;
using Polly.Retry;

public static class SearchPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException { RetryKind: not DatoCmsRetryKind.None }),
            })
            .Build();
}
//// V7TransientBaseWaitAndRetry
using Polly;

public static class TransientPolicies
{
    public static readonly IAsyncPolicy Retry = Policy
        .Handle<DatoCmsTransientApiException>()
        .WaitAndRetryAsync(5, attempt => TimeSpan.FromSeconds(attempt));
}
//// V7SelectiveCodesOrPattern
using Polly;

public static class LockPolicies
{
    public static readonly IAsyncPolicy Retry = Policy
        .Handle<DatoCmsApiException>(ex => ex.Code is DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.ConcurrentItemUpdate)
        .WaitAndRetryAsync(3, _ => TimeSpan.FromSeconds(2));
}
//// V8OnRetryLogsEveryApiErrorButPredicateIsSelective
using Polly;
using Polly.Retry;

public sealed class LoggedPipeline(ILogger logger)
{
    public ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.IsTransient),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is DatoCmsApiException api)
                    {
                        logger.LogWarning(api, "Retrying after {Code}", api.Code);
                    }

                    return default;
                },
            })
            .Build();
}
//// V8PredicateOnRateLimitReset
using Polly;
using Polly.Retry;

public static class ThrottledPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.RateLimitReset is not null),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException { RateLimitReset: { } reset } ? reset : (TimeSpan?)null),
            })
            .Build();
}
//// V7FallbackToNullOnEveryApiError
using Polly;

public static class FallbackPolicies
{
    public static readonly IAsyncPolicy<Item?> Fallback = Policy<Item?>
        .Handle<DatoCmsApiException>()
        .FallbackAsync((Item?)null);
}
