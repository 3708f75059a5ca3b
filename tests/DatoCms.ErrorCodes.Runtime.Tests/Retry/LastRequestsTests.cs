using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// The end of a shared run: the others have finished (their requests still count until they leave
/// the window) and the room they left is too small to count as room (a tenth of the window or
/// less). When a probe finds it still there, everything this process has waiting goes into it at
/// once, if it fits; it does not wait a whole window for its own slots.
/// </summary>
public class LastRequestsTests
{
    private const int Limit = 60;

    // The real clock drives the limiter, so the window is long enough that a busy machine (the
    // whole suite runs in parallel on two cores) cannot let the probe's timer or this test's own
    // steps slip past the moment the first slots free, which would let every waiter go at once.
    // At 0.8 s a CI run saw exactly that; now the probe comes after 1 s and slots free after 4 s.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task TheLastRequestsGoIntoLastingRoomTheyFitIn()
    {
        var (limiter, probe, waiting) = await SharedWindowWithAProbeOut(waiters: 4);

        // The probe's answer: 5 left, the others' part unchanged since the last answer a quarter
        // window ago. The 3 requests still waiting fit: they all go now.
        probe.Complete(200, RateLimitHeaders.Of(Limit, remaining: 5));

        Assert.All(waiting, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.Equal(0, limiter.Waiting);
    }

    [Fact]
    public async Task RequestsThatDoNotFitWaitForTheirSlots()
    {
        // Mid-run: more waiting than the room holds. Nothing goes beyond the share (which the small
        // room does not raise: a tenth of the window or less counts as full).
        var (limiter, probe, waiting) = await SharedWindowWithAProbeOut(waiters: 7);

        probe.Complete(200, RateLimitHeaders.Of(Limit, remaining: 5));

        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        Assert.Equal(6, limiter.Waiting);
    }

    [Fact]
    public async Task ReadingTheShareArmsNoProbe()
    {
        // Nothing waits, and the share is read (for a gauge, a log line) after the probe is due: no
        // probe is armed then, for nothing would take its slot until this process's next burst,
        // among whose answers the probe's tells nothing about lasting room.
        var limiter = SharedWindowHeldAndRoomShown();
        await Task.Delay(Window / 2);
        Assert.Equal(20, limiter.Share);
        Assert.Equal(0, limiter.Available);
    }

    [Fact]
    public async Task AFewLastRequestsTakeTheLittleRoomASettledAnswerShowsOnceAWindow()
    {
        // Three processes split 900 requests evenly but for one: the first to finish leaves one slot
        // unused, and the last request of another fits in it. The answer that settles this
        // process's requests shows it, and the request goes now: waiting for it to last (a probe
        // needs a quarter window without answers, which a process whose slots free one by one over
        // the window never has) put it alone in one more window.
        var (limiter, inFlight) = AFullWindowHeldWithTheLastRequestInFlight();
        var last = limiter.AcquireAsync(CancellationToken.None);
        Assert.False(last.IsCompleted);

        inFlight.Complete(200, RateLimitHeaders.Of(Limit, remaining: 1));
        Assert.True(last.IsCompletedSuccessfully);

        // Once a window: in a window that stays full, the little room an answer shows is mostly a
        // slot the others are about to take again, and a wrong guess costs a 429.
        var next = limiter.AcquireAsync(CancellationToken.None);
        (await last).Complete(200, RateLimitHeaders.Of(Limit, remaining: 1));
        await Task.Yield();
        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task ARequestWaitingInAFullWindowProbesForRoomTheOthersLeaveBeforeItsOwnSlotsFree()
    {
        // The answer that settles this process's requests finds the window full. Nothing more comes
        // back until its own slots free, a window later; the room a finishing process leaves appears
        // meanwhile, when its last requests leave the window. A quarter of a window later the
        // waiting request goes alone to find out.
        var (limiter, inFlight) = AFullWindowHeldWithTheLastRequestInFlight();
        var last = limiter.AcquireAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        inFlight.Complete(200, RateLimitHeaders.Of(Limit, remaining: 0));
        Assert.False(last.IsCompleted);

        var probe = await last.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(watch.Elapsed, Window / 5, Window * 3 / 4);
        Assert.Equal(21, limiter.Share);

        // It met a full window: the 429 gives its slot back, and the next request waits for this
        // process's own slots, not for another probe in this window. The wait stops short of when
        // those slots free (a window after their answers), however late a busy machine ran the probe.
        var next = limiter.AcquireAsync(CancellationToken.None);
        probe.Complete(429, RateLimitHeaders.Of(Limit, remaining: 0));
        Assert.Equal(20, limiter.Share);
        var beforeOwnSlotsFree = Window - watch.Elapsed - TimeSpan.FromMilliseconds(300);
        await Task.Delay(beforeOwnSlotsFree < Window / 3 ? beforeOwnSlotsFree : Window / 3);
        Assert.False(next.IsCompleted);
    }

    [Theory]
    [InlineData(2, 1, true)] // more waiting than the room holds
    [InlineData(1, 1, false)] // an earlier request of its own is still in flight: it may take the room
    [InlineData(1, 7, true)] // more than a tenth of the window: room that must show lasting first
    public async Task ALittleRoomIsTakenOnlyWhenEverythingWaitingFitsAndTheAnswerSettles(int waiters, int remaining, bool settled)
    {
        var (limiter, inFlight) = AFullWindowHeldWithTheLastRequestInFlight(twoInFlight: !settled);
        var waiting = Enumerable.Range(0, waiters).Select(_ => limiter.AcquireAsync(CancellationToken.None)).ToArray();

        inFlight.Complete(200, RateLimitHeaders.Of(Limit, remaining: remaining));
        await Task.Yield();

        Assert.All(waiting, w => Assert.False(w.IsCompleted));
    }

    /// <summary>
    /// A process holding its 20 of a full window shared with others (36 of it when it is seen full),
    /// every slot taken, and its latest request (or, with <paramref name="twoInFlight"/>, its two
    /// latest) not answered yet. Returns the latest, to answer.
    /// </summary>
    private static (DatoCmsRateLimiter Limiter, DatoCmsRateLimitTicket InFlight) AFullWindowHeldWithTheLastRequestInFlight(bool twoInFlight = false)
    {
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        var answered = twoInFlight ? 18 : 19;
        for (var i = 0; i < answered; i++)
        {
            Assert.True(limiter.TryAcquire(out var ticket, out _));
            ticket!.Complete(200, RateLimitHeaders.Of(Limit, remaining: Limit - 36 - (i + 1)));
        }

        Assert.Equal(20, limiter.Share);
        DatoCmsRateLimitTicket? inFlight = null;
        for (var i = answered; i < 20; i++)
        {
            Assert.True(limiter.TryAcquire(out inFlight, out _));
        }

        Assert.False(limiter.TryAcquire(out _, out _));
        return (limiter, inFlight!);
    }

    /// <summary>
    /// A process holding 20 of a full window shared with others, then an answer showing 14 left
    /// (two others done), <paramref name="waiters"/> requests waiting, and the probe a quarter of a
    /// window later taken by the first of them.
    /// </summary>
    private static async Task<(DatoCmsRateLimiter Limiter, DatoCmsRateLimitTicket Probe, Task<DatoCmsRateLimitTicket>[] Waiting)> SharedWindowWithAProbeOut(int waiters)
    {
        var limiter = SharedWindowHeldAndRoomShown();
        var all = Enumerable.Range(0, waiters).Select(_ => limiter.AcquireAsync(CancellationToken.None)).ToArray();
        Assert.All(all, w => Assert.False(w.IsCompleted));

        // A quarter of a window without answers: one request more, the probe, goes to the first in line.
        var probe = await all[0].WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(all.Skip(1), w => Assert.False(w.IsCompleted));
        return (limiter, probe, all.Skip(1).ToArray());
    }

    /// <summary>A process holding 20 of a full window shared with others, then an answer showing 14 left (two others done).</summary>
    private static DatoCmsRateLimiter SharedWindowHeldAndRoomShown()
    {
        var limiter = new DatoCmsRateLimiter(Limit, Window);

        // The others hold 36, and with this process's 18 the window is full (a tenth or less left):
        // three processes, 20 each.
        for (var i = 0; i < 19; i++)
        {
            Assert.True(limiter.TryAcquire(out var ticket, out _));
            ticket!.Complete(200, RateLimitHeaders.Of(Limit, remaining: Limit - 36 - (i + 1)));
        }

        Assert.Equal(20, limiter.Share);

        // One more, answered with nothing else in flight: 14 left, the others' part down to 26.
        Assert.True(limiter.TryAcquire(out var last, out _));
        last!.Complete(200, RateLimitHeaders.Of(Limit, remaining: 14));
        Assert.Equal(20, limiter.Share);
        return limiter;
    }
}
