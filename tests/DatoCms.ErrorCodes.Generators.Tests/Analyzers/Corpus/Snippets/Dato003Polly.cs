//// V8RetryHandlesEveryApiError
using Polly;
using Polly.Retry;

public static class Pipelines
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}(),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();
}
//// V8OutcomeExceptionIsApiException
using Polly;
using Polly.Retry;

public static class OutcomePipeline
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is {|DATO003:DatoCmsApiException|}),
            Delay = TimeSpan.FromMilliseconds(500),
        })
        .Build();
}
//// V8SwitchOnOutcomeProperty
using Polly;
using Polly.Retry;

public static class SwitchPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build() => new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => args.Outcome switch
            {
                { Exception: {|DATO003:DatoCmsApiException|} } => PredicateResult.True(),
                { Result.StatusCode: System.Net.HttpStatusCode.BadGateway } => PredicateResult.True(),
                _ => PredicateResult.False(),
            },
        })
        .Build();
}
//// V7WaitAndRetry
using Polly;

public static class LegacyPolicies
{
    public static IAsyncPolicy Retry() => Policy
        .{|DATO003:Handle<DatoCmsApiException>|}()
        .WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
}
//// V7OrAfterHttpRequestException
using Polly;

public static class LegacyOr
{
    public static IAsyncPolicy Retry() => Policy
        .Handle<HttpRequestException>()
        .{|DATO003:Or<DatoCmsApiException>|}()
        .WaitAndRetryAsync(5, _ => TimeSpan.FromSeconds(1));
}
//// V8AlwaysTruePredicate
using Polly;
using Polly.Retry;

public static class AlwaysTrue
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}(_ => true),
        })
        .Build();
}
//// V8PredicateThroughLocal
using Polly;
using Polly.Retry;

public static class LocalPredicate
{
    public static ResiliencePipeline Build(ILogger logger)
    {
        Func<DatoCmsApiException, bool> logAndRetry = ex =>
        {
            logger.LogWarning(ex, "Retrying after a DatoCMS error");
            return true;
        };

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}(logAndRetry) })
            .Build();
    }
}
//// V8PredicateMethodGroup
using Polly;
using Polly.Retry;

public static class MethodGroupPredicate
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}(ShouldRetry) })
        .Build();

    private static bool ShouldRetry(DatoCmsApiException ex)
    {
        Console.WriteLine("retrying: " + ex.Message);
        return true;
    }
}
//// V8GenericBuilderForResponses
using Polly;
using Polly.Retry;

public static class HttpPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build() => new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .{|DATO003:Handle<DatoCmsApiException>|}(),
            MaxRetryAttempts = 3,
        })
        .Build();
}
//// V8HandleInner
using Polly;
using Polly.Retry;

public static class InnerPipeline
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().{|DATO003:HandleInner<DatoCmsApiException>|}() })
        .Build();
}
//// V7GenericPolicyRetry
using Polly;

public static class LegacyGeneric
{
    public static IAsyncPolicy<HttpResponseMessage> Retry() => Policy<HttpResponseMessage>
        .{|DATO003:Handle<DatoCmsApiException>|}()
        .RetryAsync(3);
}
//// V8ExceptionSwitchArm
using Polly;
using Polly.Retry;

public static class ExceptionSwitch
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => args.Outcome.Exception switch
            {
                {|DATO003:DatoCmsApiException|} => PredicateResult.True(),
                HttpRequestException => PredicateResult.True(),
                _ => PredicateResult.False(),
            },
        })
        .Build();
}
//// TopLevelPipeline
using Polly;
using Polly.Retry;

var pipeline = new ResiliencePipelineBuilder()
    .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}(), MaxRetryAttempts = 2 })
    .Build();
var http = new HttpClient { BaseAddress = new Uri("https://site-api.datocms.com/") };
await pipeline.ExecuteAsync(async ct =>
{
    using var response = await http.GetAsync("items", ct);
    await response.EnsureDatoCmsSuccessAsync(ct);
});
//// V8HandlesTransientBase
using Polly;
using Polly.Retry;

public static class TransientPipeline
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<DatoCmsTransientApiException>(), MaxRetryAttempts = 5 })
        .Build();
}
//// V8IsTransientPredicate
using Polly;
using Polly.Retry;

public static class IsTransientPipeline
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.IsTransient) })
        .Build();
}
//// V8SelectiveCodes
using Polly;
using Polly.Retry;

public static class SelectivePipeline
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.Code is DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.RateLimitExceeded),
        })
        .Build();
}
//// V8TransientPredicateThroughLocal
using Polly;
using Polly.Retry;

public static class LocalTransient
{
    public static ResiliencePipeline Build()
    {
        Func<DatoCmsApiException, bool> isTransient = ex => ex.IsTransient;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle(isTransient) })
            .Build();
    }
}
//// V8TransientMethodGroup
using Polly;
using Polly.Retry;

public static class GroupTransient
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(IsRetryable) })
        .Build();

    private static bool IsRetryable(DatoCmsApiException ex) => ex.IsTransient || ex.Code == DatoCmsErrorCode.StaleItemVersion;
}
//// V8RateLimitResetPredicate
using Polly;
using Polly.Retry;

public static class ResetPipeline
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.RateLimitReset is not null) })
        .Build();
}
//// V8CircuitBreakerTakesEverything
using Polly;
using Polly.CircuitBreaker;

public static class Breaker
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(),
            FailureRatio = 0.5,
            BreakDuration = TimeSpan.FromSeconds(30),
        })
        .Build();
}
//// V7CircuitBreaker
using Polly;

public static class LegacyBreaker
{
    public static IAsyncPolicy Breaker() => Policy
        .Handle<DatoCmsApiException>()
        .CircuitBreakerAsync(5, TimeSpan.FromSeconds(30));
}
//// V8OutcomePatternWithIsTransient
using Polly;
using Polly.Retry;

public static class PatternPipeline
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException { IsTransient: true }),
        })
        .Build();
}
//// V8FallbackTakesEverything
using Polly;
using Polly.Fallback;

public static class Fallback
{
    public static ResiliencePipeline<Item?> Build() => new ResiliencePipelineBuilder<Item?>()
        .AddFallback(new FallbackStrategyOptions<Item?>
        {
            ShouldHandle = new PredicateBuilder<Item?>().Handle<DatoCmsApiException>(),
            FallbackAction = _ => Outcome.FromResultAsValueTask<Item?>(null),
        })
        .Build();
}
//// V7TransientFilter
using Polly;

public static class LegacyTransient
{
    public static IAsyncPolicy Retry() => Policy
        .Handle<DatoCmsApiException>(ex => ex.IsTransient)
        .WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(attempt));
}
//// V8OutcomeIsTransientType
using Polly;
using Polly.Retry;

public static class TransientType
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsTransientApiException or HttpRequestException),
        })
        .Build();
}
//// V8TypeTestThenCodeCheck
using Polly;
using Polly.Retry;

public static class CodeChecked
{
    public static ResiliencePipeline Build() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException api && api.Code.IsTransient()),
        })
        .Build();
}
