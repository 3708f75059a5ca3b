// EXPECT: DATO003 on `HandleInner<DatoCmsApiException>` (no predicate).
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class T12_InnerPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().HandleInner<DatoCmsApiException>(),
                MaxRetryAttempts = 2,
            })
            .Build();
}
