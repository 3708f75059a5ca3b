using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Generator;

public class MinimalSpecTests
{
    [Fact]
    public void OneCodeSpecCompilesAndReportsMissingLimitsOnce()
    {
        var run = GeneratorRunner.Run("###### `ITEM_LOCKED`\n\nThe record is locked. Retry later.\n", "codes:\n  ITEM_LOCKED: { retry: backoff, family: concurrency }\n");
        Assert.Equal(new[] { "DATO118 1: The overlay does not set requests-per-window, rate-limit-window-seconds, rate-limit-limit-header, rate-limit-remaining-header, rate-limit-reset-header; today's values are used (60, 3, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset)" }, run.DiagnosticLines);
        Assert.Empty(run.CompilationProblems);
    }
}
