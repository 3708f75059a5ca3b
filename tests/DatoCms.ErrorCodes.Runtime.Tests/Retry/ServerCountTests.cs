using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// <see cref="DatoCmsRateLimiter"/> frees the slots that the server's count (the limit less
/// X-RateLimit-Remaining) says it no longer holds, rather than holding each one a window after the
/// latest moment its answer allows: an answer that took long (the API worked longer on it) is no
/// proof that it was counted late. Only answered requests that the server surely counted before
/// the answered one left are freed, and never more than its count leaves out.
/// </summary>
public class ServerCountTests
{
    private const int Limit = 20;

    // Long enough that no slot frees by itself while a test runs on a busy machine.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    // Longer than the limiter's margin for clocks (half a percent of the window): the requests
    // answered before it are then surely counted before the next one leaves.
    private static readonly TimeSpan Later = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task AWindowThatCountsOnlyTheLatestRequestFreesTheSlotsOfTheOnesBefore()
    {
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        var latest = await NineAnsweredThenOneMoreAsync(limiter);

        // The server counts it alone (a fixed window has started again): the nine before are out of it.
        latest.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));

        Assert.Equal(Limit - 1, limiter.Available);
    }

    [Fact]
    public async Task NoMoreSlotsAreFreedThanTheServersCountLeavesOut()
    {
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        var latest = await NineAnsweredThenOneMoreAsync(limiter);

        // The server holds six with it: five of the nine may still be in its window, so four are freed.
        latest.Complete(200, RateLimitHeaders.Of(Limit, Limit - 6));

        Assert.Equal(Limit - 6, limiter.Available);
    }

    [Fact]
    public async Task ARequestAnsweredAfterTheAnsweredOneLeftIsNotFreed()
    {
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        SendAnswered(limiter, 8);
        Assert.True(limiter.TryAcquire(out var slow, out _));

        await Task.Delay(Later);
        Assert.True(limiter.TryAcquire(out var latest, out _));

        // Sent before the latest one but answered after it left: the server may have counted it
        // after the latest one, so the latest one's count says nothing about it.
        slow!.Complete(200, RateLimitHeaders.Of(Limit, Limit - 9));
        latest!.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));

        Assert.Equal(Limit - 2, limiter.Available);
    }

    [Fact]
    public async Task WithAnswersThatVaryWidelyTheHandlerStaysUnderTheLimitAndLosesNothing()
    {
        // The server's work varies by up to 150 ms from request to request, after it counted the
        // request: the throttle frees slots by the server's count, and must still never overrun it.
        await using var api = await ImitationApi.StartAsync(new ImitationOptions
        {
            RequestsPerWindow = Limit,
            Window = TimeSpan.FromMilliseconds(500),
            Mode = ImitationWindowMode.Fixed,
            Latency = TimeSpan.FromMilliseconds(2),
            LatencySpread = TimeSpan.FromMilliseconds(3),
            ResponseDelay = TimeSpan.FromMilliseconds(5),
            ResponseDelaySpread = TimeSpan.FromMilliseconds(150),
        });
        var options = new DatoCmsRetryOptions
        {
            RequestsPerWindow = Limit,
            RateLimitWindow = TimeSpan.FromMilliseconds(500),
            MaxAttempts = 50,
        };
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };
        const int requests = 120;
        var failures = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "items/" + i);
            request.Headers.Add("X-Test-Request", "r" + i);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
        Assert.Equal(requests, api.Attempts.Count);
        Assert.All(api.Attempts.Values, attempts => Assert.Equal(1, attempts.Count(a => a.Status < 300)));

        // The first window may meet one 429 (cold connections); after that, none.
        Assert.InRange(api.TooManyRequests, 0, 1);
    }

    /// <summary>Nine requests answered at once, then, once the server surely counted them, one more taken and left in flight.</summary>
    private static async Task<DatoCmsRateLimitTicket> NineAnsweredThenOneMoreAsync(DatoCmsRateLimiter limiter)
    {
        SendAnswered(limiter, 9);
        Assert.Equal(Limit - 9, limiter.Available);

        await Task.Delay(Later);
        Assert.True(limiter.TryAcquire(out var latest, out _));
        return latest!;
    }

    /// <summary><paramref name="count"/> requests, each answered at once, the server counting one more each time.</summary>
    private static void SendAnswered(DatoCmsRateLimiter limiter, int count)
    {
        var tickets = new List<DatoCmsRateLimitTicket>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(limiter.TryAcquire(out var ticket, out _));
            tickets.Add(ticket!);
        }

        for (var i = 0; i < count; i++)
        {
            tickets[i].Complete(200, RateLimitHeaders.Of(Limit, Limit - (i + 1)));
        }
    }
}
