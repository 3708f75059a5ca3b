//// V7RetryForever
using Polly;

public static class ForeverPolicies
{
    public static readonly IAsyncPolicy Retry = Policy.{|DATO003:Handle<DatoCmsApiException>|}().RetryForeverAsync();
}
//// V7SelectiveHandleThenOrInnerEverything
using Polly;

public static class WrappedPolicies
{
    public static readonly IAsyncPolicy Retry = Policy
        .Handle<DatoCmsApiException>(ex => ex.IsTransient)
        .{|DATO003:OrInner<DatoCmsApiException>|}()
        .WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(attempt));
}
//// V8HedgingOnEveryApiError
using Polly;
using Polly.Hedging;

public static class ReadHedging
{
    public static ResiliencePipeline<Item> Create() =>
        new ResiliencePipelineBuilder<Item>()
            .AddHedging(new HedgingStrategyOptions<Item>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is {|DATO003:DatoCmsApiException|}),
                MaxHedgedAttempts = 2,
            })
            .Build();
}
//// V8PredicateBuilderKeptInStaticField
using Polly;
using Polly.Retry;

public static class SharedPredicates
{
    private static readonly PredicateBuilder<object> ApiErrors = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}();

    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = ApiErrors, MaxRetryAttempts = 3 })
            .Build();
}
//// V8NewValueTaskOfTypeTest
using Polly;
using Polly.Retry;

public static class ValueTaskPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is {|DATO003:DatoCmsApiException|}),
            })
            .Build();
}
//// V8PredicateExcludesNotFoundByCode
using Polly;
using Polly.Retry;

public static class NotFoundAwarePipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.Code != DatoCmsErrorCode.NotFound),
            })
            .Build();
}
//// V8PredicateOnServerStatus
using Polly;
using Polly.Retry;

public static class ServerErrorPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.StatusCode >= 500),
            })
            .Build();
}
//// V8SwitchOnExceptionReturnsIsTransient
using Polly;
using Polly.Retry;

public static class SwitchPredicatePipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => args.Outcome.Exception switch
                {
                    DatoCmsApiException api => ValueTask.FromResult(api.IsTransient),
                    HttpRequestException => PredicateResult.True(),
                    _ => PredicateResult.False(),
                },
            })
            .Build();
}
//// V8SpecificTransientExceptionType
using Polly;
using Polly.Retry;

public static class LockPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<ItemLockedException>().Handle<RateLimitExceededException>() })
            .Build();
}
//// V8FallbackReturnsCachedItem
using Polly;
using Polly.Fallback;

public static class FallbackPipeline
{
    public static ResiliencePipeline<Item> Create(Item cached) =>
        new ResiliencePipelineBuilder<Item>()
            .AddFallback(new FallbackStrategyOptions<Item>
            {
                ShouldHandle = new PredicateBuilder<Item>().Handle<DatoCmsApiException>(),
                FallbackAction = _ => Outcome.FromResultAsValueTask(cached),
            })
            .Build();
}
//// V7GenericRetryKindRateLimit
using Polly;

