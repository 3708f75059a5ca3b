// EXPECT: none. Clause feeds a circuit breaker (DATO003 out of scope).
using DatoCms.ErrorCodes;
using Polly;
using Polly.CircuitBreaker;

namespace Trial4;

internal static class S17_BreakerPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(),
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .Build();
}
