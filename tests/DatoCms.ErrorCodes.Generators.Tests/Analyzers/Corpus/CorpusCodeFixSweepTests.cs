using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.CodeFixes;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers.Corpus;

/// <summary>
/// Every code fix on every diagnostic the analyzers report in the corpus: the code-fix tests pin
/// the exact result on the shapes each fix was written for; this runs each action the fixes offer,
/// and Fix All in the document for each action's key, on the corpus's application-shaped code,
/// which no fix was written against. Each result must compile with no new error or warning, report
/// fewer diagnostics of the fixed rule and no new ones of the other rules.
/// </summary>
public class CorpusCodeFixSweepTests(ITestOutputHelper output)
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = CorpusApi.Analyzers();

    private static readonly CodeFixProvider[] Fixes =
    {
        new TransientSwitchCodeFix(),
        new SwallowedCatchCodeFix(),
        new RetryOnlyTransientCodeFix(),
        new AddRetryDelayCodeFix(),
        new CompareErrorCodeCodeFix(),
        new UseSuggestedCodeCodeFix(),
    };

    [Fact]
    public async Task EveryFixOfferedOnTheCorpusCompilesAndRemovesItsDiagnostic()
    {
        var snippets = CorpusSnippet.LoadAll();
        var runs = await Task.WhenAll(snippets.Select(s => Task.Run(() => SweepAsync(s))));

        var problems = runs.SelectMany(r => r.Problems).ToList();
        var applied = runs.Sum(r => r.Applied);
        var fixAll = runs.Sum(r => r.FixAll);
        output.WriteLine($"{snippets.Count} snippets: {applied} single fixes and {fixAll} Fix All runs applied, {problems.Count} problems.");
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        // Every rule's fixes ran somewhere: a sweep that offers nothing proves nothing.
        foreach (var fix in Fixes)
        {
            Assert.True(runs.Any(r => r.FixesThatRan.Contains(fix.GetType().Name)), fix.GetType().Name + " was never offered on the corpus.");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// As <c>dotnet format analyzers</c> does: each rule's Fix All with the fix's default action, rule
    /// after rule (and then with each other action offered, as an IDE user would pick it), round
    /// after round until a round changes nothing. The end compiles with nothing new
    /// wrong, and whatever DATO diagnostic is left is one that no fix is offered for.
    /// </summary>
    [Fact]
    public async Task FixingEveryRuleInTurnUntilNothingChangesLeavesOnlyWhatNoFixIsOfferedFor()
    {
        var snippets = CorpusSnippet.LoadAll().Where(s => !s.IsCorrectCode).ToList();
        var runs = await Task.WhenAll(snippets.Select(s => Task.Run(() => FixUntilStableAsync(s))));
        var problems = runs.SelectMany(r => r.Problems).ToList();
        var left = string.Join(", ", runs.SelectMany(r => r.Left).GroupBy(id => id.Substring(0, 7)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        output.WriteLine($"{snippets.Count} snippets with diagnostics: {runs.Count(r => r.Left.Count == 0)} end with none; left, where no fix is offered: {(left.Length == 0 ? "none" : left)}; {problems.Count} problems.");
        foreach (var line in problems.Concat(runs.SelectMany(r => r.Left).Select(l => "left: " + l)))
        {
            output.WriteLine(line);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<(List<string> Problems, List<string> Left)> FixUntilStableAsync(CorpusSnippet snippet)
    {
        var problems = new List<string>();
        using var workspace = new AdhocWorkspace();
        var document = CreateDocument(workspace, snippet);
        var first = await AnalyzeAsync(document);
        var current = first;
        for (var round = 1; round <= 5; round++)
        {
            var changedThisRound = false;
            // The default action first (what dotnet format applies), then each other action still
            // offered (what an IDE user picks where the default is not offered).
            foreach (var (fix, key) in await FixAllRunsAsync(document, current))
            {
                var diagnostics = current.Dato.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
                if (diagnostics.IsEmpty)
                {
                    continue;
                }

                var what = $"{snippet.Title}: round {round}, Fix All of {fix.GetType().Name} ({key ?? "default action"})";
                var fixAll = await fix.GetFixAllProvider()!.GetFixAsync(new FixAllContext(
                    document, fix, FixAllScope.Document, key, fix.FixableDiagnosticIds, new DocumentDiagnostics(diagnostics), CancellationToken.None));
                if (fixAll is null || await ApplyAsync(fixAll, document, what, problems) is not { } changed
                    || (await changed.GetTextAsync()).ToString() == current.Text)
                {
                    continue;
                }

                var after = await AnalyzeAsync(changed);
                Compare(current, after, diagnostics[0].Id, what, problems);
                if (problems.Count > 0)
                {
                    return (problems, new List<string>());
                }

                document = changed;
                current = after;
                changedThisRound = true;
            }

            if (!changedThisRound)
            {
                break;
            }
        }

        // What is left is offered no action by any fix: a fix offered one would have changed a round.
        foreach (var diagnostic in current.Dato)
        {
            var actions = new List<CodeAction>();
            foreach (var fix in Fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            }

            if (actions.Count > 0)
            {
                problems.Add($"{snippet.Title}: {Describe(document, diagnostic)} is left although {actions[0].Title} is offered for it");
            }
        }

        return (problems, current.Dato.Select(d => $"{d.Id} in {snippet.Title}: `{Line(current.Text, d.Location.SourceSpan)}`").ToList());
    }

    /// <summary>Each fix with its default action (no key), then with the key of every other action it offers on the document now.</summary>
    private static async Task<List<(CodeFixProvider Fix, string? Key)>> FixAllRunsAsync(Document document, Analysis current)
    {
        var runs = new List<(CodeFixProvider, string?)>();
        foreach (var fix in Fixes)
        {
            runs.Add((fix, null));
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in current.Dato.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)))
            {
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => keys.UnionWith(Flatten(action).Select(a => a.EquivalenceKey).OfType<string>()), CancellationToken.None));
            }

            runs.AddRange(keys.Select(key => (fix, (string?)key)));
        }

        return runs;
    }

    private static async Task<SweepResult> SweepAsync(CorpusSnippet snippet)
    {
        var result = new SweepResult();
        using var workspace = new AdhocWorkspace();
        var document = CreateDocument(workspace, snippet);
        var before = await AnalyzeAsync(document);
        foreach (var diagnostic in before.Dato)
        {
            foreach (var fix in Fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions.SelectMany(Flatten))
                {
                    result.FixesThatRan.Add(fix.GetType().Name);
                    var what = $"{snippet.Title}: {fix.GetType().Name} \"{action.Title}\" at {Describe(document, diagnostic)}";
                    var changed = await ApplyAsync(action, document, what, result.Problems);
                    if (changed is not null)
                    {
                        result.Applied++;
                        Compare(before, await AnalyzeAsync(changed), diagnostic.Id, what, result.Problems);
                    }

                    if (action.EquivalenceKey is { } key && result.FixAllKeysDone.Add((fix.GetType().Name, diagnostic.Id, key)))
                    {
                        var allWhat = $"{snippet.Title}: Fix All in document of {fix.GetType().Name} \"{key}\"";
                        var fixAll = await fix.GetFixAllProvider()!.GetFixAsync(new FixAllContext(
                            document, fix, FixAllScope.Document, key, new[] { diagnostic.Id }, new DocumentDiagnostics(before.Dato), CancellationToken.None));
                        if (fixAll is null)
                        {
                            result.Problems.Add(allWhat + ": no Fix All action");
                            continue;
                        }

                        var fixedAll = await ApplyAsync(fixAll, document, allWhat, result.Problems);
                        if (fixedAll is not null)
                        {
                            result.FixAll++;
                            Compare(before, await AnalyzeAsync(fixedAll), diagnostic.Id, allWhat, result.Problems);
                        }
                    }
                }
            }
        }

        return result;
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.SelectMany(Flatten);

    private static async Task<Document?> ApplyAsync(CodeAction action, Document document, string what, List<string> problems)
    {
        try
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var change = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
            if (change?.ChangedSolution.GetDocument(document.Id) is not { } changed)
            {
                problems.Add(what + ": the action changes no document");
                return null;
            }

            return changed;
        }
        catch (Exception exception)
        {
            problems.Add(what + ": threw " + exception.GetType().Name + ": " + exception.Message);
            return null;
        }
    }

    /// <summary>The fixed rule reports less, no other rule reports more, and nothing new is wrong or warned about.</summary>
    private static void Compare(Analysis before, Analysis after, string fixedId, string what, List<string> problems)
    {
        foreach (var error in after.Compiler.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            problems.Add($"{what}: {error.Id} {error.GetMessage(CultureInfo.InvariantCulture)} in `{Line(after.Text, error.Location.SourceSpan)}`");
        }

        var warningsBefore = before.Compiler.Where(d => d.Severity == DiagnosticSeverity.Warning).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var warnings in after.Compiler.Where(d => d.Severity == DiagnosticSeverity.Warning).GroupBy(d => d.Id))
        {
            if (warnings.Count() > warningsBefore.GetValueOrDefault(warnings.Key))
            {
                problems.Add($"{what}: new {warnings.Key} {warnings.First().GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        if (after.Dato.Count(d => d.Id == fixedId) >= before.Dato.Count(d => d.Id == fixedId))
        {
            problems.Add($"{what}: {fixedId} is still reported as often ({after.Dato.Count(d => d.Id == fixedId)})");
        }

        foreach (var id in after.Dato.Select(d => d.Id).Where(id => id != fixedId).Distinct())
        {
            // By design (docs/diagnostics/DATO006.md, "How to fix"): the corrected string compared
            // with ApiCode is a DATO005, one for each DATO006 the fix took away; its own fix then
            // compares the enum.
            var allowed = before.Dato.Count(d => d.Id == id);
            var fixedCount = before.Dato.Count(d => d.Id == fixedId) - after.Dato.Count(d => d.Id == fixedId);
            if (fixedId == "DATO006" && id == "DATO005")
            {
                allowed += fixedCount;
            }

            // Also by design (docs/diagnostics/DATO005.md): a switch over the string that skips the
            // transient codes is a switch over the enum that skips them once the fix rewrites it, and
            // DATO001, blind to strings, then says so.
            if (fixedId == "DATO005" && id == "DATO001")
            {
                allowed += Math.Min(fixedCount, before.Dato.Count(d => d.Id == fixedId && IsSwitchHeader(before.Text, d.Location.SourceSpan)));
            }

            if (after.Dato.Count(d => d.Id == id) > allowed)
            {
                var added = after.Dato.First(d => d.Id == id);
                problems.Add($"{what}: new {id} at `{Line(after.Text, added.Location.SourceSpan)}`");
            }
        }
    }

    private static bool IsSwitchHeader(string text, TextSpan span) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().FindNode(span, getInnermostNodeForTie: true) is SwitchStatementSyntax or SwitchExpressionSyntax;

    private static Document CreateDocument(AdhocWorkspace workspace, CorpusSnippet snippet)
    {
        var parseOptions = CorpusApi.ParseOptions;
        var project = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            project,
            VersionStamp.Default,
            "CorpusUser",
            "CorpusUser",
            LanguageNames.CSharp,
            compilationOptions: CorpusApi.CompilationOptions(CSharpSyntaxTree.ParseText(snippet.Markup.Source, parseOptions)),
            parseOptions: parseOptions,
            metadataReferences: CorpusApi.UserReferences));
        solution = solution.AddDocument(DocumentId.CreateNewId(project), "Support.cs", CorpusApi.SupportTree(parseOptions).GetText(), filePath: "/project/Support.cs");
        var id = DocumentId.CreateNewId(project);
        solution = solution.AddDocument(id, snippet.Name + ".cs", SourceText.From(snippet.Markup.Source), filePath: "/project/" + snippet.Name + ".cs");
        return solution.GetDocument(id)!;
    }

    private static async Task<Analysis> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = (await document.GetSyntaxTreeAsync())!;
        var analyzed = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var dato = (await analyzed.GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Location.SourceTree == tree && d.Id.StartsWith("DATO0", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        var compiler = compilation.GetDiagnostics().Where(d => d.Location.SourceTree == tree && d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new Analysis((await document.GetTextAsync()).ToString(), dato, compiler);
    }

    private static string Describe(Document document, Diagnostic diagnostic) =>
        diagnostic.Id + " `" + document.GetTextAsync().Result.ToString(diagnostic.Location.SourceSpan) + "`";

    private static string Line(string text, TextSpan span)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, span.Start - 1)) + 1;
        var end = text.IndexOf('\n', span.Start);
        return text.Substring(start, (end < 0 ? text.Length : end) - start).Trim();
    }

    private sealed record Analysis(string Text, ImmutableArray<Diagnostic> Dato, ImmutableArray<Diagnostic> Compiler);

    private sealed class SweepResult
    {
        public List<string> Problems { get; } = new();

        public HashSet<string> FixesThatRan { get; } = new();

        public HashSet<(string Fix, string Id, string Key)> FixAllKeysDone { get; } = new();

        public int Applied { get; set; }

        public int FixAll { get; set; }
    }

    /// <summary>Fix All's diagnostics: those of the one document, computed before any fix.</summary>
    private sealed class DocumentDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
