// EXPECT: none. Predicate hands the exception to a bool method in another file (doc: "we take that as your decision").
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class S57_DelegatedPredicate
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => RetryRules.IsRetryable(ex)),
                MaxRetryAttempts = 3,
            })
            .Build();
}
