using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// A process well below the limit that has never seen the window full, with one request whose
/// answer takes seconds (a new user's trial, 2026-12-03): the throttle read the room only on an
/// answer that settled every request in flight, so the one slow request held the others to what
/// they already had, and a steady third of the limit fell to nothing for seconds at a time.
/// </summary>
public class SlowAnswerBelowTheLimitTests
{
    [Fact]
    public async Task OneSlowAnswerDoesNotHoldBackTheRequestsBesideIt()
    {
        await using var api = await ImitationApi.StartAsync(new ImitationOptions { RequestsPerWindow = 60, Window = TimeSpan.FromSeconds(3) });
        var options = new DatoCmsRetryOptions { AttemptTimeout = TimeSpan.FromSeconds(4) };
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };

        // Hangs until its attempt times out (4 s), then is answered on its second attempt.
        using var slowRequest = new HttpRequestMessage(HttpMethod.Get, "items/slow");
        slowRequest.Headers.Add("X-Test-Request", "slow");
        slowRequest.Headers.Add("X-Test-Fault", "hang:1");
        var slow = client.SendAsync(slowRequest);

        // Meanwhile a request every 150 ms: a third of the limit, which never needs to wait.
        var durations = new ConcurrentBag<TimeSpan>();
        for (var i = 0; i < 30; i++)
        {
            var started = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, "items/" + i);
            request.Headers.Add("X-Test-Request", "fast-" + i);
            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode);
            durations.Add(started.Elapsed);
            var pause = TimeSpan.FromMilliseconds(150) - started.Elapsed;
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause);
            }
        }

        using var slowResponse = await slow;
        Assert.True(slowResponse.IsSuccessStatusCode);
        Assert.Equal(0, api.TooManyRequests);

        // Bounded: no request beside the slow one waits anywhere near the slow one's seconds (about
        // 3 s before the fix, 0.2 s after; the bound leaves room for a loaded CI machine).
        Assert.True(durations.Max() < TimeSpan.FromSeconds(1.5), "the longest request beside the slow one took " + durations.Max().TotalMilliseconds + " ms");
    }
}
