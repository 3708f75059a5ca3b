using System.Text.Json;
using StackExchange.Redis;

namespace DatoCms.ErrorCodes.RedisScenarios;

/// <summary>
/// One worker process: sends its share of the burst through the retry handler, paced either by the
/// handler's own header-driven throttle ("headers") or by the shared Redis limiter ("redis").
/// Prints "ready", waits for "go" on its input, then prints one result line.
/// </summary>
internal static class Worker
{
    /// <summary>Request ids of the warm-up requests, which the coordinator leaves out of the figures.</summary>
    public const string WarmUpPrefix = "warmup-";

    public static async Task<int> RunAsync(WorkerSettings settings)
    {
        var fallbacks = 0;
        var recoveries = 0;
        var attempts = new AttemptLogHandler(new SocketsHttpHandler());
        HttpMessageHandler network = attempts;
        var retry = new DatoCmsRetryOptions { MaxAttempts = 1000, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(3) };
        ConnectionMultiplexer? redis = null;
        DatoCmsRedisRateLimiter? limiter = null;
        if (settings.Limiter == "redis")
        {
            var options = ConfigurationOptions.Parse(settings.Redis!);
            options.AbortOnConnectFail = false;
            options.ReconnectRetryPolicy = new LinearRetry(250);
            redis = await ConnectionMultiplexer.ConnectAsync(options);
            limiter = new DatoCmsRedisRateLimiter(redis, new DatoCmsRedisRateLimiterOptions
            {
                ProjectKey = settings.Project,
                FallbackShare = 1.0 / settings.Workers,
                OnRedisUnavailable = ex =>
                {
                    Interlocked.Increment(ref fallbacks);
                    Console.Error.WriteLine($"worker {settings.Id}: Redis unavailable ({ex.GetType().Name}), pacing locally");
                },
                OnRedisRecovered = () =>
                {
                    Interlocked.Increment(ref recoveries);
                    Console.Error.WriteLine($"worker {settings.Id}: Redis is back");
                },
            });
            retry.EnableThrottling = false;
            network = new DatoCmsRedisRateLimitHandler(limiter, attempts);
        }

        using var client = new HttpClient(new DatoCmsRetryHandler(retry, network)) { BaseAddress = new Uri(settings.Api), Timeout = TimeSpan.FromMinutes(10) };
        // One request through the whole pipeline first, so that start-up (JIT, the first connections)
        // is not part of the race: the figures are about sharing, not about who started first.
        using (var warmUp = new HttpRequestMessage(HttpMethod.Get, "items"))
        {
            warmUp.Headers.Add("X-Test-Request", WarmUpPrefix + settings.Id);
            (await client.SendAsync(warmUp)).Dispose();
        }

        Console.WriteLine("ready");
        await Console.In.ReadLineAsync();

        attempts.Attempts.Clear();
        var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Requests), new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(i % 2 == 0 ? HttpMethod.Get : HttpMethod.Post, "items") { Content = i % 2 == 0 ? null : new StringContent("{\"n\":" + i + "}") };
            request.Headers.Add("X-Test-Request", "w" + settings.Id + "-" + i);
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var finished = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var result = new WorkerResult(settings.Id, settings.Requests, failures, started, finished, attempts.Attempts.ToArray(), fallbacks, recoveries);
        Console.WriteLine(WorkerResult.Prefix + JsonSerializer.Serialize(result));
        limiter?.Dispose();
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        return 0;
    }
}
