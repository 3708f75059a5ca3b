using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.SpecParsing;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using DatoCms.ErrorCodes.Generators.Validation;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Validation;

/// <summary>
/// The API sends codes its documentation page does not list. An overlay entry with a
/// <c>description</c> defines such a code: it gets a member, an exception and its classification,
/// like a code of the page, and no DATO106.
/// </summary>
public class OverlayDefinedCodeTests
{
    private const string Defined = "  NEW_CODE:\n    retry: backoff\n    family: environment\n    description: \"Editors are busy. Wait, then retry.\"\n";

    [Fact]
    public void TheReaderKeepsTheDescription()
    {
        var overlay = OverlayReader.Read("o.yaml", "codes:\n" + Defined);

        Assert.Empty(overlay.Diagnostics);
        Assert.Equal("Editors are busy. Wait, then retry.", overlay.Codes.Single().Description);
    }

    [Fact]
    public void ACodeWithADescriptionIsGeneratedAfterThePageCodesWithoutAWarning()
    {
        var overlay = SmallSpec.Limits + "codes:\n" + Defined + "  A_CODE: none\n";

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), overlay);

        Assert.Empty(run.Diagnostics);
        var enumSource = run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)];
        Assert.Contains("ACode = 1,", enumSource);
        Assert.Contains("NewCode = 2,", enumSource);
        Assert.Contains("[DatoCmsTransient(DatoCmsRetryKind.Backoff)]\n        NewCode = 2,", enumSource);
        Assert.Contains("/// Editors are busy.\n", enumSource);
        var codes = run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCodes)];
        Assert.Contains("return \"Editors are busy. Wait, then retry.\";", codes);
        Assert.Contains("case DatoCmsErrorCode.NewCode:\n                    return DatoCmsErrorFamily.Environment;", codes);
        Assert.Contains("case DatoCmsErrorCode.NewCode: return new NewCodeException(statusCode, errors, rawBody, rateLimitReset);", run.Sources[GeneratedNames.HintName(GeneratedNames.CodeExceptionsFile)]);
        Assert.Contains("internal sealed class NewCodeException : DatoCmsTransientApiException", run.Sources[GeneratedNames.HintName(GeneratedNames.CodeExceptionsFile)]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void WhenThePageListsTheCodeThePageTextIsUsed()
    {
        var result = SpecBuilder.Build(
            new[] { new SpecFile("/p/datocms-cma-errors.md", SpecFileKind.ErrorPage, SmallSpec.Page("NEW_CODE")) },
            new[] { new SpecFile("/p/datocms-cma-errors.yaml", SpecFileKind.Overlay, SmallSpec.Limits + "codes:\n" + Defined) });

        Assert.Empty(result.Diagnostics);
        var code = Assert.Single(result.Spec!.Codes);
        Assert.Equal(("Description of NEW_CODE. More.", DatoRetryKind.Backoff), (code.Description, code.RetryKind));
    }

    [Fact]
    public void WithoutADescriptionOrWithAKeyThatIsNoCodeTheEntryIsStillReported()
    {
        var overlay = SmallSpec.Limits + "codes:\n  A_CODE: none\n  GONE_CODE: { retry: backoff }\n  lower_code: { retry: backoff, description: \"Not a code.\" }\n";

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), overlay);

        Assert.Equal(
            new[]
            {
                ("datocms-cma-errors.yaml", 9, "DATO106", DiagnosticSeverity.Warning, "The overlay classifies 'GONE_CODE', but the error-code page has no such entry; the entry is ignored"),
                ("datocms-cma-errors.yaml", 10, "DATO106", DiagnosticSeverity.Warning, "The overlay classifies 'lower_code', but the error-code page has no such entry; the entry is ignored"),
            },
            DiagnosticRows.Of(run));
        Assert.DoesNotContain("GoneCode", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)]);
    }

    [Fact]
    public void TheBundledOverlaysCodesAreGeneratedWithTheUsersOwnPage()
    {
        var result = SpecBuilder.Build(
            new[] { new SpecFile("/app/datocms-cma-errors.md", SpecFileKind.ErrorPage, SmallSpec.Page("A_CODE")) },
            new[] { new SpecFile("/nuget/datocms-cma-errors.yaml", SpecFileKind.Overlay, SmallSpec.Limits + "codes:\n  A_CODE: none\n" + Defined, IsBundled: true) });

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "A_CODE", "NEW_CODE" }, result.Spec!.Codes.Select(c => c.ApiCode));
    }

    [Fact]
    public void AnOverlayCodeClashingWithAPageCodeIsReportedAtItsKey()
    {
        var overlay = SmallSpec.Limits + "codes:\n  A_CODE: none\n  A__CODE: { description: \"Same C# name.\" }\n";

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), overlay);

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 9, "DATO104", DiagnosticSeverity.Error, "Error code 'A__CODE' maps to the C# name 'ACode', which is already used by 'A_CODE'; set 'member' (and 'exception') for it in the overlay") },
            DiagnosticRows.Of(run));
        Assert.Empty(run.CompilationProblems);
    }
}
