using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// <see cref="DatoCmsRateLimiter"/> recognises a fixed server window from answers that show the
/// server forgot this process's earlier requests, a whole window apart, and from then on counts its own part of each
/// fixed window exactly: the requests sent since that window started (up to the answered one, or
/// after it and answered first), not every request of the last
/// window's length (which would hold the previous window's too and hide the others).
/// </summary>
public class FixedWindowRecognitionTests
{
    private const int Limit = 60;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    // For the tests that wait for a window to start again: long enough that the tolerance (an eighth
    // of it, 600 ms) outlasts a late timer on a busy machine; at 2.4 s (300 ms) a CI run of the
    // whole suite once missed it.
    private static readonly TimeSpan RecognitionWindow = TimeSpan.FromSeconds(4.8);

    private static void Send(DatoCmsRateLimiter limiter, int status, int remaining, string? reset = null)
    {
        Assert.True(limiter.TryAcquire(out var ticket, out _));
        ticket!.Complete(status, RateLimitHeaders.Of(Limit, remaining, reset));
    }

    [Fact]
    public Task A429InARecognisedFixedWindowCountsOnlyThatWindowsRequestsAsOurs() => OnTimeAsync(async () =>
    {
        var window = RecognitionWindow;
        var limiter = new DatoCmsRateLimiter(Limit, window);
        var started = await AWindowThatMayHaveStartedAgainAsync(limiter, window);

        // One window later it starts again where predicted (the tolerance is an eighth of a window,
        // 600 ms): the window is fixed. 20 requests of this process in it, then a 429: the window
        // holds 60, 40 of them the others'.
        await JustAfterTheNextStartAsync(started, window);

        for (var i = 0; i < 20; i++)
        {
            Send(limiter, 200, Limit - 1 - i);
        }

        if (!OnTime(started, window))
        {
            return false;
        }

        Send(limiter, 429, 0, "1");

        // Three processes of 20 each; the 40 requests of the last window's length (20 of them
        // forgotten by the server) would have looked like two thirds of the window.
        Assert.Equal(20, limiter.Share);
        return true;
    });

    [Fact]
    public Task AFixedWindowIsRecognisedFromBurstsAnsweredInAnyOrder() => OnTimeAsync(async () =>
    {
        // A process whose requests go as bursts, 20 in flight at once, reaching the counter in any
        // order: an answer in the middle of a burst sees fewer of the burst counted than were sent
        // before it, which says nothing about where the window started.
        var window = RecognitionWindow;
        var limiter = new DatoCmsRateLimiter(Limit, window);
        for (var i = 0; i < 20; i++)
        {
            Send(limiter, 200, Limit - 1 - i);
        }

        // The server forgot them: a fixed window may have started again with this burst.
        var started = Stopwatch.StartNew();
        Burst(limiter, 20);

        // Half a window later, ten more: still counted when the next window starts, so that start
        // shows them forgotten.
        await Task.Delay(window / 2);
        for (var i = 0; i < 10; i++)
        {
            Send(limiter, 200, Limit - 21 - i);
        }

        // One window later, the next burst where the window would start again.
        await JustAfterTheNextStartAsync(started, window);

        Burst(limiter, 20);
        if (!OnTime(started, window))
        {
            return false;
        }

        Send(limiter, 429, 0, "1");

        // Recognised as fixed: 20 of the full window are this process's, 40 the others'.
        Assert.Equal(20, limiter.Share);
        return true;
    });

    [Fact]
    public Task RequestsCountedBeforeAnEarlierOneAreNotTakenForAnotherProcess() => OnTimeAsync(async () =>
    {
        // A request that waits for a new connection (after a connection reset, say) reaches the
        // counter after requests this process sent later on open ones. Alone in a fixed window, the
        // process counts those later requests as its own when the slow one's answer comes last.
        var window = RecognitionWindow;
        var limiter = new DatoCmsRateLimiter(Limit, window);
        var started = await AWindowThatMayHaveStartedAgainAsync(limiter, window);

        // The next window starts where predicted: the window is fixed.
        await JustAfterTheNextStartAsync(started, window);
        Send(limiter, 200, Limit - 1);
        if (!OnTime(started, window))
        {
            return false;
        }

        // The window after: 20 requests, then a slow one, then 33 more, all answered before it.
        await JustAfterTheNextStartAsync(started, window * 2);
        for (var i = 0; i < 20; i++)
        {
            Send(limiter, 200, Limit - 1 - i);
        }

        if (!OnTime(started, window * 2))
        {
            return false;
        }

        Assert.True(limiter.TryAcquire(out var slow, out _));
        var later = new List<DatoCmsRateLimitTicket>();
        for (var i = 0; i < 33; i++)
        {
            Assert.True(limiter.TryAcquire(out var ticket, out _));
            later.Add(ticket!);
        }

        for (var i = 0; i < later.Count; i++)
        {
            later[i].Complete(200, RateLimitHeaders.Of(Limit, Limit - 21 - i, null));
        }

        // Counted 54th: the window is full, and every request in it is this process's.
        slow!.Complete(200, RateLimitHeaders.Of(Limit, Limit - 54, null));

        // Counting only the 21 sent up to the slow one as its own, it saw 33 of another process
        // and cut itself to half the window.
        Assert.Equal(Limit, limiter.Share);
        return true;
    });

