using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// The throttle's invariants: a 429 charges no slot, an accepted request holds its slot for a window
/// and no longer, waits are bounded and cancellable, and retries go first. Throughput figures belong
/// to the scenario runner (benchmarks/), not here.
/// </summary>
public class PacingTests
{
    // The real clock drives the limiter, and several checks hold only while the first slot is still
    // held: with the whole suite running in parallel on two cores, a 300 ms window could free it
    // between two statements (ARejectedRequestGivesItsSlotBackAtOnce failed once so, under load).
    // Two seconds leave that much room for a busy machine; only one test waits a whole window.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ARejectedRequestGivesItsSlotBackAtTheReset()
    {
        // A process alone: 19 of its 20 requests counted, and the last rejected (the server's window
        // filled a moment early). A window of 2 with one request counted and one rejected would say
        // another process holds the other slot, which the first 429s now count.
        var limiter = new DatoCmsRateLimiter(20, Window);
        var tickets = new List<DatoCmsRateLimitTicket>();
        for (var i = 0; i < 20; i++)
        {
            tickets.Add(await limiter.AcquireAsync(CancellationToken.None));
        }

        Assert.Equal(0, limiter.Available);
        for (var i = 0; i < 19; i++)
        {
            tickets[i].Complete(200, RateLimitHeaders.Of(20, 20 - (i + 1)));
        }

        tickets[19].Complete(429, RateLimitHeaders.Of(20, 0, "0.5"));

        // The server said the window has no room for half a second: a request sent before would
        // meet another 429 and free the place again at once, over and over.
        Assert.False(limiter.TryAcquire(out _, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(0.5));

        // The 429 was not counted by the server: once the reset passed its slot is free, although
        // the window it was sent in has not (the first slot is held until it has).
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        Assert.Equal(1, limiter.Available);
        Assert.True(limiter.TryAcquire(out var third, out _));
        Assert.NotNull(third);
    }

    [Fact]
    public void AWholeSecondResetHoldsTheRejectedPlaceWithinItsLastSecondAtMost()
    {
        // The server rounds its reset up to whole seconds: "1" means the window has room again
        // within a second, so the place is held for part of it (at least half), not a whole second
        // that may be mostly over already.
        var limiter = new DatoCmsRateLimiter(1, Window);
        Assert.True(limiter.TryAcquire(out var ticket, out _));
        ticket!.Complete(429, RateLimitHeaders.Of(1, 0, "1"));

        Assert.False(limiter.TryAcquire(out _, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AnAcceptedRequestHoldsItsSlotForAWindowAndNoLonger()
    {
        var limiter = new DatoCmsRateLimiter(1, Window);
        var ticket = await limiter.AcquireAsync(CancellationToken.None);
        ticket.Complete(200, RateLimitHeaders.Of(1, 0));

        Assert.False(limiter.TryAcquire(out _, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromTicks(1), Window + Window);

        var watch = Stopwatch.StartNew();
        var next = await limiter.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(next);
        Assert.True(watch.Elapsed < Window * 3, "waited " + watch.Elapsed);
    }

    [Fact]
    public async Task AFirstBurstAnsweredAfterMoreThanAWindowHoldsItsSlotsAWindowFromItsAnswers()
    {
        // Cold connections on a busy machine: the first burst's answers come later than a window
        // after it left, and nothing says how much of that went before the server counted it (all
        // of it, as a rule: connection set-up). Taking the round trip for the way back freed the
        // slots at once, and the next burst landed in the window that had just counted this one.
        var window = TimeSpan.FromSeconds(1);
        var limiter = new DatoCmsRateLimiter(2, window);
        var first = await limiter.AcquireAsync(CancellationToken.None);
        var second = await limiter.AcquireAsync(CancellationToken.None);
        await Task.Delay(window + TimeSpan.FromMilliseconds(100));
        first.Complete(200, RateLimitHeaders.Of(2, 1));
        second.Complete(200, RateLimitHeaders.Of(2, 0));

        Assert.False(limiter.TryAcquire(out _, out var retryAfter));
        Assert.InRange(retryAfter, window / 2, window + window);

        // And the slots do come back, a window after the answers.
        var watch = Stopwatch.StartNew();
        var next = await limiter.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(next);
        Assert.True(watch.Elapsed < window * 3, "waited " + watch.Elapsed);
    }

    [Fact]
    public async Task CancelledWaitTakesNoSlot()
    {
        var limiter = new DatoCmsRateLimiter(1, Window);
        var held = await limiter.AcquireAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(cancellation.Token);
        Assert.Equal(1, limiter.Waiting);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, limiter.Waiting);
        held.Complete(429, RateLimitHeaders.Of(1, 0, "0.05"));
        await Task.Delay(TimeSpan.FromMilliseconds(120));
        Assert.Equal(1, limiter.Available);
    }

    [Fact]
    public async Task ARejectedRequestGoesFirstInLine()
    {
        var limiter = new DatoCmsRateLimiter(1, Window);
        var held = await limiter.AcquireAsync(CancellationToken.None);
        var queued = limiter.AcquireAsync(CancellationToken.None);
        var retry = limiter.AcquireAsync(CancellationToken.None, first: true);

        held.Complete(429, RateLimitHeaders.Of(1, 0));

        var granted = await retry.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(queued.IsCompleted);
        granted.Complete(429, RateLimitHeaders.Of(1, 0));
        (await queued.WaitAsync(TimeSpan.FromSeconds(5))).Abandon();
    }

    [Fact]
    public async Task TheServersLimitReplacesTheConfiguredOne()
    {
        var limiter = new DatoCmsRateLimiter(60, Window);
        var ticket = await limiter.AcquireAsync(CancellationToken.None);
        ticket.Complete(200, RateLimitHeaders.Of(5, 4));

        Assert.Equal(5, limiter.Limit);
        Assert.Equal(4, limiter.Available);
    }

    [Fact]
    public async Task ReportingTwiceChargesOnce()
    {
        var limiter = new DatoCmsRateLimiter(2, Window);
        var ticket = await limiter.AcquireAsync(CancellationToken.None);
        ticket.Complete(429, RateLimitHeaders.Of(2, 0, "0.05"));
        ticket.Complete(200, RateLimitHeaders.Of(2, 1));
        ticket.Abandon();

        await Task.Delay(TimeSpan.FromMilliseconds(120));
        Assert.Equal(2, limiter.Available);
    }
}
