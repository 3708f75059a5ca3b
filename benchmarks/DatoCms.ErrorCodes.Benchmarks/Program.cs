using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Full run:  dotnet run -c Release --project benchmarks/DatoCms.ErrorCodes.Benchmarks -- --filter '*'
// Smoke run: add --job short (or --job dry) to check that every benchmark still runs.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
