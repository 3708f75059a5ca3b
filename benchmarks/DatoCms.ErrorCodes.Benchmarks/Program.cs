using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Full run:  dotnet run -c Release --project benchmarks/DatoCms.ErrorCodes.Benchmarks -- --filter '*'
// Smoke run: add --job short (or --job dry) to check that every benchmark still runs.
// Analyzer cost report (per-analyzer time as a share of compile time): add "analyzer-cost" (--rounds N, --only NAME);
// with --cpu, the CPU time of the calling thread in the analyzers' callbacks instead of Roslyn's wall-clock
// telemetry (--drop-reports: the reports go nowhere, to separate Roslyn's handling of them).
if (args.Length > 0 && args[0] == "analyzer-cost")
{
    var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    var rounds = Array.IndexOf(args, "--rounds") is var r and >= 0 && r + 1 < args.Length ? int.Parse(args[r + 1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    if (args.Contains("--cpu"))
    {
        DatoCms.ErrorCodes.Benchmarks.AnalyzerCostReport.RunCpu(rounds, dropReports: args.Contains("--drop-reports"), only);
        return;
    }

    DatoCms.ErrorCodes.Benchmarks.AnalyzerCostReport.Run(rounds, reversed: args.Contains("--reversed"), only: only);
    return;
}

// The retry handler at the real rate limit against the Kestrel imitation (see benchmarks/README.md): add "scenarios".
if (args.Length > 0 && args[0] == "scenarios")
{
    await DatoCms.ErrorCodes.Benchmarks.Scenarios.RateLimitScenarios.RunAsync(args);
    return;
}

// Writes the 2,000-method synthetic consumer as C# files into a folder, for a real
// `dotnet build -p:ReportAnalyzer=true` (see benchmarks/README.md): add "write-consumer DIR".
if (args.Length > 1 && args[0] == "write-consumer")
{
    Directory.CreateDirectory(args[1]);
    var files = DatoCms.ErrorCodes.Benchmarks.SyntheticConsumer.Files(2000);
    for (var i = 0; i < files.Length; i++)
    {
        File.WriteAllText(Path.Combine(args[1], $"Service{i}.cs"), files[i]);
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
