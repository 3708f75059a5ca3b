using System.Text.RegularExpressions;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Validation;

/// <summary>
/// Families and limits become C# members too. Two spellings with one PascalCase name, or a limit named
/// like its class, are reported and the later one is dropped, so the output always compiles (no CS0102
/// or CS0542).
/// </summary>
public class GeneratedNameClashTests
{
    private static int Count(string source, string pattern) => Regex.Matches(source, pattern).Count;

    [Fact]
    public void TwoFamiliesWithOneCSharpNameKeepTheFirstInPageOrder()
    {
        var overlay = SmallSpec.Limits + "codes:\n  A_CODE: { family: x-1 }\n  B_CODE: { family: x1 }\n  C_CODE: { family: x-1 }\n";

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE", "B_CODE", "C_CODE"), overlay);

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 9, "DATO110", DiagnosticSeverity.Warning, "Family 'x1' of 'B_CODE' maps to the C# name 'X1', which is already used by family 'x-1'; the code is generated without a family") },
            DiagnosticRows.Of(run));
        var families = run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorFamily)];
        Assert.Equal(1, Count(families, @"\bX1 = "));
        Assert.Contains("The 'x-1' family (2 codes).", families);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void FamilyNamedUnknownIsReportedNotFoldedIntoTheUnknownMember()
    {
        var overlay = SmallSpec.Limits + "codes:\n  A_CODE: { retry: backoff, family: unknown }\n  B_CODE: { family: other }\n";

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE", "B_CODE"), overlay);

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 8, "DATO110", DiagnosticSeverity.Warning, "Family 'unknown' of 'A_CODE' maps to the C# name 'Unknown', which DatoCmsErrorFamily keeps for codes without a family; the code is generated without a family") },
            DiagnosticRows.Of(run));
        var families = run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorFamily)];
        Assert.Equal(1, Count(families, @"\bUnknown = "));
        Assert.Contains("Other = 1,", families);
        Assert.DoesNotContain("'unknown'", families);
        Assert.Contains("return DatoCmsRetryKind.Backoff;", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCodes)]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void NamesThatWouldHideAShortTypeNameStillCompile()
    {
        // Generated code names the types of its own namespace without global::. A code's member
        // named like DatoCmsRetryKind is in scope in the enum's attributes, and an exception named
        // like a member of DatoCmsApiException is hidden inside it: both are written in full.
        var overlay = SmallSpec.Limits + "codes:\n  DATO_CMS_RETRY_KIND: { retry: backoff }\n  B_CODE: { retry: backoff, exception: Message }\n  C_CODE: { retry: rate-limit, exception: InnerException }\n";

        var run = GeneratorRunner.Run(SmallSpec.Page("DATO_CMS_RETRY_KIND", "B_CODE", "C_CODE"), overlay);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("DatoCmsRetryKind = 1,", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void FamilyNamedLikeItsEnumIsAllowed()
    {
        // Unlike a class member (CS0542), an enum member may share the enum's name.
        var overlay = SmallSpec.Limits + "codes:\n  A_CODE: { family: dato-cms-error-family }\n";

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), overlay);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("DatoCmsErrorFamily = 1,", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorFamily)]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void TwoLimitsWithOneCSharpNameKeepTheFirst()
    {
        var overlay = SmallSpec.Limits + "  max-1: 1\n  max1: 2\ncodes:\n  A_CODE: none\n";

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), overlay);

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 8, "DATO112", DiagnosticSeverity.Warning, "Limit 'max1' is ignored: its C# name 'Max1' is already used by limit 'max-1'") },
            DiagnosticRows.Of(run));
        var limits = run.Sources[GeneratedNames.HintName(GeneratedNames.Limits)];
        Assert.Equal(1, Count(limits, @"\bMax1 = "));
        Assert.Contains("public const int Max1 = 1;", limits);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void LimitNamedLikeItsClassIsDropped()
    {
        var overlay = SmallSpec.Limits + "  dato-cms-limits: 5\ncodes:\n  A_CODE: none\n";

        var run = GeneratorRunner.Run(SmallSpec.Page("A_CODE"), overlay);

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 7, "DATO112", DiagnosticSeverity.Warning, "Limit 'dato-cms-limits' is ignored: its C# name 'DatoCmsLimits' is the name of the class itself") },
            DiagnosticRows.Of(run));
        Assert.Empty(run.CompilationProblems);
    }
}
