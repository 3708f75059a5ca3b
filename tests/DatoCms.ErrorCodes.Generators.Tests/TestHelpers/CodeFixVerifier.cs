using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// Code-fix checks on <see cref="DatoCmsCodeFixTest"/>: the marked diagnostics of <c>markup</c>, fixed
/// with the code action of <c>equivalenceKey</c> one at a time until none is left, and through
/// Fix All at document, project and solution scope, must all give <c>expected</c> exactly, which
/// then compiles with no warning and has no diagnostic but the ones marked in it.
/// </summary>
internal static class CodeFixVerifier
{
    public static Task VerifyAsync(
        DiagnosticAnalyzer analyzer,
        CodeFixProvider fix,
        string diagnosticId,
        string equivalenceKey,
        string markup,
        string expected,
        IReadOnlyDictionary<string, string>? options = null,
        IEnumerable<MetadataReference>? extraReferences = null,
        string? batchExpected = null,
        ApiSpec spec = ApiSpec.Test,
        int? iterations = null)
    {
        var test = Create(analyzer, fix, diagnosticId, equivalenceKey, markup, expected, options, extraReferences, spec);
        if (batchExpected is not null)
        {
            var (batchSource, batchRemaining) = DatoCmsTestState.Expect(batchExpected, diagnosticId, new[] { analyzer });
            test.BatchFixedState.Sources.Add(batchSource);
            test.BatchFixedState.ExpectedDiagnostics.AddRange(batchRemaining);
        }

        if (iterations is { } count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = count;
            test.NumberOfFixAllInDocumentIterations = count;
            test.NumberOfFixAllInProjectIterations = count;
        }

        return test.RunAsync();
    }

    /// <summary>Fix All is part of every <see cref="VerifyAsync"/>; this name stays for tests that are about it.</summary>
    public static Task VerifyFixAllAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string diagnosticId, string equivalenceKey, string markup, string expected, IReadOnlyDictionary<string, string>? options = null, IEnumerable<MetadataReference>? extraReferences = null) =>
        VerifyAsync(analyzer, fix, diagnosticId, equivalenceKey, markup, expected, options, extraReferences);

    /// <summary>The marked diagnostics are there and the action of <paramref name="equivalenceKey"/> is offered for none of them.</summary>
    public static Task VerifyNotOfferedAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string diagnosticId, string equivalenceKey, string markup, IReadOnlyDictionary<string, string>? options = null, IEnumerable<MetadataReference>? extraReferences = null, ApiSpec spec = ApiSpec.Test) =>
        Create(analyzer, fix, diagnosticId, equivalenceKey, markup, markup, options, extraReferences, spec).RunAsync();

    private static DatoCmsCodeFixTest Create(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string diagnosticId, string equivalenceKey, string markup, string expected, IReadOnlyDictionary<string, string>? options, IEnumerable<MetadataReference>? extraReferences, ApiSpec spec)
    {
        var (source, diagnostics) = DatoCmsTestState.Expect(markup, diagnosticId, new[] { analyzer });
        var (fixedSource, remaining) = DatoCmsTestState.Expect(expected, diagnosticId, new[] { analyzer });
        var test = new DatoCmsCodeFixTest(analyzer, fix) { Spec = spec, CodeActionEquivalenceKey = equivalenceKey };
        test.TestState.Sources.Add(source);
        test.TestState.ExpectedDiagnostics.AddRange(diagnostics);
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        DatoCmsTestState.Configure(test.TestState, extraReferences, options);
        return test;
    }
}
