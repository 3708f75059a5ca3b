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
/// Runs one analyzer over user code compiled against the generated API for the shipped spec and
/// compares the diagnostics, exactly: id, span (from markup) and message, in source order.
/// </summary>
internal static class AnalyzerVerifier
{
    public const string UserPath = "/project/User.cs";

    public static CSharpCompilation Compile(string source, LanguageVersion languageVersion = LanguageVersion.Latest, IEnumerable<MetadataReference>? extraReferences = null)
    {
        var options = new CSharpParseOptions(languageVersion);
        var trees = new[] { CSharpSyntaxTree.ParseText(source, options, path: UserPath) }.Concat(ShippedSpecSources.Trees(options));
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
    /// Asserts that <paramref name="markup"/> produces exactly the marked diagnostics of the
    /// analyzer's rule <paramref name="id"/>, with these messages in source order.
    /// </summary>
    public static async Task VerifyAsync(DiagnosticAnalyzer analyzer, string id, string markup, IReadOnlyList<string>? messages = null, IReadOnlyDictionary<string, string>? editorConfig = null, IEnumerable<MetadataReference>? extraReferences = null)
    {
        var parsed = MarkupSource.Parse(markup);
        var diagnostics = (await GetDiagnosticsAsync(analyzer, Compile(parsed.Source, extraReferences: extraReferences), editorConfig))
            .Where(d => d.Id == id)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();

        var expected = parsed.Spans.Select(s => (s.Id ?? id, s.Span, Text: parsed.Source.Substring(s.Span.Start, s.Span.Length))).ToList();
        var actual = diagnostics.Select(d => (d.Id, d.Location.SourceSpan, Text: parsed.Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))).ToList();
        Assert.Equal(expected, actual);
        Assert.All(diagnostics, d => Assert.Equal(UserPath, d.Location.SourceTree!.FilePath));

        if (messages is not null)
        {
            Assert.Equal(messages, diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
        }
    }
}
