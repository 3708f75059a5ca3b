using System.Collections.Generic;
using System.Collections.Immutable;
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
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators.Tests.CodeFixes;

/// <summary>
/// Fix All the way <c>dotnet format analyzers</c> asks for it, which is not the way an IDE does.
/// For rule X it runs every analyzer that supports X and keeps every diagnostic whose id is in
/// <c>--diagnostics</c>: CodeStringAnalyzer reports DATO005 and DATO006, so the DATO005 pass also
/// holds the DATO006 diagnostics. It then hands the first diagnostic of that list, whatever its id
/// (the order comes from concurrent analysis and varies from run to run), to X's provider, takes
/// the equivalence key of the first action registered (none when the provider offers nothing for
/// that diagnostic), and asks the provider's FixAllProvider for a solution-wide fix with that key.
/// A null key used to match none of our actions: "didn't return a Fix All action", in some runs
/// for DATO005, in others for DATO006. These tests try every diagnostic as that first one.
/// </summary>
public class DotnetFormatFixAllTests
{
    private const string CodeChecks = @"using System;
using DatoCms.ErrorCodes;

internal static class CodeChecks
{
    public static bool IsLocked(DatoCmsApiException ex) => ex.ApiCode == ""ITEM_LOCKED"";

    public static bool IsOtherThanMissing(DatoCmsErrorCode code) => !string.Equals(code.ToApiString(), ""NOT_FOUND"", StringComparison.Ordinal);

    public static bool KnowsLockedCode() => DatoCmsErrorCodes.TryParse(""ITEM_LOKCED"", out _);
}
";

    private static readonly string[] CodeStringRules = { "DATO005", "DATO006" };

    public static TheoryData<string, int> CodeStringProbes()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in CodeStringRules)
        {
            for (var probe = 0; probe < 3; probe++)
            {
                data.Add(rule, probe);
            }
        }

        return data;
    }

    /// <summary>Whichever of the three diagnostics comes first, each rule's pass fixes exactly its own sites.</summary>
    [Theory]
    [MemberData(nameof(CodeStringProbes))]
    public async Task EachCodeStringRuleIsFixedWhicheverDiagnosticComesFirst(string rule, int probeIndex)
    {
        var (document, diagnostics) = await AnalyzeAsync(CodeChecks, new CodeStringAnalyzer());
        Assert.Equal(new[] { "DATO005", "DATO005", "DATO006" }, diagnostics.Select(d => d.Id));

        CodeFixProvider fix = rule == "DATO005" ? new CompareErrorCodeCodeFix() : new UseSuggestedCodeCodeFix();
        var fixedText = await FixAllAsDotnetFormatAsync(document, fix, rule, diagnostics, diagnostics[probeIndex]);

        var expected = rule == "DATO005"
            ? CodeChecks
                .Replace(@"ex.ApiCode == ""ITEM_LOCKED""", "ex.Code == DatoCmsErrorCode.ItemLocked")
                .Replace(@"!string.Equals(code.ToApiString(), ""NOT_FOUND"", StringComparison.Ordinal)", "code != DatoCmsErrorCode.NotFound")
            : CodeChecks.Replace("ITEM_LOKCED", "ITEM_LOCKED");
        Assert.Equal(expected, fixedText);
    }

    private const string Switches = @"using System;
using System.Linq;
using DatoCms.ErrorCodes;

internal static class Handlers
{
    public static int Worst(DatoCmsApiException ex) => ex.Errors.Select(e => e.Code switch
    {
        DatoCmsErrorCode.NotFound => 404,
        _ => 500,
    }).Max();

