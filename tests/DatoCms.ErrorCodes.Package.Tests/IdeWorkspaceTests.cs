using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// The package as an IDE sees it: a consumer opened in an <see cref="MSBuildWorkspace"/> (the
/// project system of Roslyn-based editors) with no build; the generator and analyzers taken from
/// the project's analyzer references; the code-fix providers of the package asked for actions at
/// each diagnostic, one applied per rule; and an edit of the spec page, as an additional document,
/// showing up as a new enum member without reopening anything.
/// </summary>
[Collection(PackageCollection.Name)]
public class IdeWorkspaceTests(PackedPackage package, ITestOutputHelper output)
{
    private static readonly string[] Rules = { "DATO001", "DATO002", "DATO003", "DATO004", "DATO005", "DATO006" };

    [Fact]
    public async Task DiagnosticsFixesAndSpecEditsWorkInAnIdeWorkspace()
    {
        using var consumer = package.CreateWorkspace(output);
        consumer.Write(CodeFixConsumerSources.Project, CodeFixConsumerSources.ProjectFile(consumer.PackageReference).Replace(
            "</Project>",
            "  <ItemGroup>\n    <AdditionalFiles Include=\"datocms-cma-errors.md\" />\n  </ItemGroup>\n</Project>"));
        foreach (var (path, content) in CodeFixConsumerSources.Files)
        {
            consumer.Write(path, content);
        }

        consumer.Write("Shop/datocms-cma-errors.md", File.ReadAllText(RepositoryRoot.File("spec", "datocms-cma-errors.md")));

        // An IDE restores on open; nothing is built.
        consumer.Dotnet(new[] { "restore", CodeFixConsumerSources.Project }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();

        using var workspace = MSBuildWorkspace.Create();
        var project = await workspace.OpenProjectAsync(consumer.PathOf(CodeFixConsumerSources.Project));
        output.WriteLine(string.Join("\n", workspace.Diagnostics.Select(d => $"{d.Kind}: {d.Message}")));
        Assert.DoesNotContain(workspace.Diagnostics, d => d.Kind == WorkspaceDiagnosticKind.Failure);
        Assert.False(File.Exists(consumer.PathOf("Shop/obj/Debug/net10.0/Shop.dll")), "Nothing may have been built.");

        var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).Where(a => a.GetType().Namespace?.StartsWith("DatoCms.", StringComparison.Ordinal) == true).ToImmutableArray();
        var fixes = CodeFixProviders(project);
        Assert.NotEmpty(analyzers);
        Assert.Equal(Rules, fixes.SelectMany(f => f.FixableDiagnosticIds).OrderBy(id => id, StringComparer.Ordinal));

        // Every rule is reported, and each of its diagnostics gets at least one code action.
        var diagnostics = await DiagnosticsAsync(project, analyzers);
        Assert.Equal(Rules, diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        foreach (var diagnostic in diagnostics)
        {
            var actions = await ActionsAsync(project.Solution, diagnostic, fixes);
            Assert.True(actions.Count > 0, $"No code action for {diagnostic}");
        }

        // Applying the first action of one diagnostic per rule makes that diagnostic go.
        var solution = project.Solution;
        foreach (var rule in Rules)
        {
            var before = (await DiagnosticsAsync(solution.GetProject(project.Id)!, analyzers)).Where(d => d.Id == rule).ToList();
            var target = before.First();
            var action = (await ActionsAsync(solution, target, fixes)).First();
            solution = await ApplyAsync(solution, action);
            var after = (await DiagnosticsAsync(solution.GetProject(project.Id)!, analyzers)).Where(d => d.Id == rule).ToList();
            output.WriteLine($"{rule}: {before.Count} → {after.Count} after '{action.Title}'");
            Assert.Equal(before.Count - 1, after.Count);
            Assert.DoesNotContain(after, d => d.Location.GetLineSpan().Path == target.Location.GetLineSpan().Path && d.Location.SourceSpan.Start == target.Location.SourceSpan.Start);
        }

        var fixedCompilation = (await solution.GetProject(project.Id)!.GetCompilationAsync())!;
        Assert.Empty(fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // Editing the spec page in the editor regenerates the enum: a new member, no restart.
        var page = solution.GetProject(project.Id)!.AdditionalDocuments.Single(d => Path.GetFileName(d.FilePath) == "datocms-cma-errors.md");
        var pageText = await page.GetTextAsync();
        var firstEntry = pageText.ToString().IndexOf("###### `", StringComparison.Ordinal);
        var edited = pageText.WithChanges(new TextChange(new TextSpan(firstEntry, 0), "###### `WIDGET_FROZEN`\n\nThe widget is frozen while it is re-indexed. Wait a moment and send the request again.\n\n"));
        Assert.Null((await solution.GetProject(project.Id)!.GetCompilationAsync())!.GetTypeByMetadataName("DatoCms.ErrorCodes.DatoCmsErrorCode")!.GetMembers("WidgetFrozen").FirstOrDefault());
        solution = solution.WithAdditionalDocumentText(page.Id, edited);
        var regenerated = (await solution.GetProject(project.Id)!.GetCompilationAsync())!;
        Assert.NotNull(regenerated.GetTypeByMetadataName("DatoCms.ErrorCodes.DatoCmsErrorCode")!.GetMembers("WidgetFrozen").FirstOrDefault());
        Assert.NotNull(regenerated.GetTypeByMetadataName("DatoCms.ErrorCodes.WidgetFrozenException"));
    }

    private static async Task<IReadOnlyList<Diagnostic>> DiagnosticsAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("DATO0", StringComparison.Ordinal)).OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();
    }

    /// <summary>The package's code-fix providers, found in its analyzer assemblies the way an IDE's MEF catalog finds them: by their export attribute.</summary>
    private static IReadOnlyList<CodeFixProvider> CodeFixProviders(Project project) =>
        project.AnalyzerReferences
            .OfType<AnalyzerFileReference>()
            .Where(r => Path.GetFileName(r.FullPath).StartsWith("DatoCms.", StringComparison.Ordinal))
            .SelectMany(r => r.GetAssembly().GetTypes())
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();

    private static async Task<IReadOnlyList<CodeAction>> ActionsAsync(Solution solution, Diagnostic diagnostic, IReadOnlyList<CodeFixProvider> fixes)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        foreach (var fix in fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        return actions;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, CodeAction action)
    {
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply)
            {
                solution = apply.ChangedSolution;
            }
        }

        return solution;
    }
}
