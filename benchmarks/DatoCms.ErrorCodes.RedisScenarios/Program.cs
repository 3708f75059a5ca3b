// Shared-limit scenarios: dotnet run -c Release --project benchmarks/DatoCms.ErrorCodes.RedisScenarios
//   [--workers 2,5,10] [--requests 300] [--concurrency 4] [--limiters headers,redis]
//   [--fault] [--fault-only] [--fault-workers 5] [--fault-requests 600] [--outage 6]
// Worker mode (started by the coordinator, one process per worker): "worker" followed by its settings.
using DatoCms.ErrorCodes.RedisScenarios;

return args.Length > 0 && args[0] == "worker"
    ? await Worker.RunAsync(WorkerSettings.Parse(args.Skip(1).ToArray()))
    : await Coordinator.RunAsync(CoordinatorSettings.Parse(args));