    public static int Classify(Func<int> call)
    {
        try
        {
            return call();
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound:
                    return 404;
                default:
                    return 500;
            }
        }
    }
}
";

    /// <summary>
    /// The first DATO001 may be one no action can fix (a switch inside a lambda, where nothing can
    /// be rethrown): the provider offers nothing there, and Fix All still fixes the other sites,
    /// with the guard, the action that fits every kind of switch.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ASiteWithoutAnActionComingFirstDoesNotStopTheOthers(int probeIndex)
    {
        var (document, diagnostics) = await AnalyzeAsync(Switches, new TransientSwitchAnalyzer());
        Assert.Equal(2, diagnostics.Length);

        var fixedText = await FixAllAsDotnetFormatAsync(document, new TransientSwitchCodeFix(), "DATO001", diagnostics, diagnostics[probeIndex]);

        Assert.Equal(
            Switches.Replace("        catch (DatoCmsApiException ex)\n        {\n            switch", "        catch (DatoCmsApiException ex)\n        {\n            if (ex.IsTransient)\n                throw;\n            switch"),
            fixedText);
    }

    private const string Mapper = @"
    public static int ToStatus(DatoCmsApiException ex) => ex.Code switch
    {
        DatoCmsErrorCode.NotFound => 404,
        _ => 500,
    };
}
";

    private static readonly string SwitchesAndMapper = Switches.Substring(0, Switches.LastIndexOf('}')).TrimEnd() + "\n" + Mapper;

    /// <summary>
    /// An expression-bodied member has no statement for the guard, so its only action is the arm,
    /// offered under the guard's key. Whichever of the three sites comes first (the lambda with no
    /// action, the catch with the guard first, the mapper with the arm), dotnet format's key is the
    /// default one and every run gives the same code: the guard where it fits, the arm where it does not.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AnExpressionBodiedSwitchComingFirstKeepsTheRunTheSame(int probeIndex)
    {
        var (document, diagnostics) = await AnalyzeAsync(SwitchesAndMapper, new TransientSwitchAnalyzer());
        Assert.Equal(3, diagnostics.Length);

        var fixedText = await FixAllAsDotnetFormatAsync(document, new TransientSwitchCodeFix(), "DATO001", diagnostics, diagnostics[probeIndex]);

        Assert.Equal(
            SwitchesAndMapper
                .Replace("        catch (DatoCmsApiException ex)\n        {\n            switch", "        catch (DatoCmsApiException ex)\n        {\n            if (ex.IsTransient)\n                throw;\n            switch")
                .Replace(
                    "        DatoCmsErrorCode.NotFound => 404,\n        _ => 500,\n    };",
                    "        DatoCmsErrorCode.NotFound => 404,\n        DatoCmsErrorCode.ConcurrentItemUpdate\n            or DatoCmsErrorCode.EnvironmentNotReady\n            or DatoCmsErrorCode.ItemLocked\n            or DatoCmsErrorCode.RateLimitExceeded\n            or DatoCmsErrorCode.ServiceUnavailable\n            or DatoCmsErrorCode.SiteNotReady => throw ex,\n        _ => 500,\n    };"),
            fixedText);
    }

    /// <summary>An IDE names the action the user picked: that choice is kept, not replaced by the default.</summary>
    [Fact]
    public async Task AKeyTheProviderKnowsIsKept()
    {
        var (document, diagnostics) = await AnalyzeAsync(Switches, new TransientSwitchAnalyzer());
        var fixedText = await FixAllAsync(document, new TransientSwitchCodeFix(), "DATO001", diagnostics, TransientSwitchCodeFix.AddCasesKey);

        Assert.Contains("                case DatoCmsErrorCode.ItemLocked:", fixedText, System.StringComparison.Ordinal);
        Assert.DoesNotContain("if (ex.IsTransient)", fixedText, System.StringComparison.Ordinal);
    }

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string source, DiagnosticAnalyzer analyzer)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "User", "User", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            metadataReferences: ReferenceSets.Get(ReferenceSet.Net80)));
        foreach (var (hintName, generated) in TestSpec.Sources)
        {
            project = project.AddDocument(hintName, SourceText.From(generated), filePath: "/project/Generated/" + hintName).Project;
        }

        var document = project.AddDocument("User.cs", SourceText.From(source), filePath: "/project/User.cs");
        var compilation = (CSharpCompilation)(await document.Project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var diagnostics = (await AnalyzerVerifier.GetDiagnosticsAsync(analyzer, compilation))
            .Where(d => d.Location.SourceTree == tree)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        return (document, diagnostics);
    }

    /// <summary>What dotnet format's SolutionCodeFixApplier does for one rule, with <paramref name="first"/> as the diagnostic it meets first.</summary>
    private static async Task<string> FixAllAsDotnetFormatAsync(Document document, CodeFixProvider fix, string rule, ImmutableArray<Diagnostic> all, Diagnostic first)
    {
        CodeAction? firstAction = null;
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => firstAction ??= action, CancellationToken.None));
        return await FixAllAsync(document, fix, rule, all, firstAction?.EquivalenceKey);
    }

    private static async Task<string> FixAllAsync(Document document, CodeFixProvider fix, string rule, ImmutableArray<Diagnostic> all, string? equivalenceKey)
    {
        var fixAllProvider = fix.GetFixAllProvider();
        Assert.NotNull(fixAllProvider);
        Assert.Contains(FixAllScope.Solution, fixAllProvider!.GetSupportedFixAllScopes());

        var context = new FixAllContext(document, fix, FixAllScope.Solution, equivalenceKey!, new[] { rule }, new KnownDiagnostics(all), CancellationToken.None);
        var fixAll = await fixAllProvider.GetFixAsync(context);
        Assert.NotNull(fixAll);

        var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(await fixAll!.GetOperationsAsync(CancellationToken.None)));
        return (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    /// <summary>Like dotnet format's provider: every diagnostic found, of every id asked for, whatever the rule being fixed.</summary>
    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => GetProjectDiagnosticsAsync(project, cancellationToken);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath).ToList());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
