// EXPECT: none. `args.Outcome is { Exception: DatoCmsApiException { IsTransient: true } }` and the transient base.
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class S16_HttpPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create() =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome is { Exception: DatoCmsApiException { IsTransient: true } }
                    || args.Outcome.Exception is DatoCmsTransientApiException
                    || args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.BadGateway),
                MaxRetryAttempts = 5,
            })
            .Build();
}
