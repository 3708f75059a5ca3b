using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using DatoCms.ErrorCodes.Generators;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>
/// What our analyzers add to compiling a 2,000-method consumer that uses the generated API on
/// every method: full compiler diagnostics alone (the baseline) against the same plus all
/// DATO0xx analyzers. Each run starts from a fresh compilation, so nothing is cached between runs.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    public CSharpCompilation Compilation => _compilation;

    public ImmutableArray<DiagnosticAnalyzer> Analyzers => _analyzers;

    [Params(2000)]
    public int Methods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "datocms-cma-errors.md"));
        var overlay = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "datocms-cma-errors.yaml"));
        var empty = SyntheticConsumer.Compilation(0, Array.Empty<SyntaxTree>());
        var driver = CSharpGeneratorDriver.Create(
            new[] { new DatoCmsErrorCodesGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText("/p/datocms-cma-errors.md", page), new InMemoryAdditionalText("/p/datocms-cma-errors.yaml", overlay) },
            new CSharpParseOptions(LanguageVersion.Latest),
            new TestOptionsProvider()).RunGenerators(empty);
        _compilation = SyntheticConsumer.Compilation(Methods, driver.GetRunResult().GeneratedTrees);
        _analyzers = typeof(DatoCmsErrorCodesGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic consumer does not compile: " + errors[0]);
        }
    }

    [Benchmark(Baseline = true)]
    public int CompilerDiagnosticsOnly() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark]
    public int CompilerAndDatoAnalyzers() =>
        _compilation.Clone().WithAnalyzers(_analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <summary>How many diagnostics of each id the analyzers report on the consumer.</summary>
    public IReadOnlyDictionary<string, int> CountById() =>
        _compilation.Clone().WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
}
