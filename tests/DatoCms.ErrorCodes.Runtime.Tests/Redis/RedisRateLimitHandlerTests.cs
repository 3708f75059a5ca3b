using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;
using StackExchange.Redis;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>
/// Two workers (each with its own Redis connection and limiter, as two processes would have)
/// send through the retry handler and DatoCmsRedisRateLimitHandler to the imitation of the API:
/// together they stay within the one limit, and nothing is lost.
/// </summary>
public class RedisRateLimitHandlerTests : IClassFixture<RedisFixture>
{
    private const int RequestsPerWorker = 30;
    private const int RequestsPerWindow = 20;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The spread of the time from a granted slot to the server's count must stay under the margin.
    /// Cold clients (JIT, new connections) on a busy test machine spread it by a few hundred
    /// milliseconds, so the margin is wider than the default here; the window stays short for speed.
    /// </summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(250);

    private readonly RedisFixture _redis;

    public RedisRateLimitHandlerTests(RedisFixture redis) => _redis = redis;

    [Fact]
    public async Task TwoWorkersShareTheProjectsLimitAndLoseNothing()
    {
        await using var api = await ImitationApi.StartAsync(RequestsPerWindow, Window);
        var project = RedisFixture.NewProjectKey();
        using var firstConnection = await RedisFixture.ConnectAsync(_redis.Server.Endpoint);
        using var secondConnection = await RedisFixture.ConnectAsync(_redis.Server.Endpoint);

        var failures = await Task.WhenAll(
            WorkerAsync(api, firstConnection, project, "a"),
            WorkerAsync(api, secondConnection, project, "b"));

        Assert.Equal(new[] { 0, 0 }, failures);
        Assert.Equal(2 * RequestsPerWorker, api.Attempts.Count);
        Assert.All(api.Attempts.Values, attempts => Assert.True(attempts.Last().Status is 200 or 201));

        // Without sharing, two workers at the limit each would draw about half of their requests as 429s.
        Assert.True(api.TooManyRequests <= 3, $"{api.TooManyRequests} responses were 429 for {2 * RequestsPerWorker} requests");
    }

    private static async Task<int> WorkerAsync(ImitationApi api, ConnectionMultiplexer connection, string project, string worker)
    {
        using var limiter = new DatoCmsRedisRateLimiter(connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = project,
            RequestsPerWindow = RequestsPerWindow,
            Window = Window,
            ClockSkewMargin = Margin,
            RedisTimeout = TimeSpan.FromSeconds(5),
        });
        var retry = new DatoCmsRetryOptions { MaxAttempts = 20, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200), EnableThrottling = false };
        using var client = new HttpClient(new DatoCmsRetryHandler(retry, new DatoCmsRedisRateLimitHandler(limiter, new SocketsHttpHandler()))) { BaseAddress = api.BaseAddress };
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, RequestsPerWorker), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(i % 2 == 0 ? HttpMethod.Get : HttpMethod.Post, "items") { Content = i % 2 == 0 ? null : new StringContent("{\"n\":" + i + "}") };
            request.Headers.Add("X-Test-Request", worker + i);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        return failures;
    }
}
