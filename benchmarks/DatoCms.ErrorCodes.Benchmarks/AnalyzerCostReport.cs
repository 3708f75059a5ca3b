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

    /// <summary>
    /// The analyzers' CPU time on the calling thread per callback, summed (see <see cref="CpuTimedAnalyzer"/>):
    /// what a loaded machine cannot inflate. <paramref name="dropReports"/> hands the rules a context whose
    /// reports go nowhere, so the difference is Roslyn's handling of the reported diagnostics.
    /// </summary>
    public static void RunCpu(int rounds, bool dropReports, string? only)
    {
        var benchmarks = new AnalyzerBenchmarks { Methods = 2000 };
        benchmarks.Setup();
        var compilation = benchmarks.Compilation;
        var names = benchmarks.Analyzers.Where(a => only is null || a.GetType().Name.Contains(only, StringComparison.Ordinal)).Select(a => a.GetType()).ToList();
        var times = new Dictionary<string, List<double>>();
        var callbacks = new Dictionary<string, long>();
        for (var round = -1; round < rounds; round++)
        {
            var timed = names.Select(t => new CpuTimedAnalyzer((DiagnosticAnalyzer)Activator.CreateInstance(t)!, dropReports)).ToList();
            compilation.Clone().WithAnalyzers(timed.ToImmutableArray<DiagnosticAnalyzer>(), new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            if (round < 0)
            {
                // The first run of the process: the analyzers' code is compiled just in time, as in a build's own csc process.
                Console.WriteLine("First (cold) run: " + string.Join(", ", timed.OrderByDescending(a => a.Milliseconds).Select(a => $"{a.Name} {a.Milliseconds:0.0} ms (JIT {a.JitMilliseconds:0.0})"))
                    + $"; all {timed.Sum(a => a.Milliseconds):0.0} ms, of which compiling code just in time {timed.Sum(a => a.JitMilliseconds):0.0} ms");
                continue;
            }

            foreach (var analyzer in timed)
            {
                (times.TryGetValue(analyzer.Name, out var list) ? list : times[analyzer.Name] = new List<double>()).Add(analyzer.Milliseconds);
                callbacks[analyzer.Name] = analyzer.Callbacks;
            }

            var sum = timed.Sum(a => a.Milliseconds);
            (times.TryGetValue("(all)", out var all) ? all : times["(all)"] = new List<double>()).Add(sum);
        }

        // What reading the clock twice costs, so that it can be told from the callbacks' own time.
        var clockStart = CpuTimedAnalyzer.ThreadCpuNanoseconds();
        for (var i = 0; i < 100_000; i++)
        {
            CpuTimedAnalyzer.ThreadCpuNanoseconds();
        }

        var perCallback = 2 * (CpuTimedAnalyzer.ThreadCpuNanoseconds() - clockStart) / 100_000 / 1e6;
        Console.WriteLine($"CPU time in the analyzers' callbacks, median of {rounds} rounds{(dropReports ? ", reports dropped" : string.Empty)}; reading the clock adds {perCallback * 1e3:0.00} µs per callback (included):");
        foreach (var (name, list) in times.OrderByDescending(t => Median(t.Value)))
        {
            Console.WriteLine($"  {name,-40} {Median(list),8:0.0} ms  (min {list.Min():0.0}, max {list.Max():0.0}){(callbacks.TryGetValue(name, out var n) ? $"  {n} callbacks" : string.Empty)}");
        }
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
