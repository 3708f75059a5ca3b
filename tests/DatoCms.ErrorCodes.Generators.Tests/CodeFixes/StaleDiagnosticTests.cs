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
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators.Tests.CodeFixes;

/// <summary>
/// dotnet format fixes rule after rule, and asks each rule's provider for its action with a
/// diagnostic found before the earlier rules changed the file. The providers map such a span
/// through the edits; before, DATO006's fix found no literal there, offered nothing, and dotnet
/// format skipped the whole rule ("didn't return a Fix All action"), depending on rule order.
/// </summary>
public class StaleDiagnosticTests
{
    private const string Before = @"using DatoCms.ErrorCodes;

internal static class CodeChecks
{
    public static bool IsLocked(DatoCmsApiException ex) => ex.ApiCode == ""ITEM_LOCKED"";

    public static bool KnowsLockedCode() => DatoCmsErrorCodes.TryParse(""ITEM_LOKCED"", out _);
}
";

    [Fact]
    public async Task ADiagnosticFromBeforeAnEarlierFixStillGetsItsAction()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "User", "User", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            metadataReferences: ReferenceSets.Get(ReferenceSet.Net80)));
        foreach (var (hintName, source) in TestSpec.Sources)
        {
            project = project.AddDocument(hintName, SourceText.From(source), filePath: "/project/Generated/" + hintName).Project;
        }

        var document = project.AddDocument("CodeChecks.cs", SourceText.From(Before), filePath: "/project/CodeChecks.cs");
        var compilation = (CSharpCompilation)(await document.Project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var stale = (await AnalyzerVerifier.GetDiagnosticsAsync(new CodeStringAnalyzer(), compilation)).Single(d => d.Id == "DATO006" && d.Location.SourceTree == tree);

        // An earlier rule's fix (DATO005) lengthens the line above the misspelled code.
        var text = await document.GetTextAsync();
        var lockedComparison = Before.IndexOf(@"ex.ApiCode == ""ITEM_LOCKED""", System.StringComparison.Ordinal);
        var changed = document.WithText(text.WithChanges(new TextChange(new TextSpan(lockedComparison, @"ex.ApiCode == ""ITEM_LOCKED""".Length), "ex.Code == DatoCmsErrorCode.ItemLocked")));

        var actions = new System.Collections.Generic.List<CodeAction>();
        await new UseSuggestedCodeCodeFix().RegisterCodeFixesAsync(new CodeFixContext(changed, stale, (action, _) => actions.Add(action), CancellationToken.None));
        var action = Assert.Single(actions);
        Assert.Equal(UseSuggestedCodeCodeFix.EquivalenceKey, action.EquivalenceKey);

        var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(await action.GetOperationsAsync(CancellationToken.None)));
        var result = (await apply.ChangedSolution.GetDocument(changed.Id)!.GetTextAsync()).ToString();
        Assert.Equal(Before.Replace(@"ex.ApiCode == ""ITEM_LOCKED""", "ex.Code == DatoCmsErrorCode.ItemLocked").Replace("ITEM_LOKCED", "ITEM_LOCKED"), result);
    }
}
