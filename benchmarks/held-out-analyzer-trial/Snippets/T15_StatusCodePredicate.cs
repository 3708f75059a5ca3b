// EXPECT: none. Predicate reads StatusCode (selective per docs).
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class T15_StatusPredicate
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.StatusCode == 429 || ex.StatusCode >= 502),
            })
            .Build();
}
