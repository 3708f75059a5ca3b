using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// Several handlers, each with its own options (so its own throttle) and its own connections,
/// standing for separate processes on one project, against the imitation's shared limit on a short
/// window. The invariants, not the pace: nothing lost, nothing accepted twice, rate-limit waits bounded.
/// </summary>
public class SharedProjectTests
{
    private const int RequestsPerWindow = 10;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);

    [Theory]
    [InlineData(ImitationWindowMode.Fixed)]
    [InlineData(ImitationWindowMode.Sliding)]
    public async Task ThreeProcessesOnOneProjectLoseNothingAndRepeatNothingAccepted(ImitationWindowMode mode)
    {
        await using var api = await ImitationApi.StartAsync(new ImitationOptions
        {
            RequestsPerWindow = RequestsPerWindow,
            Window = Window,
            Mode = mode,
            ConnectionSetupDelay = TimeSpan.FromMilliseconds(40),
        });

        // MaxAttempts 1: a 429 must not spend an attempt, or requests would be lost.
        var failures = await Task.WhenAll(Enumerable.Range(0, 3).Select(worker =>
            RunProcessAsync(api, "w" + worker, requests: 30, inFlight: 8, RequestsPerWindow, Window)));

        Assert.Equal(new[] { 0, 0, 0 }, failures);
        Assert.Equal(90, api.Attempts.Count);
        Assert.All(api.Attempts.Values, attempts =>
        {
            var list = attempts.ToList();
            Assert.Equal(1, list.Count(a => a.Status < 300));
            Assert.True(list[^1].Status < 300);
        });
    }

    [Fact]
    public async Task ABusyProjectDelaysARequestOnlyForMaxRateLimitWait()
    {
        // One request per 10 s, and whole-second resets: the second request cannot pass in time.
        await using var api = await ImitationApi.StartAsync(new ImitationOptions { RequestsPerWindow = 1, Window = TimeSpan.FromSeconds(10), WholeSecondReset = true });
        var options = new DatoCmsRetryOptions { MaxRateLimitWait = TimeSpan.FromMilliseconds(300), EnableThrottling = false };
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };

        using var first = await client.GetAsync("items");
        var watch = Stopwatch.StartNew();
        using var second = await client.GetAsync("items");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), "waited " + watch.Elapsed);
        await Assert.ThrowsAsync<RateLimitExceededException>(() => second.EnsureDatoCmsSuccessAsync());
    }

    [Fact]
    public async Task TheCallerCancelsAWaitForTheThrottle()
    {
        await using var api = await ImitationApi.StartAsync(new ImitationOptions { RequestsPerWindow = 1, Window = TimeSpan.FromSeconds(10), WholeSecondReset = true });
        var options = new DatoCmsRetryOptions { RequestsPerWindow = 5, RateLimitWindow = TimeSpan.FromSeconds(10) };
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };
        using var first = await client.GetAsync("items");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // The server's limit (1) replaced ours (5): the throttle holds the second request until the
        // window passes, and the caller's cancellation ends that wait at once, before any attempt.
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("items", cancellation.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), "waited " + watch.Elapsed);
        Assert.Equal(1, api.Attempts.Values.Sum(a => a.Count));
    }

    /// <summary>
    /// Processes that start while another fills the window meet 429s. The server's answers come
    /// back at once (no network in between), so were every 429 to free its place for the next
    /// request, a process would send one 429 after another until the window ended (thousands a
    /// window; PacingTests pins the mechanism: a rejected place is held until the reset). Each
    /// process meets fewer 429s a window than the window holds requests.
    /// </summary>
    [Fact]
    public async Task ProcessesStartingWhileAnotherFillsTheWindowDoNotSendOne429AfterAnother()
    {
        const int limit = 20;
        const int inFlight = 8;
        var window = TimeSpan.FromMilliseconds(600);
        await using var api = await ImitationApi.StartAsync(new ImitationOptions { RequestsPerWindow = limit, Window = window, Mode = ImitationWindowMode.Fixed });

        var failures = await Task.WhenAll(new[] { (Start: TimeSpan.Zero, Requests: 120), (Start: window / 2, Requests: 60), (Start: window, Requests: 60) }.Select(async (worker, w) =>
        {
            await Task.Delay(worker.Start);
            return await RunProcessAsync(api, "w" + w, worker.Requests, inFlight, limit, window);
        }));

        Assert.Equal(new[] { 0, 0, 0 }, failures);
        var rejectedPerWindow = api.Traffic.Snapshot()
            .Where(a => !a.Accepted)
            .GroupBy(a => (a.Worker, Window: a.At.Ticks / window.Ticks))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.All(rejectedPerWindow, pair => Assert.True(pair.Value < limit, $"{pair.Key.Worker} met {pair.Value} 429s in window {pair.Key.Window}"));
    }

    /// <summary>
    /// One process on the project: its own options (so its own throttle, with <c>MaxAttempts</c> 1)
    /// and its own connections, sending <paramref name="requests"/> requests, half GET and half PUT,
    /// <paramref name="inFlight"/> at a time. Returns how many failed for good.
    /// </summary>
    private static async Task<int> RunProcessAsync(ImitationApi api, string worker, int requests, int inFlight, int limit, TimeSpan window)
    {
        var options = new DatoCmsRetryOptions { MaxAttempts = 1, RequestsPerWindow = limit, RateLimitWindow = window };
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };
        var failed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(i % 2 == 0 ? HttpMethod.Get : HttpMethod.Put, "items") { Content = i % 2 == 0 ? null : new StringContent("{}") };
            request.Headers.Add("X-Test-Request", worker + "-" + i);
            request.Headers.Add("X-Test-Worker", worker);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failed);
            }
        });
        return failed;
    }
}
