using System.Collections.Generic;
using System.IO;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.Generator;

/// <summary>
/// The generated code under the strictest settings a consumer can choose: every warning of every
/// warning wave reported as an error, nullable analysis on, XML docs checked, and the target's own
/// preprocessor symbols so each #if branch of the templates is compiled where it applies.
/// Emitted, not only diagnosed, so limits checked at emit time count too.
/// </summary>
public class StrictCompilationTests
{
    private const string EdgePage = "###### `ITEM_LOCKED`\n\nThe record is <locked> & \"busy\". Retry later.\n\n###### `3D_MODEL_REJECTED`\n\nA digit first.\n\n###### `EXCEPTION`\n\nSomething failed.\n\n###### `INVALID_OPERATION`\n\nNamed like a .NET exception.\n";
    private const string EdgeOverlay = "docs-url: https://example.test/errors/\nlimits:\n  requests-per-window: 60\n  rate-limit-window-seconds: 3\n  rate-limit-limit-header: X-RateLimit-Limit\n  rate-limit-remaining-header: X-RateLimit-Remaining\n  rate-limit-reset-header: X-RateLimit-Reset\n  max-upload-bytes: 5000000000\n  min-offset: -42\n  region-name: \"eu \\\"west\\\"\"\ncodes:\n  ITEM_LOCKED: { retry: backoff, family: concurrency }\n  3D_MODEL_REJECTED: { retry: none, family: uploads }\n  EXCEPTION: { retry: none, family: availability, member: UnexpectedServerError, exception: UnexpectedServerErrorException }\n  INVALID_OPERATION: { retry: refresh, family: validation }\n";

    /// <summary>Reference set, language version, and how many files are generated there.</summary>
    public static TheoryData<ReferenceSet, LanguageVersion, int> Targets => new()
    {
        { ReferenceSet.Net100, LanguageVersion.Latest, 31 },
        { ReferenceSet.Net80, LanguageVersion.Latest, 31 },
        { ReferenceSet.Net80, LanguageVersion.CSharp8, 31 },

        // No System.Diagnostics.Metrics: the telemetry hooks without the meter (DATO130).
        { ReferenceSet.NetStandard20WithJson, LanguageVersion.Latest, 30 },
        { ReferenceSet.NetStandard20WithJson, LanguageVersion.CSharp8, 30 },
        { ReferenceSet.Net80WithRateLimiting, LanguageVersion.Latest, 34 },
        { ReferenceSet.Net80WithRateLimiting, LanguageVersion.CSharp9, 34 },
        { ReferenceSet.Net80WithRateLimiting, LanguageVersion.CSharp8, 31 },
        { ReferenceSet.NetStandard20WithRateLimiting, LanguageVersion.CSharp9, 33 },
        { ReferenceSet.NetStandard20, LanguageVersion.Latest, 8 },
        { ReferenceSet.NetStandard20, LanguageVersion.CSharp7_3, 8 },
        { ReferenceSet.Net472, LanguageVersion.Latest, 8 },
        { ReferenceSet.Net472, LanguageVersion.CSharp7_3, 8 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void ShippedSpecCompilesWithEveryWarningAsAnError(ReferenceSet references, LanguageVersion languageVersion, int files) =>
        AssertStrictlyClean(RepositoryFiles.ReadSpecPage(), RepositoryFiles.ReadSpecOverlay(), references, languageVersion, files, globalOptions: null);

    [Theory]
    [MemberData(nameof(Targets))]
    public void PublicEdgeCaseSpecCompilesWithEveryWarningAsAnError(ReferenceSet references, LanguageVersion languageVersion, int files) =>
        AssertStrictlyClean(EdgePage, EdgeOverlay, references, languageVersion, files, new Dictionary<string, string> { ["build_property.DatoCmsErrorCodesPublic"] = "true", ["build_property.DatoCmsErrorCodesNamespace"] = "Acme.Errors" });

    private static void AssertStrictlyClean(string page, string overlay, ReferenceSet references, LanguageVersion languageVersion, int files, IReadOnlyDictionary<string, string>? globalOptions)
    {
        var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose, preprocessorSymbols: ReferenceSets.PreprocessorSymbols(references));
        var compilation = CSharpCompilation.Create(
            "StrictConsumer",
            new[] { CSharpSyntaxTree.ParseText("internal static class Program { }", parseOptions, path: "/project/Program.cs") },
            ReferenceSets.Get(references),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: languageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999,
                checkOverflow: true,
                deterministic: true));
        var additionalTexts = new AdditionalText[] { new InMemoryAdditionalText(GeneratorRunner.PagePath, page), new InMemoryAdditionalText(GeneratorRunner.OverlayPath, overlay) };
        var driver = CSharpGeneratorDriver.Create(new[] { new DatoCmsErrorCodesGenerator().AsSourceGenerator() }, additionalTexts, parseOptions, new TestOptionsProvider(globalOptions));

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Equal(files, output.SyntaxTrees.Count() - 1);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        using var assembly = new MemoryStream();
        using var documentation = new MemoryStream();
        var problems = output.Emit(assembly, xmlDocumentationStream: documentation).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "Not clean under the strictest settings:\n" + string.Join("\n", problems.Take(30)));
    }
}
