using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// Analyzer checks. <see cref="VerifyAsync"/> runs on Microsoft's testing library
/// (<see cref="DatoCmsAnalyzerTest"/>): exactly the marked diagnostics of every rule the analyzer
/// has, with their messages, and nothing else. <see cref="Compile"/> and
/// <see cref="GetDiagnosticsAsync"/> are for the few tests that need a hand-made compilation.
/// </summary>
internal static class AnalyzerVerifier
{
    public const string UserPath = "/project/User.cs";

    public static CSharpCompilation Compile(string source, LanguageVersion languageVersion = LanguageVersion.Latest, IEnumerable<MetadataReference>? extraReferences = null, ApiSpec spec = ApiSpec.Test)
    {
        var options = new CSharpParseOptions(languageVersion);
        var generated = spec == ApiSpec.Shipped ? ShippedSpecSources.Trees(options) : TestSpec.Trees(options);
        var trees = new[] { CSharpSyntaxTree.ParseText(source, options, path: UserPath) }.Concat(generated);
        return CSharpCompilation.Create(
            "User",
            trees,
            ReferenceSets.Get(ReferenceSet.Net80).Concat(extraReferences ?? Enumerable.Empty<MetadataReference>()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(
        DiagnosticAnalyzer analyzer,
        CSharpCompilation compilation,
        IReadOnlyDictionary<string, string>? editorConfig = null)
    {
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, "The test source does not compile:\n" + string.Join("\n", compileErrors));

        var perTree = editorConfig ?? new Dictionary<string, string>();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(perTree, treeOptions: perTree));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var analyzerErrors = (await withAnalyzers.GetAllDiagnosticsAsync()).Where(d => d.Id == "AD0001").ToList();
        Assert.True(analyzerErrors.Count == 0, "The analyzer threw:\n" + string.Join("\n", analyzerErrors.Select(d => d.GetMessage(CultureInfo.InvariantCulture))));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>
    /// Asserts that <paramref name="markup"/> produces exactly the marked diagnostics (<c>[|…|]</c>
    /// for rule <paramref name="id"/>, <c>{|DATO006:…|}</c> for another rule of the analyzer), with
    /// these messages in source order, and no other diagnostic.
    /// </summary>
    public static Task VerifyAsync(DiagnosticAnalyzer analyzer, string id, string markup, IReadOnlyList<string>? messages = null, IReadOnlyDictionary<string, string>? editorConfig = null, IEnumerable<MetadataReference>? extraReferences = null, ApiSpec spec = ApiSpec.Test) =>
        DatoCmsAnalyzerTest.VerifyAsync(analyzer, id, markup, messages, editorConfig, extraReferences, spec);
}
