// EXPECT: DATO003 on the type `DatoCmsApiException` in the switch arm of the hand-written predicate.
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class S14_SwitchPredicatePipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => args.Outcome.Exception switch
                {
                    HttpRequestException => PredicateResult.True(),
                    DatoCmsApiException => PredicateResult.True(),
                    _ => PredicateResult.False(),
                },
                MaxRetryAttempts = 3,
            })
            .Build();
}
