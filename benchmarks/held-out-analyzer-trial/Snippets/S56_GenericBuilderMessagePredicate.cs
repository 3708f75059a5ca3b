// EXPECT: DATO003 on `Handle<DatoCmsApiException>`: the predicate only looks at the message, not the kind of error.
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class S56_HttpRetry
{
    public static ResiliencePipeline<HttpResponseMessage> Create() =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .HandleResult(r => (int)r.StatusCode >= 500)
                    .Handle<DatoCmsApiException>(ex => !string.IsNullOrEmpty(ex.Message)),
                MaxRetryAttempts = 3,
            })
            .Build();
}
