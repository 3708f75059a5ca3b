// EXPECT: DATO003 on the type `DatoCmsApiException` in `is DatoCmsApiException or TimeoutException`.
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class T13_TernaryPredicate
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => args.Outcome.Exception is DatoCmsApiException or TimeoutException
                    ? PredicateResult.True()
                    : PredicateResult.False(),
            })
            .Build();
}
