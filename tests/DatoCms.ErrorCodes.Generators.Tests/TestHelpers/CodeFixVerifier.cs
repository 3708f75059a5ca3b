using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// Applies a code fix the way the IDE does — an AdhocWorkspace project with the user file and the
/// generated files, the analyzer's diagnostics, a CodeFixContext, the chosen action's
/// ApplyChangesOperation — and compares the fixed user file with the expected text exactly.
/// </summary>
internal static class CodeFixVerifier
{
    /// <summary>Fixes the first diagnostic of <paramref name="diagnosticId"/> with the action of <paramref name="equivalenceKey"/>.</summary>
    public static async Task VerifyAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string diagnosticId, string equivalenceKey, string source, string expected, IReadOnlyDictionary<string, string>? options = null, IEnumerable<MetadataReference>? extraReferences = null)
    {
        using var workspace = new AdhocWorkspace();
        var document = CreateDocument(workspace, source, extraReferences);
        var diagnostic = (await GetDiagnosticsAsync(document, analyzer, diagnosticId, options)).FirstOrDefault();
        Assert.True(diagnostic is not null, $"No {diagnosticId} to fix in the test source.");

        var action = await FindActionAsync(document, fix, diagnostic!, equivalenceKey);
        Assert.True(action is not null, $"The fix '{equivalenceKey}' was not offered.");

        var fixedDocument = await ApplyAsync(document, action!);
        await AssertFixedAsync(fixedDocument, expected, analyzer, diagnosticId, options);
    }

    /// <summary>Asserts that the fix is not offered for the first diagnostic (or that there is none).</summary>
    public static async Task VerifyNotOfferedAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string diagnosticId, string equivalenceKey, string source, IReadOnlyDictionary<string, string>? options = null, IEnumerable<MetadataReference>? extraReferences = null)
    {
        using var workspace = new AdhocWorkspace();
        var document = CreateDocument(workspace, source, extraReferences);
        var diagnostic = (await GetDiagnosticsAsync(document, analyzer, diagnosticId, options)).First();

        Assert.Null(await FindActionAsync(document, fix, diagnostic, equivalenceKey));
    }

    /// <summary>Fixes every diagnostic of the document at once through the provider's Fix All.</summary>
    public static async Task VerifyFixAllAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string diagnosticId, string equivalenceKey, string source, string expected, IReadOnlyDictionary<string, string>? options = null, IEnumerable<MetadataReference>? extraReferences = null)
    {
        using var workspace = new AdhocWorkspace();
        var document = CreateDocument(workspace, source, extraReferences);
        var provider = fix.GetFixAllProvider();
        Assert.NotNull(provider);

        var context = new FixAllContext(document, fix, FixAllScope.Document, equivalenceKey, new[] { diagnosticId }, new AnalyzerDiagnosticProvider(analyzer, diagnosticId, options), CancellationToken.None);
        var action = await provider!.GetFixAsync(context);
        Assert.NotNull(action);

        var fixedDocument = await ApplyAsync(document, action!);
        await AssertFixedAsync(fixedDocument, expected, analyzer, diagnosticId, options);
    }

    private static Document CreateDocument(AdhocWorkspace workspace, string source, IEnumerable<MetadataReference>? extraReferences)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "User",
            "User",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: parseOptions,
            metadataReferences: ReferenceSets.Get(ReferenceSet.Net80).Concat(extraReferences ?? Enumerable.Empty<MetadataReference>())));

        foreach (var (hintName, generated) in ShippedSpecSources.All)
        {
            project = project.AddDocument(hintName, SourceText.From(generated), filePath: "/project/Generated/" + hintName).Project;
        }

        return project.AddDocument("User.cs", SourceText.From(source.Replace("\r\n", "\n")), filePath: AnalyzerVerifier.UserPath);
    }

    private static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Document document, DiagnosticAnalyzer analyzer, string diagnosticId, IReadOnlyDictionary<string, string>? options)
    {
        var compilation = (CSharpCompilation)(await document.Project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var diagnostics = await AnalyzerVerifier.GetDiagnosticsAsync(analyzer, compilation, options);
        return diagnostics.Where(d => d.Id == diagnosticId && d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static async Task<CodeAction?> FindActionAsync(Document document, CodeFixProvider fix, Diagnostic diagnostic, string equivalenceKey)
    {
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey);
    }

    private static async Task<Document> ApplyAsync(Document document, CodeAction action)
    {
        var solution = document.Project.Solution;
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply)
            {
                solution = apply.ChangedSolution;
            }
        }

        return solution.GetDocument(document.Id)!;
    }

    private static async Task AssertFixedAsync(Document fixedDocument, string expected, DiagnosticAnalyzer analyzer, string diagnosticId, IReadOnlyDictionary<string, string>? options)
    {
        var actual = (await fixedDocument.GetTextAsync()).ToString();
        Assert.Equal(expected.Replace("\r\n", "\n"), actual);

        var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The fixed code does not compile:\n" + string.Join("\n", errors));
        Assert.Empty(await GetDiagnosticsAsync(fixedDocument, analyzer, diagnosticId, options));
    }

    private sealed class AnalyzerDiagnosticProvider(DiagnosticAnalyzer analyzer, string diagnosticId, IReadOnlyDictionary<string, string>? options) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => GetAsync(document);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var all = new List<Diagnostic>();
            foreach (var document in project.Documents)
            {
                all.AddRange(await GetAsync(document));
            }

            return all;
        }

        private async Task<IEnumerable<Diagnostic>> GetAsync(Document document) => await GetDiagnosticsAsync(document, analyzer, diagnosticId, options);
    }
}
