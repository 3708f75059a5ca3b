using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DatoCms.ErrorCodes.Benchmarks;

namespace DatoCms.ErrorCodes.Benchmarks.Tests;

/// <summary>
/// Runs every benchmark once (BenchmarkDotNet's Dry job, in process) so a benchmark that no longer
/// runs fails CI. The same smoke run from the command line:
/// <c>dotnet run -c Release --project benchmarks/DatoCms.ErrorCodes.Benchmarks -- --filter '*' --job dry --inProcess</c>.
/// </summary>
public class BenchmarkSmokeTests
{
    [Theory]
    [InlineData(typeof(LookupBenchmarks))]
    [InlineData(typeof(ParseBenchmarks))]
    [InlineData(typeof(ParseEveryCodeBenchmarks))]
    [InlineData(typeof(ParseEachCodeBenchmarks))]
    [InlineData(typeof(FromResponseBenchmarks))]
    [InlineData(typeof(GeneratorBenchmarks))]
    [InlineData(typeof(AnalyzerBenchmarks))]
    public void EveryBenchmarkRuns(Type benchmarks)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "datocms-benchmark-smoke", benchmarks.Name);
        var logger = new AccumulationLogger();
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(logger)
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);
        if (benchmarks == typeof(ParseEachCodeBenchmarks))
        {
            // One case per code of the spec (over a hundred), all the same code path: three prove it runs.
            var kept = new HashSet<string>(StringComparer.Ordinal);
            config = config.AddFilter(new SimpleFilter(benchmark => kept.Contains(benchmark.Parameters.DisplayInfo) || (kept.Count < 3 && kept.Add(benchmark.Parameters.DisplayInfo))));
        }

        var summary = BenchmarkRunner.Run(benchmarks, config);

        Assert.False(summary.HasCriticalValidationErrors, string.Join("\n", summary.ValidationErrors.Select(e => e.Message)));
        Assert.NotEmpty(summary.Reports);
        Assert.All(summary.Reports, report => Assert.True(report.Success, report.BenchmarkCase.DisplayInfo + "\n" + logger.GetLog()));
    }
}
