using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;
using Polly;
using Polly.Retry;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>
/// The Redis limiter is an ordinary RateLimiter: in a real Polly v8 pipeline (retry outside, the
/// rate-limiter strategy inside, so every attempt waits for its slot) two workers share the limit.
/// </summary>
public class RedisRateLimiterInPollyTests : IClassFixture<RedisFixture>
{
    private const int RequestsPerWorker = 15;

    private readonly RedisFixture _redis;

    public RedisRateLimiterInPollyTests(RedisFixture redis) => _redis = redis;

    [Fact]
    public async Task EveryAttemptThroughThePipelineTakesASlotAndNothingIsLost()
    {
        await using var api = await ImitationApi.StartAsync(requestsPerWindow: 10, window: TimeSpan.FromSeconds(1));
        var project = RedisFixture.NewProjectKey();

        var workers = await Task.WhenAll(WorkerAsync(api, project, "a"), WorkerAsync(api, project, "b"));

        Assert.Equal(new[] { 0, 0 }, workers.Select(w => w.Failures));
        Assert.Equal(2 * RequestsPerWorker, api.Attempts.Count);

        // Every attempt the server saw, retries included, was granted by a limiter, and no limiter ever
        // fell back to pacing alone: so every slot came from the shared log. (How many entries the log
        // still holds afterwards depends on how fast the machine was, so it is not what is checked.)
        Assert.All(workers, w => Assert.Null(w.RedisFailure));
        foreach (var worker in workers)
        {
            var sentByWorker = api.Attempts.Where(a => a.Key.StartsWith(worker.Name, StringComparison.Ordinal)).Sum(a => a.Value.Count);
            Assert.Equal(sentByWorker, worker.Leases);
        }

        Assert.True(await _redis.Database.KeyExistsAsync(RedisKeys.Log(project)), "the shared log was never written");
        // Each worker alone at the limit would have the other's requests on top: about half rejected.
        // A few are allowed for requests that reach the counter late on a loaded machine.
        Assert.True(api.TooManyRequests <= 4, $"{api.TooManyRequests} responses were 429 for {2 * RequestsPerWorker} requests");
    }

    private async Task<WorkerResult> WorkerAsync(ImitationApi api, string project, string worker)
    {
        Exception? redisFailure = null;
        using var limiter = new DatoCmsRedisRateLimiter(_redis.Connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = project,
            RequestsPerWindow = 10,
            Window = TimeSpan.FromSeconds(1),
            ClockSkewMargin = TimeSpan.FromMilliseconds(250),
            RedisTimeout = TimeSpan.FromSeconds(5),
            OnRedisUnavailable = reason => redisFailure ??= reason,
        });
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests),
                MaxRetryAttempts = 20,
                Delay = TimeSpan.FromMilliseconds(100),
            })
            .AddRateLimiter(limiter)
            .Build();
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        var failures = 0;
        for (var i = 0; i < RequestsPerWorker; i++)
        {
            var id = worker + i;
            using var response = await pipeline.ExecuteAsync(async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "items");
                request.Headers.Add("X-Test-Request", id);
                var answer = await http.SendAsync(request, ct);
                limiter.Observe((int)answer.StatusCode, answer.Headers);
                return answer;
            });
            failures += response.IsSuccessStatusCode ? 0 : 1;
        }

        return new WorkerResult(worker, failures, limiter.GetStatistics()!.TotalSuccessfulLeases, redisFailure);
    }

    private sealed record WorkerResult(string Name, int Failures, long Leases, Exception? RedisFailure);
}
