using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// The throttle as a standard <see cref="RateLimiter"/> (this project references
/// System.Threading.RateLimiting, so the generator emits it), and the handler with any RateLimiter.
/// </summary>
public class RateLimiterOptionTests
{
    [Fact]
    public async Task TheAdaptiveLimiterWaitsForASlotAndSaysWhenToRetry()
    {
        using var limiter = new DatoCmsAdaptiveRateLimiter(1, TimeSpan.FromMilliseconds(300));

        using var first = limiter.AttemptAcquire();
        using var refused = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromSeconds(1), retryAfter.ToString());

        ((DatoCmsRateLimitLease)first).RecordResponse(200, new[] { new System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>("X-RateLimit-Remaining", new[] { "0" }) });
        using var waited = await limiter.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(waited.IsAcquired);
        Assert.Equal(2, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(1, limiter.GetStatistics()!.TotalFailedLeases);
        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(2));
    }

    [Fact]
    public async Task TheHandlerTakesAnyRateLimiter()
    {
        await using var api = await ImitationApi.StartAsync();
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 2, QueueLimit = 100 });
        var options = new DatoCmsRetryOptions { RateLimiter = limiter };
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetAsync("items")));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Equal(10, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task TheOptionsThrottleSharedAsARateLimiterSeesTheHandlersTraffic()
    {
        await using var api = await ImitationApi.StartAsync(requestsPerWindow: 3, window: TimeSpan.FromSeconds(10));
        var options = new DatoCmsRetryOptions();
        using var shared = options.CreateRateLimiter();
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };

        using var response = await client.GetAsync("items");

        // The server said 3 per window and one is used: the limiter handed to another pipeline knows it.
        Assert.Equal(3, shared.Limit);
        Assert.Equal(2, shared.GetStatistics()!.CurrentAvailablePermits);
    }
}
