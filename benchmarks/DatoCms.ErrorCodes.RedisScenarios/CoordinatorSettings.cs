using System.Globalization;

namespace DatoCms.ErrorCodes.RedisScenarios;

/// <summary>
/// The runs to make: worker counts × limiters, plus the fault run. <c>--stagger MS</c> releases worker
/// <c>w</c> <c>w</c> × MS milliseconds after the first, as processes started one after another are.
/// <c>--outage S</c> keeps Redis away for S seconds in the fault run (6 by default).
/// </summary>
internal sealed record CoordinatorSettings(int[] Workers, string[] Limiters, int Requests, int Concurrency, bool Fault, bool FaultOnly, int FaultWorkers, int FaultRequests, int StaggerMs = 0, int OutageSeconds = 6)
{
    public static CoordinatorSettings Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        int[] Numbers(string? text, int[] fallback) => text is null ? fallback : text.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return new CoordinatorSettings(
            Numbers(Get("--workers"), new[] { 2, 5, 10 }),
            Get("--limiters")?.Split(',') ?? new[] { "headers", "redis" },
            Numbers(Get("--requests"), new[] { 300 })[0],
            Numbers(Get("--concurrency"), new[] { 4 })[0],
            Fault: args.Contains("--fault") || args.Contains("--fault-only"),
            FaultOnly: args.Contains("--fault-only"),
            FaultWorkers: Numbers(Get("--fault-workers"), new[] { 5 })[0],
            FaultRequests: Numbers(Get("--fault-requests"), new[] { 600 })[0],
            StaggerMs: Numbers(Get("--stagger"), new[] { 0 })[0],
            OutageSeconds: Numbers(Get("--outage"), new[] { 6 })[0]);
    }
}
