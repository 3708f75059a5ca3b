using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>
/// DatoCmsRedisRateLimiter against a real redis-server: several limiters on one project stand for
/// several worker processes. The assertions are invariants (what may never happen, what must hold
/// when a call returns), not durations.
/// </summary>
public class RedisRateLimiterTests : IClassFixture<RedisFixture>
{
    /// <summary>How long any single acquisition may take in these tests before it counts as stuck.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(20);

    private readonly RedisFixture _redis;

    /// <summary>Redis is up in these tests: a fall-back would make them prove nothing.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<Exception> _unexpectedFallbacks = new();

    public RedisRateLimiterTests(RedisFixture redis) => _redis = redis;

    [Fact]
    public async Task AnotherWorkersSlotsCountAgainstTheSameProject()
    {
        var project = RedisFixture.NewProjectKey();
        using var first = Limiter(project, limit: 3, window: TimeSpan.FromMinutes(1));
        using var second = Limiter(project, limit: 3, window: TimeSpan.FromMinutes(1));

        Assert.True((await first.AcquireAsync(1)).IsAcquired);
        Assert.True((await first.AcquireAsync(2)).IsAcquired);
        using var refused = second.AttemptAcquire(1);

        Assert.Empty(_unexpectedFallbacks);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1.1));
        Assert.Equal(3, await _redis.Database.SortedSetLengthAsync(RedisKeys.Log(project)));
    }

    [Fact]
    public async Task A429SeenByOneWorkerPausesEveryWorkerUntilItsReset()
    {
        var project = RedisFixture.NewProjectKey();
        using var sawIt = Limiter(project, limit: 10, window: TimeSpan.FromSeconds(3));
        using var other = Limiter(project, limit: 10, window: TimeSpan.FromSeconds(3));

        var sinceObserved = System.Diagnostics.Stopwatch.StartNew();
        sawIt.Observe(429, Headers(("X-RateLimit-Reset", "1.2"), ("X-RateLimit-Limit", "10")));
        await WaitUntilAsync(async () => await _redis.Database.KeyExistsAsync(RedisKeys.Pause(project)));

        // The pause lasts from half the reset to all of it (0.6 to 1.2 s) from the 429. What is
        // left of it is read after the publication and the polling: on a busy machine (the whole
        // suite at once) that took long enough for a fixed lower bound of 500 ms to fail.
        var pause = await _redis.Database.KeyTimeToLiveAsync(RedisKeys.Pause(project));
        var elapsed = sinceObserved.Elapsed;
        Assert.True(pause is not null || elapsed >= TimeSpan.FromMilliseconds(500), "the pause ended before half the reset");
        if (pause is { } left)
        {
            Assert.InRange(left, TimeSpan.FromMilliseconds(500) - elapsed, TimeSpan.FromSeconds(1.2) + TimeSpan.FromMilliseconds(100));
            if (left > TimeSpan.FromMilliseconds(200))
            {
                using var refused = other.AttemptAcquire(1);
                Assert.False(refused.IsAcquired);
            }
        }

        using var lease = await other.AcquireAsync(1).AsTask().WaitAsync(Stuck);
        Assert.True(lease.IsAcquired);
        Assert.Empty(_unexpectedFallbacks);
        Assert.False(await _redis.Database.KeyExistsAsync(RedisKeys.Pause(project)), "the slot was granted while the pause was in force");
    }

    [Fact]
    public async Task ASlotWaitedForDuringAPausePublishedLaterIsNotUsedBeforeThePauseEnds()
    {
        var project = RedisFixture.NewProjectKey();
        // The window is long enough that the pause is published well before the third slot
        // falls due even on a busy test host; otherwise the slot could be granted before the
        // pause exists, and the test would prove nothing about the pause.
        using var waiting = Limiter(project, limit: 2, window: TimeSpan.FromSeconds(3));
        using var sawIt = Limiter(project, limit: 2, window: TimeSpan.FromSeconds(3));
        (await waiting.AcquireAsync(2)).Dispose();

        var third = waiting.AcquireAsync(1).AsTask();
        Assert.True(await sawIt.PauseAsync(TimeSpan.FromSeconds(5)));
        Assert.False(third.IsCompleted, "the third slot was granted before the pause was published; the host is too slow for this test");
        using var lease = await third.WaitAsync(Stuck);

        Assert.True(lease.IsAcquired);
        Assert.False(await _redis.Database.KeyExistsAsync(RedisKeys.Pause(project)), "a slot reserved before the pause went out during it");
    }

    [Fact]
    public async Task AShorterPauseNeverShortensALongerOne()
    {
        var project = RedisFixture.NewProjectKey();
        using var limiter = Limiter(project, limit: 10, window: TimeSpan.FromSeconds(3));

        Assert.True(await limiter.PauseAsync(TimeSpan.FromSeconds(30)));
        Assert.True(await limiter.PauseAsync(TimeSpan.FromSeconds(1)));

        Assert.InRange((await _redis.Database.KeyTimeToLiveAsync(RedisKeys.Pause(project)))!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task TheServersLimitBecomesEveryWorkersLimit()
    {
        var project = RedisFixture.NewProjectKey();
        using var sawIt = Limiter(project, limit: 50, window: TimeSpan.FromMinutes(1));
        using var other = Limiter(project, limit: 50, window: TimeSpan.FromMinutes(1));

        sawIt.Observe(200, Headers(("X-RateLimit-Limit", "3"), ("X-RateLimit-Remaining", "2")));
        Assert.Equal(3, sawIt.Limit);
        await WaitUntilAsync(async () => await _redis.Database.StringGetAsync(RedisKeys.Limit(project)) == 3);

        var granted = 0;
        for (var i = 0; i < 6; i++)
        {
            using var lease = other.AttemptAcquire(1);
            granted += lease.IsAcquired ? 1 : 0;
        }

        Assert.Equal(3, granted);
        Assert.Equal(3, other.Limit);
    }

    [Fact]
    public async Task CancellingAWaitingAcquisitionThrowsAndLeavesNothingQueued()
    {
        var project = RedisFixture.NewProjectKey();
        using var limiter = Limiter(project, limit: 1, window: TimeSpan.FromMinutes(1));
        (await limiter.AcquireAsync(1)).Dispose();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(1, cancel.Token).AsTask().WaitAsync(Stuck));

        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
        Assert.False(limiter.IsUsingFallback, "a cancellation is not a Redis failure");
    }

    [Fact]
    public async Task ArgumentsAndDisposalFollowTheRateLimiterContract()
    {
        var limiter = Limiter(RedisFixture.NewProjectKey(), limit: 5, window: TimeSpan.FromSeconds(3));

        Assert.True((await limiter.AcquireAsync(0)).IsAcquired);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => limiter.AcquireAsync(6).AsTask());
        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(-1));
        Assert.Throws<ArgumentException>(() => new DatoCmsRedisRateLimiter(_redis.Connection, new DatoCmsRedisRateLimiterOptions()));
        Assert.Null(limiter.IdleDuration);

        limiter.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => limiter.AcquireAsync(1).AsTask());
    }

    [Fact]
    public async Task RedisGoingAwayFallsBackOnceToTheLocalShareAndComesBackWhenRedisDoes()
    {
        await using var server = await RedisServer.StartNewAsync();
        using var connection = await RedisFixture.ConnectAsync(server.Endpoint);
        var unavailable = 0;
        var recovered = 0;
        var project = RedisFixture.NewProjectKey();
        using var limiter = new DatoCmsRedisRateLimiter(connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = project,
            RequestsPerWindow = 8,
            Window = TimeSpan.FromSeconds(1),
            FallbackShare = 0.25,
            RedisTimeout = TimeSpan.FromMilliseconds(300),
            RedisRetryInterval = TimeSpan.FromMilliseconds(200),
            OnRedisUnavailable = _ => Interlocked.Increment(ref unavailable),
            OnRedisRecovered = () => Interlocked.Increment(ref recovered),
        });
        (await limiter.AcquireAsync(1)).Dispose();
        Assert.False(limiter.IsUsingFallback);

        await server.StopAsync();
        var outage = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            using var lease = await limiter.AcquireAsync(1).AsTask().WaitAsync(Stuck);
            Assert.True(lease.IsAcquired);
        }

        Assert.True(limiter.IsUsingFallback);
        Assert.Equal(1, Volatile.Read(ref unavailable));
        // Two per window locally (a quarter of 8): five acquisitions span at least two windows.
        Assert.True(outage.Elapsed >= TimeSpan.FromSeconds(1.9), $"the local share was exceeded: 5 in {outage.Elapsed.TotalSeconds:0.00} s");

        await server.StartAsync();
        var back = Stopwatch.StartNew();
        while (limiter.IsUsingFallback && back.Elapsed < Stuck)
        {
            (await limiter.AcquireAsync(1).AsTask().WaitAsync(Stuck)).Dispose();
        }

        Assert.False(limiter.IsUsingFallback, "Redis was back but the limiter stayed on the local throttle");
        Assert.Equal(1, Volatile.Read(ref unavailable));
        Assert.Equal(1, Volatile.Read(ref recovered));
        (await limiter.AcquireAsync(1)).Dispose();
        Assert.True(await connection.GetDatabase().SortedSetLengthAsync(RedisKeys.Log(project)) >= 1);
    }

    [Fact]
    public async Task AProbeCancelledWhileRedisIsAwayDoesNotKeepTheLimiterFromRecovering()
    {
        await using var server = await RedisServer.StartNewAsync();
        using var connection = await RedisFixture.ConnectAsync(server.Endpoint);
        using var limiter = new DatoCmsRedisRateLimiter(connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = RedisFixture.NewProjectKey(),
            RequestsPerWindow = 40,
            Window = TimeSpan.FromSeconds(1),
            RedisTimeout = TimeSpan.FromSeconds(3),
            RedisRetryInterval = TimeSpan.FromMilliseconds(50),
        });
        await server.StopAsync();
        (await limiter.AcquireAsync(1).AsTask().WaitAsync(Stuck)).Dispose();
        Assert.True(limiter.IsUsingFallback);

        // The next acquisition after the retry interval is the probe; cancel it while Redis keeps it waiting.
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            try
            {
                (await limiter.AcquireAsync(1, cancel.Token).AsTask().WaitAsync(Stuck)).Dispose();
            }
            catch (OperationCanceledException)
            {
            }
        }

        await server.StartAsync();
        var back = Stopwatch.StartNew();
        while (limiter.IsUsingFallback && back.Elapsed < Stuck)
        {
            (await limiter.AcquireAsync(1).AsTask().WaitAsync(Stuck)).Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        Assert.False(limiter.IsUsingFallback, "a cancelled probe left the limiter on the local throttle for good");
    }

    [Fact]
    public async Task AnUnreachableRedisNeverFailsOrBlocksAcquisition()
    {
        // A loopback port nothing listens on: every call fails or times out.
        using var connection = await RedisFixture.ConnectAsync("127.0.0.1:" + RedisServer.FreePort());
        var failures = new List<Exception>();
        using var limiter = new DatoCmsRedisRateLimiter(connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = RedisFixture.NewProjectKey(),
            RequestsPerWindow = 12,
            Window = TimeSpan.FromSeconds(1),
            RedisTimeout = TimeSpan.FromMilliseconds(200),
            OnRedisUnavailable = failures.Add,
        });

        for (var i = 0; i < 3; i++)
        {
            using var lease = await limiter.AcquireAsync(1).AsTask().WaitAsync(Stuck);
            Assert.True(lease.IsAcquired);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(1, cancel.Token).AsTask().WaitAsync(Stuck));
        Assert.True(limiter.IsUsingFallback);
        Assert.Single(failures);
    }

    private DatoCmsRedisRateLimiter Limiter(string project, int limit, TimeSpan window) =>
        new(_redis.Connection, new DatoCmsRedisRateLimiterOptions
        {
            ProjectKey = project,
            RequestsPerWindow = limit,
            Window = window,
            ClockSkewMargin = TimeSpan.FromMilliseconds(20),
            // These tests count slots within one window; spreading is covered by the script's tests.
            SpreadEvenly = false,
            // Generous: the test host is busy, and a slow answer here is not the failure under test.
            RedisTimeout = TimeSpan.FromSeconds(5),
            OnRedisUnavailable = _unexpectedFallbacks.Enqueue,
        });

    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>> Headers(params (string Name, string Value)[] headers) =>
        headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Name, new[] { h.Value }));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < Stuck, "the condition never held");
            await Task.Delay(10);
        }
    }
}
