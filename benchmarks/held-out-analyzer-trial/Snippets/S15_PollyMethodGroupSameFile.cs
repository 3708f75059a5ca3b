// EXPECT: DATO003 on `Handle<DatoCmsApiException>`: the method group (same file) logs and returns true without looking at the error kind.
using DatoCms.ErrorCodes;
using Polly;
using Polly.Retry;

namespace Trial4;

internal static class S15_MethodGroupPipeline
{
    public static ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ShouldRetry),
                MaxRetryAttempts = 3,
            })
            .Build();

    private static bool ShouldRetry(DatoCmsApiException ex)
    {
        Console.Error.WriteLine($"retrying after: {ex.Message}");
        return true;
    }
}