public static class RateLimitPolicies
{
    public static readonly IAsyncPolicy<Item> Retry = Policy<Item>
        .Handle<DatoCmsApiException>(e => e.RetryKind == DatoCmsRetryKind.RateLimit)
        .WaitAndRetryAsync(3, (_, outcome, _) => (outcome.Exception as DatoCmsApiException)?.RateLimitReset ?? TimeSpan.FromSeconds(3), (_, _, _, _) => Task.CompletedTask);
}
//// GotoRetryFilteredNoWait
public sealed class GotoSaver(IContentClient client)
{
    public async Task<Item> SaveAsync(Item item, CancellationToken ct)
    {
        var attempts = 0;
    retry:
        try
        {
            return await client.UpdateItemAsync(item, ct);
        }
        {|DATO004:catch (DatoCmsApiException ex)|} when (ex.IsTransient && ++attempts < 3)
        {
            goto retry;
        }
    }
}
//// GotoRetryAfterDelay
public sealed class GotoWaitingSaver(IContentClient client)
{
    public async Task<Item> SaveAsync(Item item, CancellationToken ct)
    {
        var attempts = 0;
    retry:
        try
        {
            return await client.UpdateItemAsync(item, ct);
        }
        catch (DatoCmsApiException ex) when (ex.IsTransient && ++attempts < 3)
        {
            await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempts), ct);
            goto retry;
        }
    }
}
//// WhileAttemptCounterDelayUnlessLast
public sealed class CountedReader(IContentClient client, ILogger logger)
{
    public async Task<Item?> ReadAsync(string id, CancellationToken ct)
    {
        const int maxAttempts = 4;
        var attempt = 0;
        while (attempt++ < maxAttempts)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsTransientApiException ex)
            {
                logger.LogWarning(ex, "Attempt {Attempt} failed", attempt);
                if (attempt < maxAttempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
                }
            }
        }

        return null;
    }
}
//// SyncRecursionWithThreadSleep
public sealed class SyncRecursiveReader(IContentClient client)
{
    public Item Read(string id, int attempt = 0)
    {
        try
        {
            return client.GetItemAsync(id).GetAwaiter().GetResult();
        }
        catch (DatoCmsApiException ex) when (ex.IsTransient && attempt < 3)
        {
            Thread.Sleep(TimeSpan.FromSeconds(1 << attempt));
            return Read(id, attempt + 1);
        }
    }
}
//// DelayComputedByPureHelper
public sealed class JitterReader(IContentClient client)
{
    public async Task<Item> ReadAsync(string id, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && attempt < 5)
            {
                await Task.Delay(NextDelay(attempt, ex.RateLimitReset), ct);
            }
        }
    }

    private static TimeSpan NextDelay(int attempt, TimeSpan? hint) =>
        hint ?? TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt) + Random.Shared.Next(0, 100));
}
//// LoopReturnsOnNotFoundRetriesRestAtOnce
public sealed class EagerRetrier(IContentClient client, ILogger logger)
{
    public async Task<Item?> ReadAsync(string id, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            {|DATO004:catch (DatoCmsApiException ex)|}
            {
                if (ex.Code == DatoCmsErrorCode.NotFound)
                {
                    return null;
                }

                logger.LogWarning(ex, "Reading {Id} failed, trying again", id);
            }
        }
    }
}
//// TwoTransientClausesBothWait
public sealed class ThrottleAwareReader(IContentClient client)
{
    public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await client.ListItemsAsync(ct);
            }
            catch (DatoCmsTransientApiException ex) when (ex.RateLimitReset is { } reset)
            {
                await Task.Delay(reset, ct);
            }
            catch (DatoCmsTransientApiException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }
}
//// ParallelItemsEachRetryWithoutWait
public sealed class ParallelUpdater(IContentClient client)
{
    public Task UpdateAllAsync(IEnumerable<Item> items, CancellationToken ct) =>
        Parallel.ForEachAsync(items, ct, async (item, token) =>
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                try
                {
                    await client.UpdateItemAsync(item, token);
                    return;
                }
                {|DATO004:catch (DatoCmsTransientApiException)|} when (attempt < 3)
                {
                }
            }
        });
}
//// TwoSeparateApiCodeComparisons
public sealed class AvailabilityCheck
{
    public bool IsTemporarilyDown(DatoCmsApiException ex) =>
        {|DATO005:ex.ApiCode == "SERVICE_UNAVAILABLE"|} || {|DATO005:ex.ApiCode == "ENVIRONMENT_NOT_READY"|};
}
//// InvariantIgnoreCaseMixedCase
public sealed class MixedCaseCheck
{
    public bool IsLocked(DatoCmsApiException ex) => {|DATO005:ex.ApiCode.Equals("Item_Locked", StringComparison.InvariantCultureIgnoreCase)|};
}
//// IsPatternCombinedWithOtherCondition
public sealed class FieldErrorCheck
{
    public bool HasFieldError(DatoCmsApiError error) => {|DATO005:error.ApiCode is "INVALID_FIELD"|} && error.Id is not null;
}
//// TrailingSpaceInLiteral
public sealed class SpaceTypo
{
    public bool IsLocked(DatoCmsApiException ex) => ex.ApiCode == {|DATO006:"ITEM_LOCKED "|};
}
//// TryParseWithWrongCase
public static class DefaultCodes
{
    public static bool Load(out DatoCmsErrorCode code) => DatoCmsErrorCodes.TryParse({|DATO006:"Not_Found"|}, out code);
}
//// NotEqualsCodeThatDoesNotExist
public sealed class EnvironmentWatcher
{
    public bool IsReady(DatoCmsApiException ex) => ex.ApiCode != {|DATO006:"ENVIRONMENT_NOT_READY_YET"|};
}
//// OrdinalEqualsLowerCaseOnError
public sealed class LowerCaseCheck
{
    public bool IsFieldError(DatoCmsApiError error) => error.ApiCode.Equals({|DATO006:"invalid_field"|});
}
//// ApiCodeLengthAndSeparatorChecks
public sealed class ShapeCheck
{
    public bool LooksLikeACode(DatoCmsApiException ex) => ex.ApiCode.Length > 0 && ex.ApiCode.Contains('_');
}
//// ApiCodesOfTwoErrorsCompared
public sealed class SameCodeCheck
{
    public bool AllSame(DatoCmsApiException ex) => ex.Errors.All(e => e.ApiCode == ex.ApiCode);
}
//// DictionaryOfUserMessagesByApiCode
public sealed class UserMessages
{
    private static readonly Dictionary<string, string> Texts = new() { ["NOT_FOUND"] = "Not found", ["INVALID_FIELD"] = "Check the form" };

    public string For(DatoCmsApiException ex) => Texts.TryGetValue(ex.ApiCode, out var text) ? text : "Unexpected error";
}
//// RequestIdComparedWithLiteral
public sealed class RequestMatcher
{
    public bool IsTracked(DatoCmsApiException ex) => ex.RequestId == "req-test-1";
}
//// InterpolatedLogOfApiCode
public sealed class CodeLogger(ILogger logger)
{
    public void Log(DatoCmsApiException ex) => logger.LogWarning($"DatoCMS said {ex.ApiCode} ({ex.StatusCode})");
}
