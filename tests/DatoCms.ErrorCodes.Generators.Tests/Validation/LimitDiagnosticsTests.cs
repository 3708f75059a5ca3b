using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Validation;

/// <summary>
/// The known counts and sizes under <c>limits</c> must be positive whole numbers: anything else is
/// DATO112, and the generated <c>DatoCmsLimits</c> falls back to today's value (for the limits the
/// retry handler needs) or leaves the limit out (for the others), so the output always compiles.
/// </summary>
public class LimitDiagnosticsTests
{
    private const string Codes = "codes:\n  A_CODE: none\n";

    private static GeneratorRun Run(string extraLimitLine) =>
        GeneratorRunner.Run(SmallSpec.Page("A_CODE"), SmallSpec.Limits + extraLimitLine + Codes);

    private static string LimitsSource(GeneratorRun run) => run.Sources[GeneratedNames.HintName(GeneratedNames.Limits)];

    [Theory]
    [InlineData("\"600\"")]
    [InlineData("'600'")]
    public void QuotedCountIsLeftOutWithAMessageThatSaysItIsQuoted(string value)
    {
        var run = Run($"  max-blocks-per-record: {value}\n");

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 7, "DATO112", DiagnosticSeverity.Warning, "Limit 'max-blocks-per-record' is ignored: it must be a whole number from 1 to 2147483647 (it is quoted: write it without quotes)") },
            DiagnosticRows.Of(run));
        Assert.DoesNotContain("MaxBlocksPerRecord", LimitsSource(run));
    }

    [Theory]
    [InlineData("max-blocks-per-recrod", "max-blocks-per-record")]
    [InlineData("max-block-per-record", "max-blocks-per-record")]
    [InlineData("request-per-windows", "requests-per-window")]
    [InlineData("rate-limit-remainig-header", "rate-limit-remaining-header")]
    public void MisspeltKnownLimitIsLeftOutInsteadOfBecomingAConstantOfItsOwn(string key, string meant)
    {
        var run = Run($"  {key}: 600\n");

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 7, "DATO112", DiagnosticSeverity.Warning, $"Limit '{key}' is ignored: it looks like a misspelling of '{meant}', a limit the generator knows") },
            DiagnosticRows.Of(run));
        Assert.DoesNotContain(CSharpNamesOf(key), LimitsSource(run));
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("max-blocks-per-page")]
    [InlineData("max-records-per-model")]
    [InlineData("max-locales")]
    public void OwnLimitThreeOrMoreEditsFromAKnownOneIsAConstant(string key)
    {
        var run = Run($"  {key}: 600\n");

        Assert.Empty(DiagnosticRows.Of(run));
        Assert.Contains($"public const int {CSharpNamesOf(key)} = 600;", LimitsSource(run));
    }

    private static string CSharpNamesOf(string key) => string.Concat(key.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

    [Theory]
    [InlineData("lots")]
    [InlineData("12.5")]
    [InlineData("0")]
    [InlineData("-600")]
    [InlineData("2147483648")]
    public void OptionalCountThatIsNotAPositiveIntIsLeftOut(string value)
    {
        var run = Run($"  max-blocks-per-record: {value}\n");

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 7, "DATO112", DiagnosticSeverity.Warning, "Limit 'max-blocks-per-record' is ignored: it must be a whole number from 1 to 2147483647") },
            DiagnosticRows.Of(run));
        Assert.DoesNotContain("MaxBlocksPerRecord", LimitsSource(run));
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-60")]
    [InlineData("3000000000")]
    [InlineData("100001")]
    [InlineData("sixty")]
    public void RequiredCountThatIsNotAPositiveIntFallsBackToTodaysValue(string value)
    {
        var overlay = SmallSpec.Limits.Replace("requests-per-window: 60", "requests-per-window: " + value) + Codes;

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), overlay);

        Assert.Equal(
            new[]
            {
                ("datocms-cma-errors.yaml", 2, "DATO112", DiagnosticSeverity.Warning, "Limit 'requests-per-window' is ignored: it must be a whole number from 1 to 100000"),
                ("datocms-cma-errors.yaml", 1, "DATO118", DiagnosticSeverity.Info, "The overlay does not set requests-per-window; today's values are used (60)"),
            },
            DiagnosticRows.Of(run));
        Assert.Contains("public const int RequestsPerWindow = 60;", LimitsSource(run));
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("86401")]
    public void WindowThatIsNotPositiveOrLongerThanADayFallsBackToTodaysWindow(string value)
    {
        var overlay = SmallSpec.Limits.Replace("rate-limit-window-seconds: 3", "rate-limit-window-seconds: " + value) + Codes;

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), overlay);

        Assert.Equal(
            new[]
            {
                ("datocms-cma-errors.yaml", 3, "DATO112", DiagnosticSeverity.Warning, "Limit 'rate-limit-window-seconds' is ignored: it must be a whole number from 1 to 86400"),
                ("datocms-cma-errors.yaml", 1, "DATO118", DiagnosticSeverity.Info, "The overlay does not set rate-limit-window-seconds; today's values are used (3)"),
            },
            DiagnosticRows.Of(run));
        Assert.Contains("public const int RateLimitWindowSeconds = 3;", LimitsSource(run));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void ValidOptionalCountsBecomeIntConstants()
    {
        var run = Run("  max-blocks-per-record: 500\n  max-block-nesting-depth: 5\n");

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public const int MaxBlocksPerRecord = 500;", LimitsSource(run));
        Assert.Contains("public const int MaxBlockNestingDepth = 5;", LimitsSource(run));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void LimitsOfOurOwnKeepTheTypeOfTheirValue()
    {
        var run = Run("  max-locales: lots\n  min-delta: -1\n");

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public const string MaxLocales = \"lots\";", LimitsSource(run));
        Assert.Contains("public const int MinDelta = -1;", LimitsSource(run));
        Assert.Empty(run.CompilationProblems);
    }
}
