using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Validation;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Validation;

/// <summary>Every spec problem is a located diagnostic and never a crash; the build still gets code.</summary>
public class SpecDiagnosticsTests
{
    private const string Limits = SmallSpec.Limits;

    private static string Page(params string[] codes) => SmallSpec.Page(codes);

    private static (string File, int Line, string Id, DiagnosticSeverity Severity, string Message)[] Diagnose(string? page, string? overlay, IReadOnlyDictionary<string, string>? options = null) =>
        DiagnosticRows.Of(GeneratorRunner.Run(page, overlay, globalOptions: options));

    [Fact]
    public void ConsistentSpecHasNoDiagnostics() =>
        Assert.Empty(Diagnose(Page("A_CODE", "B_CODE"), Limits + "codes:\n  A_CODE: { retry: backoff, family: x }\n  B_CODE: { retry: none, family: y }\n"));

    [Fact]
    public void MalformedYamlIsAnErrorAtItsLine() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 3, "DATO101", DiagnosticSeverity.Error, "The overlay cannot be read: line 3: unterminated quoted string (quoted strings must end on the same line)") },
            Diagnose(Page("A_CODE"), "codes:\n  A_CODE: { retry: backoff }\n  B_CODE: { retry: 'oops }\n"));

    [Fact]
    public void DuplicateCodeIsReportedAtTheSecondHeading() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.md", 9, "DATO102", DiagnosticSeverity.Warning, "Error code 'A_CODE' is already defined on line 1; this entry is ignored") },
            Diagnose(Page("A_CODE", "B_CODE", "A_CODE"), Limits + "codes:\n  A_CODE: none\n  B_CODE: none\n"));

    [Fact]
    public void MalformedHeadingIsReported() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.md", 5, "DATO103", DiagnosticSeverity.Warning, "The heading '###### `a_code`' is not an error-code entry; write it as ###### `UPPER_SNAKE_CODE`") },
            Diagnose(Page("A_CODE") + "###### `a_code`\n", Limits + "codes:\n  A_CODE: none\n"));

    [Fact]
    public void TwoCodesWithOneCSharpNameClash() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 9, "DATO104", DiagnosticSeverity.Error, "Error code 'B_CODE' maps to the C# name 'ACode', which is already used by 'A_CODE'; set 'member' (and 'exception') for it in the overlay") },
            Diagnose(Page("A_CODE", "B_CODE"), Limits + "codes:\n  A_CODE: none\n  B_CODE: { member: ACode }\n"));

    [Fact]
    public void CodesDifferingOnlyInUnderscoresClash() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.md", 5, "DATO104", DiagnosticSeverity.Error, "Error code 'A__CODE' maps to the C# name 'ACode', which is already used by 'A_CODE'; set 'member' (and 'exception') for it in the overlay") },
            Diagnose(Page("A_CODE", "A__CODE"), Limits + "codes:\n  A_CODE: none\n  A__CODE: none\n"));

    [Fact]
    public void ACodeNamedUnknownClashesWithTheSentinel() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.md", 1, "DATO104", DiagnosticSeverity.Error, "Error code 'UNKNOWN' maps to the C# name 'Unknown', which is already used by 'the Unknown member'; set 'member' (and 'exception') for it in the overlay") },
            Diagnose(Page("UNKNOWN"), Limits + "codes:\n  UNKNOWN: none\n"));

    [Fact]
    public void ExceptionNamedLikeACommonFrameworkTypeGetsAPrefix()
    {
        var run = GeneratorRunner.Run(Page("TIMEOUT", "A_CODE"), Limits + "codes:\n  TIMEOUT: { retry: backoff }\n  A_CODE: { exception: InvalidOperationException }\n", "class Use { void M() { try { } catch (System.TimeoutException) { } catch (DatoCms.ErrorCodes.DatoCmsTimeoutException) { } catch (DatoCms.ErrorCodes.DatoCmsInvalidOperationException) { } } }");

        Assert.Equal(
            new[]
            {
                ("datocms-cma-errors.md", 1, "DATO119", DiagnosticSeverity.Info, "The exception for TIMEOUT would be named TimeoutException, like a .NET type in a namespace most files import; it is named DatoCmsTimeoutException so that neither becomes ambiguous"),
                ("datocms-cma-errors.yaml", 9, "DATO119", DiagnosticSeverity.Info, "The exception for A_CODE would be named InvalidOperationException, like a .NET type in a namespace most files import; it is named DatoCmsInvalidOperationException so that neither becomes ambiguous"),
            },
            Diagnose(Page("TIMEOUT", "A_CODE"), Limits + "codes:\n  TIMEOUT: { retry: backoff }\n  A_CODE: { exception: InvalidOperationException }\n"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void ExceptionNameTakenByAGeneratedTypeClashes() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 8, "DATO104", DiagnosticSeverity.Error, "Error code 'A_CODE' maps to the C# name 'DatoCmsRetryHandler', which is already used by 'the generated type DatoCmsRetryHandler'; set 'member' (and 'exception') for it in the overlay") },
            Diagnose(Page("A_CODE"), Limits + "codes:\n  A_CODE: { exception: DatoCmsRetryHandler }\n"));

    [Fact]
    public void FrameworkExceptionListCoversTheCommonNamespaces()
    {
        // Every exception type a consumer sees through common usings, read from the .NET 8 reference assemblies.
        var common = new HashSet<string>
        {
            "System", "System.IO", "System.Net", "System.Net.Http", "System.Text", "System.Text.Json", "System.Threading",
            "System.Threading.Tasks", "System.Collections", "System.Collections.Generic", "System.Linq",
        };
        var compilation = GeneratorRunner.CreateCompilation(string.Empty);
        var names = compilation.References
            .Select(compilation.GetAssemblyOrModuleSymbol)
            .OfType<IAssemblySymbol>()
            .SelectMany(assembly => assembly.TypeNames.Count == 0 ? Enumerable.Empty<INamedTypeSymbol>() : AllTypes(assembly.GlobalNamespace))
            .Where(type => type.DeclaredAccessibility == Accessibility.Public && type.ContainingType is null && type.Name.EndsWith("Exception", System.StringComparison.Ordinal))
            .Where(type => common.Contains(type.ContainingNamespace.ToDisplayString()))
            .Select(type => type.Name)
            .Distinct()
            .ToList();

        Assert.True(names.Count > 60, "the reference set should expose the BCL exceptions");
        var missing = names.Where(name => !DatoCms.ErrorCodes.Generators.Validation.FrameworkExceptionNames.IsCommon(name)).ToList();
        Assert.True(missing.Count == 0, "Add to FrameworkExceptionNames: " + string.Join(", ", missing));
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns) =>
        ns.GetTypeMembers().Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));

    [Fact]
    public void KeywordAsMemberNameIsAnError() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 8, "DATO105", DiagnosticSeverity.Error, "'class' is not a valid C# identifier for error code 'A_CODE' (it is a C# keyword); the default name 'ACode' is used instead") },
            Diagnose(Page("A_CODE"), Limits + "codes:\n  A_CODE: { member: class }\n"));

    [Fact]
    public void InvalidExceptionNameIsAnError() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 8, "DATO105", DiagnosticSeverity.Error, "'Bad-Name' is not a valid C# identifier for error code 'A_CODE' (it has characters an identifier cannot have); the default name 'ACodeException' is used instead") },
            Diagnose(Page("A_CODE"), Limits + "codes:\n  A_CODE: { exception: Bad-Name }\n"));

    // Found by SpecFuzzTests: a name past the metadata limit passed every check, then failed the build with CS7013.
    [Fact]
    public void OverlongMemberNameIsAnError()
    {
        var name = "A" + new string('b', 512);

        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 8, "DATO105", DiagnosticSeverity.Error, $"'{name}' is not a valid C# identifier for error code 'A_CODE' (it is longer than 512 UTF-8 bytes); the default name 'ACode' is used instead") },
            Diagnose(Page("A_CODE"), Limits + "codes:\n  A_CODE: { member: " + name + " }\n"));
    }

    // Found by SpecFuzzTests: a code of 1,100 characters generated C# names that failed the build with CS7013.
    [Fact]
    public void OverlongCodeIsNotAnEntryAndGeneratesCodeThatBuilds()
    {
        var code = new string('A', 201);
        var run = GeneratorRunner.Run(Page("A_CODE", code), Limits + "codes:\n  A_CODE: none\n");

        Assert.Equal(
            new[] { "DATO103 5: The heading '###### `" + new string('A', 112) + "…' is not an error-code entry; write it as ###### `UPPER_SNAKE_CODE`" },
            run.DiagnosticLines);
        Assert.True(run.OutputCompilation.Emit(new System.IO.MemoryStream()).Success);
        Assert.DoesNotContain(new string('A', 201), run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)], System.StringComparison.Ordinal);
    }

    [Fact]
    public void CodeOfTheLongestAcceptedLengthBuilds()
    {
        var code = new string('A', 200);
        var run = GeneratorRunner.Run(Page(code), Limits + "codes:\n  " + code + ": backoff\n");

        Assert.Empty(run.Diagnostics);
        Assert.True(run.OutputCompilation.Emit(new System.IO.MemoryStream()).Success);
    }

    [Fact]
    public void OverlayCodeNotOnPageIsAWarning() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 9, "DATO106", DiagnosticSeverity.Warning, "The overlay classifies 'GONE_CODE', but the error-code page has no such entry; the entry is ignored") },
            Diagnose(Page("A_CODE"), Limits + "codes:\n  A_CODE: none\n  GONE_CODE: backoff\n"));

    [Theory]
    [InlineData("item_locked", "ITEM_LOCKED")]
    [InlineData("ITEM_LOKED", "ITEM_LOCKED")]
    [InlineData("ITME_LOCKED", "ITEM_LOCKED")]
    [InlineData("INVALID_DATA", "INVALID_DATE")]
    public void OverlayKeyThatMisspellsAPageCodeNamesIt(string key, string meant) =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 10, "DATO106", DiagnosticSeverity.Warning, $"The overlay classifies '{key}', but the error-code page has no such entry; the entry is ignored (did you mean '{meant}'?)") },
            Diagnose(Page("ITEM_LOCKED", "INVALID_DATE", "INVALID_SITE"), Limits + "codes:\n  INVALID_DATE: none\n  INVALID_SITE: none\n" + $"  {key}: backoff\n" + "  ITEM_LOCKED: none\n"));

    [Theory]
    [InlineData("INVALID_TE")] // two edits from INVALID_DATE and from INVALID_SITE: no guess
    [InlineData("ITEM_UNLOCKED_NOW")] // too far from any
    [InlineData("B_CODE")] // short made-up codes are not guessed at
    public void OverlayKeyWithNoSingleCloseCodeSuggestsNothing(string key) =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 11, "DATO106", DiagnosticSeverity.Warning, $"The overlay classifies '{key}', but the error-code page has no such entry; the entry is ignored") },
            Diagnose(Page("ITEM_LOCKED", "INVALID_DATE", "INVALID_SITE", "A_CODE"), Limits + "codes:\n  INVALID_DATE: none\n  INVALID_SITE: none\n  A_CODE: none\n" + $"  {key}: backoff\n" + "  ITEM_LOCKED: none\n"));

    [Fact]
    public void OnlyTheFirstReportsOfAStaleOverlayGetASuggestion()
    {
        // Every key is one or two edits from the page's one code, so each would get a suggestion.
        var stale = string.Concat(Enumerable.Range(0, OverlayCoverage.MaxSuggestions + 5).Select(i => $"  ITEM_LOCKED_{i}: backoff\n"));
        var run = GeneratorRunner.Run(Page("ITEM_LOCKED_X"), Limits + "codes:\n  ITEM_LOCKED_X: none\n" + stale);

        var reports = run.Diagnostics.Where(d => d.Id == "DATO106").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(OverlayCoverage.MaxSuggestions + 5, reports.Count);
        Assert.Equal(OverlayCoverage.MaxSuggestions, reports.Count(m => m.EndsWith("(did you mean 'ITEM_LOCKED_X'?)", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void PageCodeMissingFromOverlayIsInformational() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.md", 5, "DATO107", DiagnosticSeverity.Info, "Error code 'NEW_CODE' is not in the overlay; it is generated as not transient (retry: none) with no family") },
            Diagnose(Page("A_CODE", "NEW_CODE"), Limits + "codes:\n  A_CODE: none\n"));

    [Fact]
    public void EmptyDescriptionIsAWarning() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.md", 1, "DATO108", DiagnosticSeverity.Warning, "Error code 'A_CODE' has no description text on the page") },
            Diagnose("###### `A_CODE`\n\n###### `B_CODE`\nText.\n", Limits + "codes:\n  A_CODE: none\n  B_CODE: none\n"));

    [Fact]
    public void UnknownRetryKindIsAWarning() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 8, "DATO109", DiagnosticSeverity.Warning, "Retry kind 'sometimes' of 'A_CODE' is not one of none, backoff, rate-limit, refresh; 'none' is used") },
            Diagnose(Page("A_CODE"), Limits + "codes:\n  A_CODE: { retry: sometimes }\n"));

    [Fact]
    public void InvalidFamilyIsAWarning() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 8, "DATO110", DiagnosticSeverity.Warning, "Family 'Plan_Limits' of 'A_CODE' must be lower-case kebab-case (letters, digits, hyphens); the code is generated without a family") },
            Diagnose(Page("A_CODE"), Limits + "codes:\n  A_CODE: { family: Plan_Limits }\n"));

    [Fact]
    public void UnknownKeyIsAWarning() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 8, "DATO111", DiagnosticSeverity.Warning, "Unknown key 'retyr' in code 'A_CODE'; expected one of: retry, family, member, exception, summary, description") },
            Diagnose(Page("A_CODE"), Limits + "codes:\n  A_CODE: { retyr: backoff }\n"));

    [Fact]
    public void NonNumericRequiredLimitIsAWarning() =>
        Assert.Equal(
            new[] { ("datocms-cma-errors.yaml", 2, "DATO112", DiagnosticSeverity.Warning, "Limit 'requests-per-window' is ignored: it must be a whole number from 1 to 100000"), ("datocms-cma-errors.yaml", 1, "DATO118", DiagnosticSeverity.Info, "The overlay does not set requests-per-window; today's values are used (60)") },
            Diagnose(Page("A_CODE"), Limits.Replace("requests-per-window: 60", "requests-per-window: sixty") + "codes:\n  A_CODE: none\n"));

    [Fact]
    public void OverlayWithoutPageIsAWarning() =>
        Assert.Equal(
            new[] { ("", 0, "DATO113", DiagnosticSeverity.Warning, "An overlay is present but no error-code page is: add the page as an AdditionalFile named datocms-cma-errors.md or with DatoCmsSpec=\"errors\"") },
            Diagnose(null, Limits));

    [Fact]
    public void NoSpecAtAllIsSilentAndGeneratesNothing()
    {
        var run = GeneratorRunner.Run((string?)null, null);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void PageWithoutCodesIsAWarningButStillCompiles()
    {
        var run = GeneratorRunner.Run("# Errors\n\nNothing here.\n", Limits);

        Assert.Equal(new[] { "DATO115 1: The error-code page has no ###### `CODE` entries, so DatoCmsErrorCode has only Unknown" }, run.DiagnosticLines);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void InvalidNamespaceOptionFallsBackToTheDefault()
    {
        var run = GeneratorRunner.Run(Page("A_CODE"), Limits + "codes:\n  A_CODE: none\n", globalOptions: new Dictionary<string, string> { ["build_property.DatoCmsErrorCodesNamespace"] = "My.2Bad" });

        Assert.Equal(new[] { "DATO116 -: DatoCmsErrorCodesNamespace 'My.2Bad' is not a valid C# namespace; 'DatoCms.ErrorCodes' is used" }, run.DiagnosticLines);
        Assert.Contains("namespace DatoCms.ErrorCodes", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)]);
    }

    [Fact]
    public void EveryBadInputAtOnceStillCompiles()
    {
        var page = Page("A_CODE", "A_CODE", "UNKNOWN", "B_CODE", "C_CODE", "D_CODE") + "###### nope\n###### `EMPTY_ONE`\n";
        var overlay = "docs-url: ''\ncodes:\n  A_CODE: { retry: maybe, family: Bad Family, member: int, extra: 1 }\n  B_CODE: { member: ACode }\n  C_CODE: { family: x-1 }\n  D_CODE: { family: x1 }\n  GHOST: none\nlimits:\n  requests-per-window: many\n  max-blocks-per-record: 0\n  max-1: 1\n  max1: 2\n";

        var run = GeneratorRunner.Run(page, overlay);

        Assert.Equal(
            new[] { "DATO102", "DATO103", "DATO104", "DATO104", "DATO105", "DATO106", "DATO107", "DATO107", "DATO108", "DATO109", "DATO110", "DATO110", "DATO111", "DATO112", "DATO112", "DATO112", "DATO118", "DATO121" },
            run.Diagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.Empty(run.CompilationProblems);
    }
}
