using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// A burst of requests through the handler against the imitation's fixed-window rate limit, with
/// and without client-side throttling. The window is short so the test runs in seconds. It
/// asserts invariants (nothing lost, each request accepted once); rates and 429 counts at the
/// real window are the scenario runner's (benchmarks, "-- scenarios").
/// </summary>
public class ThrottlingTests
{
    private const int Requests = 300;
    private const int RequestsPerWindow = 20;
    private const int Concurrency = 24;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    private readonly ITestOutputHelper _output;

    public ThrottlingTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task ThrottledBurstLosesNothingAndHasEachRequestAcceptedOnce()
    {
        // Invariants only (checked in BurstAsync): how close to the allowed rate the pacing runs is
        // a throughput figure, measured by the scenario runner (benchmarks, "-- scenarios").
        var (tooMany, elapsed) = await BurstAsync(throttling: true);
        _output.WriteLine($"throttling on: {tooMany} x 429 for {Requests} requests, {elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task UnthrottledBurstMeetsTheLimitAndStillCompletesByRetrying()
    {
        var (tooMany, elapsed) = await BurstAsync(throttling: false);
        _output.WriteLine($"throttling off: {tooMany} x 429 for {Requests} requests, {elapsed.TotalSeconds:0.00} s, {Requests / elapsed.TotalSeconds:0.0} req/s");

        Assert.True(tooMany > Requests / 10, $"only {tooMany} responses were 429: the burst did not hit the limit");
    }

    private async Task<(int TooMany, TimeSpan Elapsed)> BurstAsync(bool throttling)
    {
        await using var api = await ImitationApi.StartAsync(RequestsPerWindow, Window);
        var options = new DatoCmsRetryOptions
        {
            MaxAttempts = 50,
            BaseDelay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromMilliseconds(200),
            EnableThrottling = throttling,
            RequestsPerWindow = RequestsPerWindow,
            RateLimitWindow = Window,
        };
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };
        var failures = 0;

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(i % 2 == 0 ? HttpMethod.Get : HttpMethod.Post, "items") { Content = i % 2 == 0 ? null : new StringContent("{\"n\":" + i + "}") };
            request.Headers.Add("X-Test-Request", "r" + i);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        watch.Stop();

        // Every request completed, each accepted exactly once, as its last attempt.
        Assert.Equal(0, failures);
        Assert.Equal(Requests, api.Attempts.Count);
        Assert.All(api.Attempts.Values, attempts =>
        {
            var list = attempts.ToList();
            Assert.Equal(1, list.Count(a => a.Status < 300));
            Assert.True(list[^1].Status < 300);
        });
        return (api.TooManyRequests, watch.Elapsed);
    }
}
