// EXPECT: DATO003: the predicate is a method taking RetryPredicateArguments that says yes to any DatoCmsApiException.
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class T14_MethodPredicate
{
    public static ResiliencePipeline<Item> Create() =>
        new ResiliencePipelineBuilder<Item>()
            .AddRetry(new RetryStrategyOptions<Item>
            {
                ShouldHandle = ShouldRetry,
                MaxRetryAttempts = 3,
            })
            .Build();

    private static ValueTask<bool> ShouldRetry(RetryPredicateArguments<Item> args) =>
        ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException);
}
