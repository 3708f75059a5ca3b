using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>
/// The retry handler paced by the Redis limiter (<c>DatoCmsRetryOptions.RateLimiter</c>): one slot
/// in the shared log per attempt, with or without DatoCmsRedisRateLimitHandler further in, and every
/// attempt's answer reaches the limiter, the 429s the retry handler absorbs included.
/// </summary>
public class RetryHandlerRedisPacingTests : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(30);

    private readonly RedisFixture _redis;

    public RetryHandlerRedisPacingTests(RedisFixture redis) => _redis = redis;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryAttemptTakesOneSlotAndItsAnswerReachesTheLimiter(bool redisHandlerToo)
    {
        const int Requests = 6;
        await using var api = await ImitationApi.StartAsync(requestsPerWindow: 40, window: TimeSpan.FromSeconds(3));
        var project = RedisFixture.NewProjectKey();

        // A minute-long window keeps every slot in the log until the count below; the configured
        // limit differs from the server's so that the limiter shows whether it saw the answers.
        using var limiter = new DatoCmsRedisRateLimiter(_redis.Connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = project,
            RequestsPerWindow = 100,
            Window = TimeSpan.FromMinutes(1),
            SpreadEvenly = false,
            RedisTimeout = TimeSpan.FromSeconds(5),
        });
        HttpMessageHandler network = new SocketsHttpHandler();
        if (redisHandlerToo)
        {
            // Documented as harmless: the attempt already holds the limiter's permit.
            network = new DatoCmsRedisRateLimitHandler(limiter, network);
        }

        using var client = new HttpClient(new DatoCmsRetryHandler(new DatoCmsRetryOptions { RateLimiter = limiter }, network)) { BaseAddress = api.BaseAddress };
        for (var i = 0; i < Requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "items");
            request.Headers.Add("X-Test-Request", "r" + i);
            using var response = await client.SendAsync(request).WaitAsync(Stuck);
            Assert.True(response.IsSuccessStatusCode);
        }

        Assert.False(limiter.IsUsingFallback);
        Assert.Equal(Requests, api.Attempts.Values.Sum(a => a.Count));
        Assert.Equal(Requests, await _redis.Database.SortedSetLengthAsync(RedisKeys.Log(project)));
        Assert.Equal(Requests, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(40, limiter.Limit);
    }

    [Fact]
    public async Task A429TheRetryHandlerAbsorbsPausesEveryWorker()
    {
        const int Limit = 4;
        var window = TimeSpan.FromSeconds(2);
        await using var api = await ImitationApi.StartAsync(new ImitationOptions { RequestsPerWindow = Limit, Window = window, Mode = ImitationWindowMode.Sliding });
        var project = RedisFixture.NewProjectKey();
        using var limiter = new DatoCmsRedisRateLimiter(_redis.Connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = project,
            RequestsPerWindow = Limit,
            Window = window,
            ClockSkewMargin = TimeSpan.FromMilliseconds(20),
            SpreadEvenly = false,
            RedisTimeout = TimeSpan.FromSeconds(5),
        });

        // Another client of the project, outside the shared log, fills the server's window.
        using (var other = new HttpClient { BaseAddress = api.BaseAddress })
        {
            for (var i = 0; i < Limit; i++)
            {
                using var filler = new HttpRequestMessage(HttpMethod.Get, "items");
                filler.Headers.Add("X-Test-Request", "other" + i);
                using var accepted = await other.SendAsync(filler);
                Assert.True(accepted.IsSuccessStatusCode);
            }
        }

        using var client = new HttpClient(new DatoCmsRetryHandler(new DatoCmsRetryOptions { RateLimiter = limiter }, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "items");
        request.Headers.Add("X-Test-Request", "paced");
        using var done = new CancellationTokenSource();
        var pauseSeen = WatchForPauseAsync(project, done.Token);
        using (var response = await client.SendAsync(request).WaitAsync(Stuck))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        done.Cancel();
        Assert.True(await pauseSeen, "the 429 the retry handler waited out never reached the other workers as a pause");
        Assert.Equal(new[] { 429, 200 }, api.Attempts["paced"].Select(a => a.Status));
        Assert.Equal(2, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    /// <summary>Whether the project's pause key appeared in Redis before <paramref name="stop"/>.</summary>
    private async Task<bool> WatchForPauseAsync(string project, CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Stuck)
        {
            if (await _redis.Database.KeyExistsAsync(RedisKeys.Pause(project)))
            {
                return true;
            }

            if (stop.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(10, CancellationToken.None);
        }

        return false;
    }
}