    /// <summary>
    /// 20 requests of a window in which this process is alone so far; then 10 whose answers show the
    /// server forgot them (a fixed window may have started again: the returned stopwatch starts
    /// there), and half a window later 10 more, still counted when the next window starts, so that
    /// start shows them forgotten.
    /// </summary>
    private static async Task<Stopwatch> AWindowThatMayHaveStartedAgainAsync(DatoCmsRateLimiter limiter, TimeSpan window)
    {
        for (var i = 0; i < 20; i++)
        {
            Send(limiter, 200, Limit - 1 - i);
        }

        var started = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            Send(limiter, 200, Limit - 1 - i);
        }

        await Task.Delay(window / 2);
        for (var i = 0; i < 10; i++)
        {
            Send(limiter, 200, Limit - 11 - i);
        }

        return started;
    }

    /// <summary>
    /// Runs a scenario that must act just after a window's predicted start. A run whose timer woke so
    /// late (a busy machine) that its requests left outside the limiter's tolerance around that start
    /// tests nothing, returns false before its assertions and is run again with a new limiter; three
    /// late runs in a row fail the test.
    /// </summary>
    private static async Task OnTimeAsync(Func<Task<bool>> scenario)
    {
        for (var run = 0; run < 3; run++)
        {
            if (await scenario())
            {
                return;
            }
        }

        Assert.Fail("Three runs in a row woke too late after the window's predicted start to test anything.");
    }

    /// <summary>
    /// Whether what was just sent left within a tenth of a window of <paramref name="start"/> after
    /// <paramref name="started"/>: inside the limiter's tolerance (an eighth) for a window's start.
    /// </summary>
    private static bool OnTime(Stopwatch started, TimeSpan start) => started.Elapsed - start <= RecognitionWindow / 10;

    /// <summary>Waits until 30 ms after one <paramref name="window"/> from <paramref name="started"/>: where a fixed window would start again.</summary>
    private static async Task JustAfterTheNextStartAsync(Stopwatch started, TimeSpan window)
    {
        var next = window + TimeSpan.FromMilliseconds(30) - started.Elapsed;
        if (next > TimeSpan.Zero)
        {
            await Task.Delay(next);
        }
    }

    /// <summary>Takes <paramref name="count"/> slots at once, then answers them first, last, second, second to last...: the server counts them in that order.</summary>
    private static void Burst(DatoCmsRateLimiter limiter, int count)
    {
        var tickets = TakeInFlight(limiter, count);
        for (var k = 0; k < count; k++)
        {
            var ticket = tickets[k % 2 == 0 ? k / 2 : count - 1 - (k / 2)];
            ticket.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1 - k, null));
        }
    }

    [Fact]
    public async Task ASlidingWindowWhoseAnswersComeLateIsNotTakenForAFixedOne()
    {
        // A process alone in a sliding window; the API works 600 ms on some requests after it
        // counted them. Their answers say nothing about when they were counted but that it was
        // after they left: taken as counted 600 ms late, twice a window apart they looked forgotten
        // too early, as if a fixed window had started again there, twice where a fixed window
        // would: the window was taken for fixed, the process for one of two, and its share halved.
        var window = TimeSpan.FromSeconds(2);
        var limiter = new DatoCmsRateLimiter(Limit, window);
        Send(limiter, 200, Limit - 1);
        Send(limiter, 200, Limit - 2);

        var (available, sent) = await LateAnswersTwiceAWindowApartAsync(limiter, window, Limit - 3);

        // Alone: the window fills with this process's requests, and every one of the last 30 goes.
        Assert.Equal((Limit - 30, 30, Limit), (available, sent, limiter.Share));
    }

    [Fact]
    public async Task OnceOthersAreSeenALateAnswerIsTakenAsCountedLate()
    {
        // The requests of the test above, but an answer has first shown another process in the
        // window (it counts two requests this process never sent). Slowness is then taken to have
        // come before the counter, as for bursts that queue or wait for connections while a shared
        // fixed window starts: the late answers show the server forgetting them, twice a window apart.
        var window = TimeSpan.FromSeconds(2);
        var limiter = new DatoCmsRateLimiter(Limit, window);
        Send(limiter, 200, Limit - 1);
        limiter.Observe(200, RateLimitHeaders.Of(Limit, Limit - 3));
        Send(limiter, 200, Limit - 4);

        var (available, sent) = await LateAnswersTwiceAWindowApartAsync(limiter, window, Limit - 5);

        // Taken for a fixed window, as it would be by processes sharing one: the 30 sent before the
        // start it predicts count as another process's, so two processes share it, half the
        // window each, and the last requests find no slot.
        Assert.Equal((30, 24, 30), (available, sent, limiter.Share));
    }

    /// <summary>
    /// 20 requests answered 600 ms late (the first counted at <paramref name="firstRemaining"/>); a
    /// window after they left, a request the server counts alone and 20 more answered late; a window
    /// later, where a fixed window would start again, one counted alone; half a window on, 30
    /// requests; half a window after that, where a fixed window would start again once more, the
    /// slots free then and up to 30 requests that take them.
    /// </summary>
    /// <returns>The slots free at that last start, and how many of the 30 got one.</returns>
    private static async Task<(int Available, int Sent)> LateAnswersTwiceAWindowApartAsync(DatoCmsRateLimiter limiter, TimeSpan window, int firstRemaining)
    {
        var first = TakeInFlight(limiter, 20);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Answer(first, firstRemaining);

        // A window after the burst left, the server has let it go: it counts this request alone.
        await Task.Delay(window - TimeSpan.FromMilliseconds(500));
        var started = Stopwatch.StartNew();
        Send(limiter, 200, Limit - 1);

        var second = TakeInFlight(limiter, 20);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Answer(second, Limit - 2);

        // A window later, where a fixed window would start again, the same.
        await JustAfterTheNextStartAsync(started, window);
        var restarted = Stopwatch.StartNew();
        Send(limiter, 200, Limit - 1);

        await Task.Delay(window / 2);
        for (var i = 0; i < 30; i++)
        {
            Send(limiter, 200, Limit - 2 - i);
        }

        await JustAfterTheNextStartAsync(restarted, window + TimeSpan.FromMilliseconds(40));
        var available = limiter.Available;
        var sent = 0;
        while (sent < 30 && limiter.TryAcquire(out var ticket, out _))
        {
            ticket!.Complete(200, RateLimitHeaders.Of(Limit, Limit - 31 - sent, null));
            sent++;
        }

        return (available, sent);
    }

    /// <summary>Takes <paramref name="count"/> slots at once and leaves them in flight.</summary>
    private static List<DatoCmsRateLimitTicket> TakeInFlight(DatoCmsRateLimiter limiter, int count)
    {
        var tickets = new List<DatoCmsRateLimitTicket>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(limiter.TryAcquire(out var ticket, out _));
            tickets.Add(ticket!);
        }

        return tickets;
    }

    /// <summary>Answers <paramref name="tickets"/> in order, the server counting one more each time from <paramref name="remaining"/>.</summary>
    private static void Answer(List<DatoCmsRateLimitTicket> tickets, int remaining)
    {
        for (var i = 0; i < tickets.Count; i++)
        {
            tickets[i].Complete(200, RateLimitHeaders.Of(Limit, remaining - i, null));
        }
    }

    [Fact]
    public void OneRestartAloneDoesNotMakeTheWindowFixed()
    {
        // A sliding window can look restarted once (answers reordered); only a second restart a
        // whole window later, where a fixed window would start, confirms it.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        for (var i = 0; i < 20; i++)
        {
            Send(limiter, 200, Limit - 1 - i);
        }

        for (var i = 0; i < 20; i++)
        {
            Send(limiter, 200, Limit - 1 - i);
        }

        Send(limiter, 429, 0, "1");

        Assert.Equal(40, limiter.Share);
    }

    [Fact]
    public void WithoutAFixedWindowA429HoldsWhatTheProcessHolds()
    {
        // The same traffic against a sliding window: the server never forgets early, so nothing
        // tells the others' part apart, and the first 429 holds the share to what is held.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        for (var i = 0; i < 40; i++)
        {
            Send(limiter, 200, Limit - 1 - i);
        }

        Send(limiter, 429, 0, "1");

        Assert.Equal(40, limiter.Share);
    }
}
