using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>
/// The in-process equivalent of <c>-p:ReportAnalyzer=true</c>: Roslyn's own per-analyzer execution
/// time on the 2,000-method synthetic consumer, next to the time the compiler needs for its own
/// diagnostics. Run with <c>dotnet run -c Release --project benchmarks/DatoCms.ErrorCodes.Benchmarks -- analyzer-cost</c>.
/// </summary>
internal static class AnalyzerCostReport
{
    /// <param name="rounds">Measurements per figure; the median is shown.</param>
    /// <param name="reversed">Runs the analyzers in reverse order, to show which share is the operation trees' cost.</param>
    /// <param name="only">Keeps only the analyzers whose type name contains this text.</param>
    public static void Run(int rounds = 5, bool reversed = false, string? only = null)
    {
        var benchmarks = new AnalyzerBenchmarks { Methods = 2000 };
        benchmarks.Setup();
        var compilation = benchmarks.Compilation;
        var analyzers = (reversed ? benchmarks.Analyzers.Reverse() : benchmarks.Analyzers)
            .Where(a => only is null || a.GetType().Name.Contains(only, StringComparison.Ordinal))
            .ToImmutableArray();

        // Warm up the JIT for both paths before measuring.
        compilation.Clone().GetDiagnostics();
        Telemetry(compilation, analyzers);

        var compileTimes = new List<double>();
        var withAnalyzerTimes = new List<double>();
        var analyzerTimes = new Dictionary<string, List<double>>();
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            compilation.Clone().GetDiagnostics();
            compileTimes.Add(watch.Elapsed.TotalMilliseconds);

            // The whole cost a build sees: compiler diagnostics plus every analyzer, on one thread.
            watch.Restart();
            compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            withAnalyzerTimes.Add(watch.Elapsed.TotalMilliseconds);

            foreach (var (name, time) in Telemetry(compilation, analyzers))
            {
                (analyzerTimes.TryGetValue(name, out var list) ? list : analyzerTimes[name] = new List<double>()).Add(time);
            }
        }

        var compile = Median(compileTimes);
        var total = analyzerTimes.Values.Sum(Median);
        var withAnalyzers = Median(withAnalyzerTimes);
        Console.WriteLine($"Compiler diagnostics (bind, flow analysis) of the 2,000-method consumer: median {compile:0} ms over {rounds} rounds");
        Console.WriteLine($"Compiler diagnostics plus all DATO analyzers:                          median {withAnalyzers:0} ms ({(withAnalyzers - compile) / compile:P1} more)");
        Console.WriteLine("Per analyzer, Roslyn's execution-time telemetry (includes building the operation trees it is the first to ask for):");
        foreach (var (name, times) in analyzerTimes.OrderByDescending(a => Median(a.Value)))
        {
            Console.WriteLine($"  {name,-40} {Median(times),8:0.0} ms  {Median(times) / compile,7:P2}");
        }

        Console.WriteLine($"  {"all DATO analyzers",-40} {total,8:0.0} ms  {total / compile,7:P2} of compile time");
        Console.WriteLine("Diagnostics reported: " + string.Join(", ", benchmarks.CountById().OrderBy(p => p.Key).Select(p => $"{p.Key} x{p.Value}")));
    }

    private static IEnumerable<(string Name, double Milliseconds)> Telemetry(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (var analyzer in analyzers)
        {
            var info = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            yield return (analyzer.GetType().Name, info.ExecutionTime.TotalMilliseconds);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
