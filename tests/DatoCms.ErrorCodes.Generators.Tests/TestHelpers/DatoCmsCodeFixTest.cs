using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// A code-fix test on Microsoft's testing library. One run checks: the exact diagnostics before
/// (markup); the chosen code action applied one diagnostic at a time until none is left
/// (iterative); Fix All at document, project and solution scope, each giving the expected code;
/// and the fixed code with no diagnostic but the ones still marked in it — compiler warnings
/// included, so a fix that leaves a new warning or error fails.
/// </summary>
internal sealed class DatoCmsCodeFixTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    private readonly DiagnosticAnalyzer _analyzer;
    private readonly CodeFixProvider _fix;

    public DatoCmsCodeFixTest(DiagnosticAnalyzer analyzer, CodeFixProvider fix)
    {
        _analyzer = analyzer;
        _fix = fix;
        ReferenceAssemblies = DatoCmsTestState.NoPackage;
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
    }

    public ApiSpec Spec { get; init; } = ApiSpec.Test;

    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Latest;

    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        DatoCmsTestState.AddGeneratedSources(TestState, Spec);
        DatoCmsTestState.AddGeneratedSources(FixedState, Spec);
        DatoCmsTestState.AddGeneratedSources(BatchFixedState, Spec);
        return base.RunImplAsync(cancellationToken);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { _analyzer };

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { _fix };

    protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
