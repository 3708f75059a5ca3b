using System.Globalization;

namespace DatoCms.ErrorCodes.RedisScenarios;

/// <summary>What one worker process does: which API and Redis, which limiter, how many requests.</summary>
internal sealed record WorkerSettings(string Api, string? Redis, string Project, string Limiter, int Requests, int Concurrency, int Id, int Workers)
{
    public string[] ToArguments() => new[]
    {
        "worker", "--api", Api, "--redis", Redis ?? "-", "--project", Project, "--limiter", Limiter,
        "--requests", Requests.ToString(CultureInfo.InvariantCulture), "--concurrency", Concurrency.ToString(CultureInfo.InvariantCulture),
        "--id", Id.ToString(CultureInfo.InvariantCulture), "--workers", Workers.ToString(CultureInfo.InvariantCulture),
    };

    public static WorkerSettings Parse(string[] args)
    {
        string Get(string name) => args[Array.IndexOf(args, name) + 1];
        int Number(string name) => int.Parse(Get(name), CultureInfo.InvariantCulture);
        var redis = Get("--redis");
        return new WorkerSettings(Get("--api"), redis == "-" ? null : redis, Get("--project"), Get("--limiter"), Number("--requests"), Number("--concurrency"), Number("--id"), Number("--workers"));
    }
}
