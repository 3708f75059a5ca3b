using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Validation;

/// <summary>
/// Each code's doc link is the overlay's docs-url plus #CODE. A docs-url that is empty or not an
/// absolute web address is reported (DATO121) and the default (or an earlier overlay's) is used,
/// so links never degrade to a bare <c>#CODE</c>.
/// </summary>
public class DocsUrlDiagnosticsTests
{
    private const string DefaultUrl = "https://www.datocms.com/docs/content-management-api/errors";
    private const string Codes = "codes:\n  A_CODE: none\n";

    [Theory]
    [InlineData("docs-url:", "it is empty")]
    [InlineData("docs-url: ''", "it is empty")]
    [InlineData("docs-url: errors", "'errors' is not an absolute http or https URL")]
    [InlineData("docs-url: /docs/errors", "'/docs/errors' is not an absolute http or https URL")]
    [InlineData("docs-url: '#'", "'#' is not an absolute http or https URL")]
    [InlineData("docs-url: ftp://example.test/errors", "'ftp://example.test/errors' is not an absolute http or https URL")]
    public void UnusableDocsUrlFallsBackToTheDefault(string line, string reason)
    {
        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), line + "\n" + SmallSpec.Limits + Codes);

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 1, "DATO121", DiagnosticSeverity.Warning, $"The overlay's docs-url is ignored: {reason}; the doc links are based on {DefaultUrl}") },
            DiagnosticRows.Of(run));
        var codes = run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCodes)];
        Assert.Contains($"public const string DocsUrl = \"{DefaultUrl}\";", codes);
        Assert.Contains($"\"{DefaultUrl}#A_CODE\"", codes);
        Assert.DoesNotContain("\"#A_CODE\"", codes);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void EmptyDocsUrlInALaterOverlayKeepsTheEarlierOne()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(GeneratorRunner.PagePath, SmallSpec.Page("A_CODE")),
            new InMemoryAdditionalText(GeneratorRunner.OverlayPath, "docs-url: https://example.test/errors/\n" + SmallSpec.Limits + Codes),
            new InMemoryAdditionalText("/project/spec/local/datocms-cma-errors.yaml", "# local overrides\ndocs-url:\n"),
        };

        var run = GeneratorRunner.Run(files, new TestOptionsProvider());

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 2, "DATO121", DiagnosticSeverity.Warning, "The overlay's docs-url is ignored: it is empty; the doc links are based on https://example.test/errors") },
            DiagnosticRows.Of(run));
        Assert.Equal("/project/spec/local/datocms-cma-errors.yaml", Assert.Single(run.Diagnostics).Location.GetLineSpan().Path);
        Assert.Contains("\"https://example.test/errors#A_CODE\"", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCodes)]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void HttpAndHttpsAddressesAreAccepted()
    {
        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), "docs-url: http://intranet.example.test/dato/errors#\n" + SmallSpec.Limits + Codes);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("\"http://intranet.example.test/dato/errors#A_CODE\"", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCodes)]);
    }
}
