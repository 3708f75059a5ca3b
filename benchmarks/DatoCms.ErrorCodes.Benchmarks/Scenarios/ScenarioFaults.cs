namespace DatoCms.ErrorCodes.Benchmarks.Scenarios;

/// <summary>
/// The faults <c>scenarios --faults</c> scripts into a worker's requests, through the imitation's
/// <c>X-Test-Fault</c> header, by the request's index, so every run and every worker meets the same
/// ones: per 300 requests, 12 answered ITEM_LOCKED once (a transient 422), 6 whose connection is
/// reset once after the server counted them, 3 that start an asynchronous job (202, then one poll
/// answered 404 NOT_FOUND before the result) and 2 answered 503 PLATFORM_SCHEDULED_MAINTENANCE once
/// with <c>Retry-After: 1</c>: 23 in all, about one request in thirteen. The locked and reset ones
/// fall on GETs and PUTs alike (PUT is idempotent, so a reset one may be sent again); the jobs and
/// the maintenance answers on PUTs. Hung requests are left out: with the default 30-s attempt
/// timeout one would outlast a one-process run by itself (NetworkFaultTests cover them).
/// </summary>
internal static class ScenarioFaults
{
    /// <summary>What the mix scripts for one request (index 0-based within its worker), or null.</summary>
    public static string? For(int index) => (index % 50, index % 100, index % 150) switch
    {
        (7, _, _) or (32, _, _) => "locked:1",
        (_, 45, _) or (_, 96, _) => "reset:1",
        (_, 73, _) => "job:1",
        (_, _, 101) => "maintenance-after:1",
        _ => null,
    };

    /// <summary>The mix, for the runner's heading.</summary>
    public const string Description = "per 300 requests: 12 ITEM_LOCKED once, 6 connection resets, 3 asynchronous jobs (one poll before the result), 2 maintenance 503s with Retry-After: 1";
}
