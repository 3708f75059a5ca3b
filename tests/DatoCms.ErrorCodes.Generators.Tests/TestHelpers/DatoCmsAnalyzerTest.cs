using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// An analyzer test on Microsoft's testing library: user code compiled against the generated API,
/// exactly the expected diagnostics and no other (compiler errors included), and the library's own
/// checks that the analyzers skip generated code and honour suppressions.
/// </summary>
internal sealed class DatoCmsAnalyzerTest : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
{
    private readonly IReadOnlyList<DiagnosticAnalyzer> _analyzers;

    public DatoCmsAnalyzerTest(params DiagnosticAnalyzer[] analyzers)
    {
        _analyzers = analyzers;
        ReferenceAssemblies = DatoCmsTestState.NoPackage;
    }

    public ApiSpec Spec { get; init; } = ApiSpec.Test;

    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Latest;

    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        DatoCmsTestState.AddGeneratedSources(TestState, Spec);
        return base.RunImplAsync(cancellationToken);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => _analyzers;

    protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="markup"/> and expects exactly its marked diagnostics.</summary>
    public static Task VerifyAsync(
        DiagnosticAnalyzer analyzer,
        string defaultId,
        string markup,
        IReadOnlyList<string>? messages = null,
        IReadOnlyDictionary<string, string>? options = null,
        IEnumerable<MetadataReference>? extraReferences = null,
        ApiSpec spec = ApiSpec.Test)
    {
        var (source, expected) = DatoCmsTestState.Expect(markup, defaultId, new[] { analyzer }, messages);
        var test = new DatoCmsAnalyzerTest(analyzer) { TestCode = source, Spec = spec };
        DatoCmsTestState.Configure(test.TestState, extraReferences, options);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>All the package's analyzers, for tests that look at every rule at once.</summary>
    public static DiagnosticAnalyzer[] AllAnalyzers() =>
        typeof(DatoCms.ErrorCodes.Generators.Analyzers.TransientSwitchAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, System.StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
            .ToArray();
}
