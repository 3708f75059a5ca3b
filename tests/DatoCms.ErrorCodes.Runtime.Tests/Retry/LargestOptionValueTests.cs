using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using static DatoCms.ErrorCodes.Runtime.Tests.Retry.FaultClient;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// Budgets set as large as a <see cref="TimeSpan"/> goes, the way a user says "wait as long as it
/// takes" (<see cref="TimeSpan.MaxValue"/>), or as infinite where an option takes that: the handler
/// works as with generous finite values. A timer cannot be set that far, and adding to
/// <see cref="TimeSpan.MaxValue"/> overflows; neither may surface as an exception.
/// </summary>
public class LargestOptionValueTests
{
    public static TheoryData<string, bool> Budgets() => new()
    {
        { "max", false },
        { "max", true },
        { "infinite", false },
        { "infinite", true },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public async Task TheLargestBudgetsWaitAsLongAsItTakes(string budget, bool throttle)
    {
        // Three requests a second, so most of the burst below meets 429s; whole-second resets.
        await using var api = await ImitationApi.StartAsync(new ImitationOptions { RequestsPerWindow = 3, Window = TimeSpan.FromSeconds(1), WholeSecondReset = true });
        var retries = new List<DatoCmsRetryAttempt>();
        var options = Options(retries, maxAttempts: 3);
        var largest = budget == "max" ? TimeSpan.MaxValue : Timeout.InfiniteTimeSpan;
        options.EnableThrottling = throttle;
        options.MaxRateLimitWait = TimeSpan.MaxValue;
        options.MaintenanceWait = TimeSpan.MaxValue;
        options.MaxDelay = TimeSpan.MaxValue;
        options.TotalTimeout = largest;
        options.AttemptTimeout = largest;
        options.Jobs.Timeout = largest;
        options.Jobs.MaxPollDelay = TimeSpan.MaxValue;
        using var client = Client(api, options);

        var faults = new[] { null, null, null, "maintenance-after:1", "job:1", "reset:1", null };
        var answers = await Task.WhenAll(faults.Select((fault, i) => client.SendAsync(Request(i == 4 ? HttpMethod.Put : HttpMethod.Get, "r" + i, fault))));

        // Every request succeeded, each on its last attempt (the job's result, fetched by polls, is not an attempt of its request).
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.All(Enumerable.Range(0, faults.Length).Where(i => i != 4), i => Assert.Equal(200, api.Attempts["r" + i].Last().Status));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
