using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
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

        var summary = BenchmarkRunner.Run(benchmarks, config);

        Assert.False(summary.HasCriticalValidationErrors, string.Join("\n", summary.ValidationErrors.Select(e => e.Message)));
        Assert.NotEmpty(summary.Reports);
        Assert.All(summary.Reports, report => Assert.True(report.Success, report.BenchmarkCase.DisplayInfo + "\n" + logger.GetLog()));
    }
}
