// EXPECT: none. Handle<DatoCmsApiException>(e => e.IsTransient).
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class S13_SdkPipelineTransient
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(e => e.IsTransient),
                MaxRetryAttempts = 4,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    (args.Outcome.Exception as DatoCmsApiException)?.RateLimitReset),
            })
            .Build();
}
