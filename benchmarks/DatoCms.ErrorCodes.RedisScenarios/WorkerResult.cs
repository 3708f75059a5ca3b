namespace DatoCms.ErrorCodes.RedisScenarios;

/// <summary>
/// What a worker reports on its last line: its requests, the ones that failed for good, when it
/// started and finished, and every attempt it sent (Unix milliseconds and status), so the
/// coordinator can count 429s over time across processes.
/// </summary>
internal sealed record WorkerResult(int Id, int Requests, int Failures, long StartedUnixMs, long FinishedUnixMs, long[][] Attempts, int Fallbacks, int Recoveries)
{
    public const string Prefix = "result ";

    public double ElapsedSeconds => (FinishedUnixMs - StartedUnixMs) / 1000.0;
}
