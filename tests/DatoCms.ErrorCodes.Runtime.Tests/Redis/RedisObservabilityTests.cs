using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Telemetry;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

[CollectionDefinition(nameof(RedisTelemetryCollection), DisableParallelization = true)]
public sealed class RedisTelemetryCollection
{
}

/// <summary>
/// What a client registered with <c>UseRedisRateLimit</c> shows of its limiter: the waits on the
/// meter, the fall-back and the recovery in the container's log and on the meter, and the limiter
/// itself to a health check. Alone in their collection, as the meter listener is process-wide.
/// </summary>
[Collection(nameof(RedisTelemetryCollection))]
public class RedisObservabilityTests
{
    private const string Secret = "s3cr3t-api-token";
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AFactoryClientsWaitsFallBackAndRecoveryAreMeasuredLoggedAndVisibleToAHealthCheck()
    {
        await using var api = await ImitationApi.StartAsync(requestsPerWindow: 1000, window: TimeSpan.FromSeconds(3));
        await using var server = await RedisServer.StartNewAsync();
        using var connection = await RedisFixture.ConnectAsync(server.Endpoint);
        using var telemetry = new TelemetryRecorder(DatoCmsTelemetry.MeterName);
        var logger = new RecordingLogger();
        var project = RedisFixture.NewProjectKey();
        IServiceProvider? configuredWith = null;
        var ownCallbacks = 0;

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logger).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IConnectionMultiplexer>(connection);
        services.AddDatoCmsHttpClient("datocms", o =>
            {
                o.ApiToken = Secret;
                o.BaseAddress = api.BaseAddress;
                o.Retry.EnableThrottling = false;
            })
            .UseRedisRateLimit(project, (provider, o) =>
            {
                configuredWith = provider;
                o.RedisTimeout = TimeSpan.FromMilliseconds(300);
                o.RedisRetryInterval = TimeSpan.FromMilliseconds(200);
                o.OnRedisUnavailable = _ => Interlocked.Increment(ref ownCallbacks);
            });
        services.AddHealthChecks().AddCheck<DatoCmsRateLimitHealthCheck>("datocms-rate-limit");
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        // A health check can read the limiter before any request has needed it.
        var limiters = provider.GetRequiredService<DatoCmsRedisRateLimiters>();
        var limiter = limiters.ForClient("datocms");
        Assert.Equal(new[] { "datocms" }, limiters.ClientNames);
        Assert.NotNull(configuredWith?.GetService<ILoggerFactory>());
        Assert.False(limiter.IsUsingFallback);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms");
        var sent = 0;
        await SendAsync(client, "up-" + sent++);
        await server.StopAsync();
        for (var watch = Stopwatch.StartNew(); !limiter.IsUsingFallback && watch.Elapsed < Stuck;)
        {
            await SendAsync(client, "down-" + sent++);
        }

        Assert.True(limiter.IsUsingFallback, "Redis was stopped, but the limiter never fell back");
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Status);
        await server.StartAsync();
        for (var watch = Stopwatch.StartNew(); limiter.IsUsingFallback && watch.Elapsed < Stuck;)
        {
            await SendAsync(client, "back-" + sent++);
            await Task.Delay(50);
        }

        Assert.False(limiter.IsUsingFallback, "Redis was back, but the limiter stayed on the local throttle");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        Assert.Same(limiter, provider.GetRequiredService<DatoCmsRedisRateLimiters>().ForClient("datocms"));

        // Once each, in the container's log, with the project; the options' own callback still runs.
        var unavailable = Assert.Single(logger.Records, r => r.EventId.Id == 1404);
        Assert.Equal(LogLevel.Warning, unavailable.Level);
        Assert.Equal(project, unavailable.Fields["ProjectKey"]);
        var recovered = Assert.Single(logger.Records, r => r.EventId.Id == 1405);
        Assert.Equal(LogLevel.Information, recovered.Level);
        Assert.Equal(1, Volatile.Read(ref ownCallbacks));

        // Every request's wait for the shared limiter is measured as the throttle's waits are; the fall-back is counted.
        Assert.Equal(sent, api.Attempts.Values.Sum(a => a.Count));
        Assert.Equal(sent, telemetry.Of("datocms.client.wait.duration").Count(m => m.Tag("datocms.wait.reason") == "throttle"));
        Assert.Equal(1, telemetry.Of("datocms.client.rate_limiter.fallbacks").Sum(m => m.Value));

        // ... and logged as the throttle's are (1403, Debug, a millisecond or more): at least the
        // request that found Redis gone waited out a Redis timeout.
        var waited = logger.Records.Where(r => r.EventId.Id == 1403).ToList();
        Assert.NotEmpty(waited);
        Assert.Equal(telemetry.Of("datocms.client.wait.duration").Count(m => m.Tag("datocms.wait.reason") == "throttle" && m.Value >= 0.001), waited.Count);
        Assert.All(waited, r => Assert.Equal(LogLevel.Debug, r.Level));
        Assert.All(waited, r => Assert.Equal("/items", r.Fields["UrlPath"]));

        // The token is in no log line, field or measurement.
        Assert.DoesNotContain(logger.Records, r => r.Message.Contains(Secret, StringComparison.Ordinal) || r.Fields.Values.Any(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Contains(Secret, StringComparison.Ordinal) == true));
        Assert.DoesNotContain(telemetry.Measurements, m => m.Tags.Values.Any(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Contains(Secret, StringComparison.Ordinal) == true));
    }

    [Fact]
    public void AClientWithoutTheSharedLimitIsNamedInTheError()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(_ => throw new InvalidOperationException("not needed"));
        services.AddHttpClient("datocms").UseRedisRateLimit(RedisFixture.NewProjectKey());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<DatoCmsRedisRateLimiters>().ForClient("other"));
        Assert.Contains("'other'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The health check docs/retry.md shows, as written there.</summary>
    private sealed class DatoCmsRateLimitHealthCheck(DatoCmsRedisRateLimiters limiters) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(limiters.ForClient("datocms").IsUsingFallback
                ? HealthCheckResult.Degraded("Redis unavailable: the DatoCMS rate limit is paced locally, at this process's share")
                : HealthCheckResult.Healthy());
    }

    private static async Task SendAsync(HttpClient client, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "items");
        request.Headers.Add("X-Test-Request", id);
        using var response = await client.SendAsync(request).WaitAsync(Stuck);
        Assert.True(response.IsSuccessStatusCode);
    }
}
