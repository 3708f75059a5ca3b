using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>
/// Several workers (each with its own limiter and Redis connection, as processes have) send through
/// the retry handler and DatoCmsRedisRateLimitHandler to the imitation of the API, first paced
/// through Redis, then with Redis gone: each then paces locally at its FallbackShare, so together
/// they keep the project's windows close to full (the shares add up to the limit), lose nothing and
/// meet few 429s. Counts on the server's own windows, never durations.
/// </summary>
public class RedisFallbackTests
{
    private const int Workers = 3;
    private const int RequestsWithRedis = 30;
    private const int RequestsWithoutRedis = 60;
    private const int RequestsPerWindow = 30;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ITestOutputHelper _output;

    public RedisFallbackTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task WhenRedisGoesAwayTheWorkersSharesTogetherKeepTheWindowsNearlyFull()
    {
        await using var api = await ImitationApi.StartAsync(RequestsPerWindow, Window);
        await using var server = await RedisServer.StartNewAsync();
        var project = RedisFixture.NewProjectKey();
        var workers = await Task.WhenAll(Enumerable.Range(0, Workers).Select(async w => (Id: "w" + w, Connection: await RedisFixture.ConnectAsync(server.Endpoint))));
        try
        {
            var limiters = workers.Select(w => Limiter(w.Connection, project)).ToArray();
            var failures = await Task.WhenAll(workers.Select((w, i) => SendAsync(api, limiters[i], w.Id, 0, RequestsWithRedis)));
            Assert.All(limiters, limiter => Assert.False(limiter.IsUsingFallback, "Redis was up, but a worker paced locally"));

            // Every answer so far showed the project's window with the other workers' requests in it.
            await server.StopAsync();
            var redisStopped = api.Traffic.Snapshot().Max(c => c.At);
            failures = failures.Concat(await Task.WhenAll(workers.Select((w, i) => SendAsync(api, limiters[i], w.Id, RequestsWithRedis, RequestsWithoutRedis)))).ToArray();

            Assert.All(limiters, limiter => Assert.True(limiter.IsUsingFallback, "a worker reached a Redis that is not there"));
            Assert.All(failures, f => Assert.Equal(0, f));

            // Nothing lost, nothing twice: every request accepted exactly once, as its last attempt.
            Assert.Equal(Workers * (RequestsWithRedis + RequestsWithoutRedis), api.Attempts.Count);
            Assert.All(api.Attempts.Values, attempts =>
            {
                Assert.Equal(1, attempts.Count(a => a.Status is 200 or 201));
                Assert.True(attempts.Last().Status is 200 or 201);
            });

            // Each worker keeps to a third of the limit per window (and its margin), so the shares fill
            // about 95 % of every window between the first and the last; taking a share of that share
            // again, as the fall-back once did when it read the others' requests in
            // X-RateLimit-Remaining as competition, filled half to three quarters of them.
            var filled = api.Traffic.FractionOfMiddleWindowsFilled(RequestsPerWindow, Window, after: redisStopped);
            _output.WriteLine($"Without Redis: {filled:P1} of the windows between the first and the last filled; {api.TooManyRequests} x 429 in all.");
            Assert.True(filled >= 0.8, $"without Redis the workers filled {filled:P0} of the windows between the first and the last; their shares add up to the whole limit");

            // The shares add up to the limit, so a 429 can only come from the change-over (slots taken
            // through Redis are still in the window) or from a request that reached the counter later
            // than its margin allowed (a busy test host): a few at most.
            var requests = Workers * (RequestsWithRedis + RequestsWithoutRedis);
            Assert.True(api.TooManyRequests <= requests / 20, $"{api.TooManyRequests} answers were 429 for {requests} requests");
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.Connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task WithoutRedisAWorkerTakesItsShareOfTheWindowAndNoMore()
    {
        using var connection = await RedisFixture.ConnectAsync("127.0.0.1:" + RedisServer.FreePort());
        using var limiter = LongWindowLimiter(connection);

        var granted = Enumerable.Range(0, 4).Count(_ =>
        {
            using var lease = limiter.AttemptAcquire(1);
            return lease.IsAcquired;
        });
        using var refused = limiter.AttemptAcquire(1);

        Assert.True(limiter.IsUsingFallback);
        Assert.Equal(2, granted);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1.1));
    }

    [Fact]
    public async Task WithoutRedisA429PausesTheLocalShareUntilItsReset()
    {
        using var connection = await RedisFixture.ConnectAsync("127.0.0.1:" + RedisServer.FreePort());
        using var limiter = LongWindowLimiter(connection);
        using (var first = limiter.AttemptAcquire(1))
        {
            Assert.True(first.IsAcquired);
        }

        limiter.Observe(429, new[] { new System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>("X-RateLimit-Reset", new[] { "30" }) });
        using var paused = limiter.AttemptAcquire(1);

        Assert.False(paused.IsAcquired);
        Assert.True(paused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task SlotsTakenThroughRedisCountAgainstTheShareWhenRedisFails()
    {
        await using var server = await RedisServer.StartNewAsync();
        using var connection = await RedisFixture.ConnectAsync(server.Endpoint);
        using var limiter = LongWindowLimiter(connection);
        (await limiter.AcquireAsync(2)).Dispose();
        Assert.False(limiter.IsUsingFallback);

        await server.StopAsync();
        using var refused = limiter.AttemptAcquire(1);

        Assert.True(limiter.IsUsingFallback);
        Assert.False(refused.IsAcquired, "the share was taken through Redis a moment ago; the local throttle let one more through");
    }

    /// <summary>A quarter of 8 per minute: two slots, and the next one a whole minute later.</summary>
    private static DatoCmsRedisRateLimiter LongWindowLimiter(IConnectionMultiplexer connection) =>
        new(connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = RedisFixture.NewProjectKey(),
            RequestsPerWindow = 8,
            Window = TimeSpan.FromMinutes(1),
            FallbackShare = 0.25,
            SpreadEvenly = false,
            RedisTimeout = TimeSpan.FromSeconds(5),
            RedisRetryInterval = TimeSpan.FromMinutes(5),
        });

    private static DatoCmsRedisRateLimiter Limiter(IConnectionMultiplexer connection, string project) =>
        new(connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = project,
            RequestsPerWindow = RequestsPerWindow,
            Window = Window,
            ClockSkewMargin = TimeSpan.FromMilliseconds(50),
            FallbackShare = 1.0 / Workers,
            RedisTimeout = TimeSpan.FromMilliseconds(200),
            // Redis does not come back in this test: probing it again would only add noise.
            RedisRetryInterval = TimeSpan.FromMinutes(5),
        });

    private static async Task<int> SendAsync(ImitationApi api, DatoCmsRedisRateLimiter limiter, string worker, int first, int count)
    {
        var retry = new DatoCmsRetryOptions { MaxAttempts = 20, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200), EnableThrottling = false };
        using var client = new HttpClient(new DatoCmsRetryHandler(retry, new DatoCmsRedisRateLimitHandler(limiter, new SocketsHttpHandler()))) { BaseAddress = api.BaseAddress };
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(i % 2 == 0 ? HttpMethod.Get : HttpMethod.Post, "items") { Content = i % 2 == 0 ? null : new StringContent("{\"n\":" + i + "}") };
            request.Headers.Add("X-Test-Request", worker + "-" + i);
            request.Headers.Add("X-Test-Worker", worker);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        return failures;
    }
}
