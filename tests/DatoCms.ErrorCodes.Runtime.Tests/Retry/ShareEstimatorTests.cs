using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// <see cref="DatoCmsRateLimitShare"/> on synthetic header sequences: processes that see only
/// X-RateLimit-Remaining and their own 429s end up with even shares that fill the window, and a
/// process alone keeps the whole window.
/// </summary>
public class ShareEstimatorTests
{
    private const int Limit = 60;
    private static readonly long Window = Stopwatch.Frequency * 3;

    [Fact]
    public void AloneTheShareIsTheWholeWindow()
    {
        var share = new DatoCmsRateLimitShare(Window);
        for (var step = 0; step < 100; step++)
        {
            share.Accepted(step * Window / 10, Limit, remaining: step % 3, ours: Limit - (step % 3), uncounted: 2, others: 0);
        }

        Assert.Equal(Limit, share.Current(100 * Window / 10, Limit));
    }

    [Theory]
    [InlineData(new[] { 20, 20, 20 }, false)]
    [InlineData(new[] { 24, 18, 18 }, false)]
    [InlineData(new[] { 45, 15 }, false)]
    [InlineData(new[] { 20, 20, 20 }, true)]
    [InlineData(new[] { 24, 18, 18 }, true)]
    [InlineData(new[] { 45, 15 }, true)]
    // Each of these counts the processes from its own part (five, three and two; four, two and
    // three), a split consistent with every count: only the others' part shows the largest that
    // the others are more than one process.
    [InlineData(new[] { 12, 20, 28 }, true)]
    [InlineData(new[] { 15, 25, 20 }, true)]
    public void ProcessesSharingAWindowEndUpEvenAndFillIt(int[] start, bool fixedWindow)
    {
        var (shares, held) = Simulate(start, rounds: 400, leaving: -1, fixedWindow);

        var even = (Limit + start.Length - 1) / start.Length;
        Assert.All(shares, s => Assert.InRange(s, even - 3, even + 1));
        Assert.InRange(held.Sum(), Limit - 4, Limit);
    }

    [Theory]
    [InlineData(new[] { 12, 20, 28 })]
    [InlineData(new[] { 15, 25, 20 })]
    public void InASlidingWindowTheLargestGivesBackWhatTheOthersPartShowsIsNotItsOwn(int[] start)
    {
        // The largest counts two, and the others' 32 or 35 are more than one process's even split
        // of 30: it counts three and comes down to 20. What is left: the smallest counts four from
        // its 15 (rounded to the nearest in a sliding window), and the 5 it could take stay unused,
        // as a window with a tenth or less left counts as full.
        var (shares, held) = Simulate(start, rounds: 400, leaving: -1, fixedWindow: false);

        Assert.All(shares, s => Assert.InRange(s, 15, 21));
        Assert.InRange(held.Sum(), Limit - 5, Limit);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(30, 15)]
    public void AProcessWhoseLateAnswersFindTheOthersGoneInTwoFixedWindowsTakesTheWindowWhole(int othersLate, int expected)
    {
        // Holding 15 of full windows beside 45 counts four processes: an even split of 15. Then,
        // in a fixed window with a known start, this process's requests go in a clump half way
        // through each window (its slots free there), never alone, so no late probe goes out.
        var share = new DatoCmsRateLimitShare(Window);
        var now = FullWindowsHolding(share, ours: 15, windows: 2);
        Assert.Equal(4, share.Processes);

        for (var window = 0; window < 2; window++, now += Window)
        {
            share.FixedWindowStarted(now, Limit);
            var sent = now + (Window / 2);
            for (var answer = 0; answer < 15; answer++)
            {
                // The clump's answers: the last settles it, with the others' part of the window as it ends.
                var answered = sent + (Window / 60) + answer;
                var settled = answer == 14;
                share.Accepted(answered, Limit, remaining: Limit - 15 - othersLate, ours: 15, uncounted: 0, others: othersLate, settled: settled, probe: false, windowOurs: 15, windowOthers: othersLate, lateInFixedWindow: true, sent: sent);
            }

            // One window of it could be the others' requests going late in it; two are not.
            Assert.Equal(window == 0 ? 15 : expected, share.Current(sent + (Window / 60) + 15, Limit, probeGoesAlone: false));
        }

        Assert.Equal(expected == Limit ? 1 : 4, share.Processes);
    }

    [Theory]
    [InlineData(25, true, 2, 3)] // the others' 35 do not fit in one process's even split of 30
    [InlineData(28, true, 2, 3)]
    [InlineData(30, true, 2, 2)] // two even splits
    [InlineData(29, true, 2, 2)] // 31 is within one request of an even split of 30
    [InlineData(20, true, 3, 3)]
    [InlineData(17, true, 3, 4)] // 3.5 processes like this one round down, and the others' 43 are more than two even splits of 20
    [InlineData(25, false, 2, 3)] // in a sliding window too, where the parts move from answer to answer
    [InlineData(28, false, 2, 3)]
    [InlineData(30, false, 2, 2)]
    [InlineData(29, false, 2, 2)]
    [InlineData(20, false, 3, 3)]
    [InlineData(17, false, 4, 4)] // there the count rounds to the nearest: a part seen on one answer is not exact
    public void OthersHoldingMoreThanTheEstimatedProcessesCouldForAWindowCountOneMore(int ours, bool fixedWindow, int atHalfAWindow, int expected)
    {
        var share = new DatoCmsRateLimitShare(Window);
        var now = 0L;
        for (var step = 0; step < 60; step++, now += Window / 20)
        {
            AnswerInAFullWindow(share, now, ours, fixedWindow);

            // Half a window is too short to tell: until then the others count as processes like this one.
            if (step == 10)
            {
                Assert.Equal(atHalfAWindow, share.Processes);
            }
        }

        Assert.Equal(expected, share.Processes);
        Assert.Equal((Limit + expected - 1) / expected, share.Current(now, Limit));
    }

    [Fact]
    public void AProcessThatCountsOneMoreLeavesTheRoomItGivesBackToTheOthers()
    {
        // 28 beside 32 in a fixed window for a window and a half: three processes, an even split of 20.
        var share = new DatoCmsRateLimitShare(Window);
        var now = 0L;
        for (var step = 0; step < 30; step++, now += Window / 20)
        {
            share.Accepted(now, Limit, remaining: 0, ours: 28, uncounted: 0, others: Limit - 28, windowOurs: 28, windowOthers: Limit - 28);
        }

        Assert.Equal(3, share.Processes);

        // Its part comes down to 20 and the others are slow to take the 8 it gave back: the room
        // lasts, every answer showing it, and the process uses its whole share.
        for (var step = 0; step < 30; step++, now += Window / 20)
        {
            var ours = Math.Max(20, 28 - step);
            share.Accepted(now, Limit, remaining: Limit - ours - 32, ours: ours, uncounted: 0, others: 32, windowOurs: ours, windowOthers: 32);
            Assert.Equal(20, share.Current(now, Limit));
        }

        Assert.Equal(3, share.Processes);
    }

    [Fact]
    public void AProcessWhoseRequestsGoFirstInEveryFixedWindowCountsOneMoreFromItsRejections()
    {
        // Its answers come before the others' requests are counted, so only its 429s (one at a
        // third and one at two thirds of every window: its late probes) show how full the window is:
        // 28 of its own beside 32 of the others'.
        var share = new DatoCmsRateLimitShare(Window);
        var now = 0L;
        for (var window = 0; window < 3; window++)
        {
            share.FixedWindowFull(now + (Window / 3), Limit, ours: 28);
            share.FixedWindowFull(now + (2 * Window / 3), Limit, ours: 28);
            now += Window;
        }

        Assert.Equal(3, share.Processes);
    }

    [Fact]
    public void AProcessHoldingMostOfASharedWindowGivesBackTheExcess()
    {
        // From the headers, 10 + 10 held by others look like one process like this one: the big
        // one comes down to an even split of two, never lower than what it can tell apart.
        var (shares, held) = Simulate(new[] { 40, 10, 10 }, rounds: 400, leaving: -1);

        Assert.InRange(shares[0], 20, 30);

        // A window with a tenth or less left counts as full (a fixed window is seen full only by its
        // last answers), so uneven shares may leave that much unused.
        Assert.InRange(held.Sum(), Limit - (Limit / 10), Limit);
    }

    [Fact]
    public void WhenAProcessLeavesTheOthersTakeItsPart()
    {
        var (shares, held) = Simulate(new[] { 20, 20, 20 }, rounds: 600, leaving: 2);

        Assert.All(shares.Take(2), s => Assert.InRange(s, 27, 31));
        Assert.InRange(held.Sum(), Limit - 4, Limit);
    }

    [Fact]
    public void AProcessWhosePeersStopGrowsToTheWholeWindowWithinTwoWindows()
    {
        // Three processes at an even split of a full window.
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);

        Assert.Equal(20, share.Current(now, Limit));

        // The others stop: every answer now shows the window empty but for this process's part.
        var stopped = now;
        var whole = long.MaxValue;
        for (var step = 0; step < 60; step++, now += Window / 20)
        {
            var ours = share.Current(now, Limit);
            share.Accepted(now, Limit, remaining: Limit - ours, ours: ours, uncounted: 0, others: 0);
            if (share.Current(now, Limit) == Limit && whole == long.MaxValue)
            {
                whole = now;
            }
        }

        Assert.Equal(Limit, share.Current(now, Limit));
        Assert.InRange(whole - stopped, 0, 2 * Window);

        // Alone in a full window, it keeps the window: the estimate of three processes is gone.
        for (var step = 0; step < 40; step++, now += Window / 20)
        {
            share.Accepted(now, Limit, remaining: 0, ours: Limit, uncounted: 0, others: 0);
        }

        Assert.Equal(Limit, share.Current(now, Limit));
        Assert.Equal(1, share.Processes);
    }

    [Fact]
    public void AProcessWhosePeersStopGrowsWhenItsAnswersComeInClumps()
    {
        // Three processes at an even split of a full window; the others stop. In a sliding window
        // this process's slots free a few at a time, so its requests go, and their answers come, in
        // clumps about a quarter window apart: five answers at once, then none for 0.8 s. Every
        // answer shows the same room and the others' part gone, so the room lasts; a gap that short
        // between answers hides nothing then (in a sliding window the others' requests, were they
        // back, would stay counted for a whole window).
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);
        var stopped = now;
        var whole = long.MaxValue;
        for (var clump = 0; clump < 8; clump++, now += Window * 27 / 100)
        {
            for (var answer = 0; answer < 5; answer++)
            {
                share.Accepted(now, Limit, remaining: Limit - 20, ours: 20, uncounted: 0, others: 0, settled: answer == 4);
            }

            if (share.Current(now, Limit, probeGoesAlone: false) == Limit && whole == long.MaxValue)
            {
                whole = now;
            }
        }

        Assert.InRange(whole - stopped, 0, Window);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RoomLeftByOthersWhosePartShrinksIsTakenWhole(bool othersShrink)
    {
        // Three processes at an even split of a full window; then room appears and lasts. When the
        // others' part shrinks meanwhile (a sliding window's slots of a process that has finished
        // expire one by one), they are leaving, not taking the room: it is taken whole, within the
        // window, which is what lets the last window of a shared run fill. When their part holds,
        // they may be taking it too, and it is split.
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);
        int room = 0, others = 40;
        for (var step = 1; step <= 6; step++, now += Window / 20)
        {
            others = othersShrink ? 40 - (2 * step) : 30;
            room = Limit - 20 - others;
            share.Accepted(now, Limit, remaining: room, ours: 20, uncounted: 0, others: others);
        }

        if (othersShrink)
        {
            Assert.Equal(20 + room, share.Current(now, Limit));
        }
        else
        {
            Assert.InRange(share.Current(now, Limit), 21, 20 + room - 1);
        }
    }

    [Fact]
    public void AProcessWhoseRequestsGoFirstLearnsTheOthersFromA429InAFixedWindow()
    {
        // Alone at first (its first window ends with a 429 that finds it holding 59 of 60). Later
        // its answers all come before the others' requests are counted, so none shows the window
        // full, and a 429 after the first window counts nothing by itself; a 429 in a fixed window
        // whose start is known does: 21 of the 60 are its own.
        var share = new DatoCmsRateLimitShare(Window);
        share.Rejected(0, ours: 59, reset: 0, Limit);
        Assert.Equal(1, share.Processes);

        var now = 5 * Window;
        share.Rejected(now, ours: 21, reset: 0, Limit);
        Assert.Equal(29, share.Current(now, Limit));
        Assert.Equal(1, share.Processes);

        share.FixedWindowFull(now + 1, Limit, ours: 21);

        Assert.Equal(3, share.Processes);
        Assert.Equal(20, share.Current(now + 1, Limit));
    }

    [Fact]
    public void ALateProbeInAFixedWindowTakesTheRoomLeftWholeAndCountsOneProcessFewer()
    {
        // Three processes at an even split of a full fixed window (see AWindowAtAThirdOfAFullWindow).
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);
        Assert.Equal(3, share.Processes);
        Assert.Equal(20, share.Current(now, Limit));

        // The next window starts: a third into it, one request more goes out.
        share.FixedWindowStarted(now, Limit);
        Assert.Equal(now + (Window / 3), share.NextIncrease(Limit));
        now += Window / 3;
        Assert.Equal(21, share.Current(now, Limit));
        Assert.True(share.ClaimProbe());

        // It finds 10 slots left a third into the window: the others will not use them (they
        // finish), so they are taken whole, not split three ways.
        share.Accepted(now, Limit, remaining: 10, ours: 21, uncounted: 0, others: 29, probe: true, windowOurs: 21, windowOthers: 29, lateInFixedWindow: true);
        Assert.Equal(31, share.Current(now, Limit));

        // One of the others is finishing: two processes hold the window from now on. Were the
        // estimate left at three, the next full window would cut the share back to 20, and the
        // estimate falls by one per two windows only.
        Assert.Equal(2, share.Processes);

        // Above an even split of the two, the one request over it goes back at the next window start.
        now += Window;
        share.FixedWindowStarted(now, Limit);
        Assert.Equal(30, share.Current(now, Limit, probeGoesAlone: false));
        now += Window / 3;
        share.Accepted(now, Limit, remaining: 0, ours: 30, uncounted: 0, others: 30, windowOurs: 30, windowOthers: 30);
        Assert.Equal(30, share.Current(now, Limit, probeGoesAlone: false));
    }

    [Fact]
    public void AnAnswerInTheMiddleOfItsBurstDoesNotCountMoreProcesses()
    {
        // Three processes at an even split of a full fixed window.
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);
        Assert.Equal(3, share.Processes);

        // The next window: the others' bursts were counted first, and this answer comes while 8 of
        // this process's 20 are still on their way (sent after it). 12 of ours beside 44 looks like
        // five processes, but the 8 will be counted in this window too.
        now += Window;
        share.FixedWindowStarted(now, Limit);
        share.Accepted(now + (Window / 50), Limit, remaining: 4, ours: 20, uncounted: 8, others: 36, settled: false, windowOurs: 12, windowOthers: 44);
        Assert.Equal(3, share.Processes);
        Assert.Equal(20, share.Current(now + (Window / 50), Limit, probeGoesAlone: false));

        // The answer to its last request sees its whole part counted: still three.
        share.Accepted(now + (Window / 40), Limit, remaining: 0, ours: 20, uncounted: 0, others: 40, settled: false, windowOurs: 20, windowOthers: 40);
        Assert.Equal(3, share.Processes);
    }

    [Fact]
    public void ALateProbeThatMeetsAFullWindowWaitsLongerBeforeTheNext()
    {
        var share = new DatoCmsRateLimitShare(Window);
        var (_, probes) = LateProbesMeetFullWindows(share, AWindowAtAThirdOfAFullWindow(share), windows: 12);

        // After each 429 the gap doubles (2, 4, then 8 window starts at most): a window shared
        // for good costs a probe's 429 now and then, not one per window.
        Assert.Equal(new[] { 0, 3, 8 }, probes);
    }

    [Fact]
    public void ALoneProcessWhoseLateProbesBackedOffProbesOnceTheOthersAreMissingTwoWindowStartsInARow()
    {
        // Late probes met full windows until the next one waits eight windows; then the others stop.
        var share = new DatoCmsRateLimitShare(Window);
        var (now, _) = LateProbesMeetFullWindows(share, AWindowAtAThirdOfAFullWindow(share), windows: 12);

        // Alone: the answer to the last request of its burst finds nothing of the others in the
        // window, twice. The first time proves nothing (their requests may come a little later).
        share.FixedWindowStarted(now, Limit);
        share.Accepted(now + (Window / 50), Limit, remaining: 40, ours: 20, uncounted: 0, others: 0, windowRestarted: true, windowOurs: 20, windowOthers: 0);
        Assert.Equal(20, share.Current(now + (Window / 3), Limit));
        now += Window;

        share.FixedWindowStarted(now, Limit);
        share.Accepted(now + (Window / 50), Limit, remaining: 40, ours: 20, uncounted: 0, others: 0, windowRestarted: true, windowOurs: 20, windowOthers: 0);
        Assert.Equal(now + (Window / 3), share.NextIncrease(Limit));
        Assert.Equal(20, share.Current(now + (Window / 4), Limit));

        // A third into the window the late probe goes, and finds the room left for good.
        var third2 = now + (Window / 3);
        Assert.Equal(21, share.Current(third2, Limit));
        Assert.True(share.ClaimProbe());
        share.Accepted(third2, Limit, remaining: 39, ours: 21, uncounted: 0, others: 0, probe: true, windowOurs: 21, windowOthers: 0, lateInFixedWindow: true);
        Assert.Equal(Limit, share.Current(third2, Limit, probeGoesAlone: false));
    }

    [Theory]
    [InlineData(26, 34)]
    [InlineData(30, 26)]
    public void AProbesRoomThatNobodyTookForAQuarterWindowIsTakenWhole(int othersAtTheProbe, int expected)
    {
        // Three processes at an even split of a full window; then the last answer of this
        // process's burst shows 14 left, the others' part down to 26 (they sent less: finishing).
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);
        share.Accepted(now, Limit, remaining: 14, ours: 20, uncounted: 0, others: 26);

        // No answer for a quarter window: the probe.
        now += Window / 4;
        Assert.Equal(21, share.Current(now, Limit));
        Assert.True(share.ClaimProbe());

        // Its answer: when the others' part has not grown meanwhile, nobody else is taking the room
        // (their probes would have by now) and it is taken whole; when it has, it is split.
        now += Window / 50;
        var room = Limit - 21 - othersAtTheProbe;
        share.Accepted(now, Limit, remaining: room, ours: 21, uncounted: 0, others: othersAtTheProbe, probe: true);
        Assert.Equal(expected, share.Current(now, Limit));
    }

    [Fact]
    public void RoomThatDoesNotLastIsNotTaken()
    {
        // A fixed window's first answers show room that the others are about to take: room on one
        // answer, then a full window, again and again, never grows the share.
        var share = new DatoCmsRateLimitShare(Window);
        var now = 0L;
        for (var window = 0; window < 10; window++)
        {
            share.Accepted(now, Limit, remaining: 40, ours: 20, uncounted: 0, others: 0);
            now += Window / 100;
            share.Accepted(now, Limit, remaining: 0, ours: 20, uncounted: 0, others: 40);
            now += Window - (Window / 100);
        }

        Assert.InRange(share.Current(now - Window + (Window / 100), Limit), 1, 20);
    }

    [Fact]
    public void AProbeFindsRoomThatLastedAndAFailedProbeCostsNoShare()
    {
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);

        // One of the others leaves a third of its part unused. The last answer of a window shows
        // room while every slot of this process is taken, then nothing comes back for a while (a
        // fixed window's last part): one request more, not before a quarter of a window.
        share.Accepted(now, Limit, remaining: 10, ours: 20, uncounted: 0, others: 30);
        Assert.Equal(20, share.Current(now + (Window / 8), Limit));
        now += Window / 4;
        Assert.Equal(21, share.Current(now, Limit));
        Assert.True(share.ClaimProbe());
        Assert.False(share.ClaimProbe());

        // The room was gone: the 429 gives the probe back and takes nothing else.
        now += Window / 50;
        share.Rejected(now, ours: 20, reset: Stopwatch.Frequency, Limit, probe: true);
        Assert.Equal(20, share.Current(now, Limit));

        // The room is there again: the next probe waits longer than the first did.
        share.Accepted(now, Limit, remaining: 10, ours: 20, uncounted: 0, others: 30);
        Assert.Equal(20, share.Current(now + (Window / 4), Limit));
        Assert.Equal(21, share.Current(now + (Window / 2) + 1, Limit));
        Assert.True(share.ClaimProbe());

        // An answer to another request (sent before the probe, it saw the window before the
        // others' requests came) does not stand for the probe's.
        now += (Window / 2) + (Window / 50);
        share.Accepted(now, Limit, remaining: 9, ours: 21, uncounted: 0, others: 30);
        Assert.Equal(21, share.Current(now, Limit));

        // This time the probe is accepted and the room is still there: it is taken, split with the
        // other that may be taking it too.
        share.Accepted(now, Limit, remaining: 9, ours: 21, uncounted: 0, others: 30, probe: true);
        Assert.InRange(share.Current(now, Limit), 25, 27);
    }

    [Fact]
    public void AProbeIsArmedOnlyWhenItGoesOutAlone()
    {
        var (share, now) = AProbeDueForRoomShown();

        // Due, but a request taking it now would go with others of this process (its slots are
        // about to free, or a burst has just left): no probe, no growth.
        Assert.Equal(20, share.Current(now, Limit, probeGoesAlone: false));
        Assert.False(share.ClaimProbe());

        // Alone, it goes.
        Assert.Equal(21, share.Current(now, Limit));
        Assert.True(share.ClaimProbe());
    }

    [Fact]
    public void AProbeForRoomEverythingWaitingFitsInDoesNotWaitOutTheBackoff()
    {
        // The window ends with 10 left: the others are done.
        var (share, lastAnswer) = AProbeMetAFullWindowThenTheWindowEndedWith(remaining: 10);
        var now = lastAnswer + (Window / 4);
        Assert.Equal(20, share.Current(now, Limit, waiting: 11));
        Assert.True(share.NextIncrease(Limit, waiting: 11) > now);

        // What is left to send fits in that room: the probe goes now, not after the backoff.
        Assert.Equal(lastAnswer + (Window / 4), share.NextIncrease(Limit, waiting: 4));
        Assert.Equal(21, share.Current(now, Limit, waiting: 4));
        Assert.True(share.ClaimProbe());
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)] // more than the room holds: the backoff stands
    public void AProbeForALittleRoomAFewLastRequestsFitInDoesNotWaitOutTheBackoff(int waiting, bool probesNow)
    {
        // The window ends with 3 left, a tenth of it or less: it counts as full, but the last
        // few requests fit in it.
        var (share, lastAnswer) = AProbeMetAFullWindowThenTheWindowEndedWith(remaining: 3);
        var now = lastAnswer + (Window / 4);

        Assert.Equal(probesNow, share.NextIncrease(Limit, waiting) == lastAnswer + (Window / 4));
        Assert.Equal(probesNow ? 21 : 20, share.Current(now, Limit, waiting: waiting));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(20, false)] // a recognised fixed window: its own late probe goes a third into it
    public void AFullWindowSeenWhenEveryRequestIsAnsweredIsProbedForRoomAQuarterWindowLater(int windowOurs, bool probes)
    {
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share) + Window;

        // The answer that settles this process's 20 finds the window full, 40 of it the others'.
        share.Accepted(now, Limit, remaining: 0, ours: 20, uncounted: 0, others: 40, windowOurs: windowOurs, windowOthers: windowOurs < 0 ? -1 : 40);
        Assert.Equal(20, share.Current(now + (Window / 4) - 1, Limit));
        Assert.False(share.ClaimProbe());

        Assert.Equal(probes ? 21 : 20, share.Current(now + (Window / 4), Limit));
        Assert.Equal(probes, share.ClaimProbe());
    }

    [Fact]
    public void ARoomTheOthersLeftAfterTheWindowWasSeenFullTakesWhatIsWaitingWhenItFits()
    {
        var (share, now) = AProbeForRoomTheOthersLeaveOut();

        // One of the others finished: its last requests left the window and nobody took their
        // slots. The probe finds 3 of them; the 3 requests still waiting fit and go now.
        now += Window / 50;
        share.Accepted(now, Limit, remaining: 3, ours: 21, uncounted: 0, others: 36, probe: true);
        Assert.Equal(3, share.TakeRoomForTheRest(now, waiting: 3));
    }

    [Fact]
    public void AProbeForRoomTheOthersLeaveThatMeetsAFullWindowCostsNoShareAndComesOnceAWindow()
    {
        var (share, now) = AProbeForRoomTheOthersLeaveOut();
        var armed = now - (Window / 4);

        // The window was still full: the 429 gives the probe's slot back and takes nothing else.
        now += Window / 50;
        share.Rejected(now, ours: 20, reset: Stopwatch.Frequency, Limit, probe: true);
        Assert.Equal(20, share.Current(now, Limit));

        // Answers that find the window full again arm no other probe within the window...
        now += Window / 50;
        share.Accepted(now, Limit, remaining: 0, ours: 20, uncounted: 0, others: 40);
        Assert.Equal(20, share.Current(now + (Window / 4), Limit));
        Assert.False(share.ClaimProbe());

        // ...and the first one a window after the last arms the next.
        now = armed + Window;
        share.Accepted(now, Limit, remaining: 0, ours: 20, uncounted: 0, others: 40);
        Assert.Equal(21, share.Current(now + (Window / 4), Limit));
        Assert.True(share.ClaimProbe());
    }

    [Fact]
    public void AProbeNoRequestTookAtOnceIsDisarmedAndItsSlotGivenBack()
    {
        var (share, now) = AProbeDueForRoomShown();
        Assert.Equal(21, share.Current(now, Limit));

        // Nothing took it when it was armed: a request taking it later would be one of a burst.
        share.DisarmUnclaimedProbe(Limit);
        Assert.False(share.ClaimProbe());
        Assert.Equal(20, share.Current(now, Limit, probeGoesAlone: false));
    }

    [Theory]
    [InlineData(true, 30)]
    [InlineData(false, 20)]
    public void RoomThatSingleRequestsGoingOutAloneShowIsTakenLikeAProbes(bool alone, int expected)
    {
        // Three processes at an even split of a full window; then the others finish, and their
        // part stops growing. This process's slots are spread over the window: one frees and is
        // taken again every fifth of a window, so no quarter window passes without an answer and no
        // probe can go out alone (the limiter passes probeGoesAlone: false).
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);
        share.Accepted(now, Limit, remaining: 10, ours: 20, uncounted: 0, others: 30, sent: now - (Window / 60));
        for (var single = 0; single < 3; single++)
        {
            var sent = now + (Window / 5);
            now = sent + (Window / 60);

            // Alone: sent after the last answer came, and nothing else in flight (settled). Otherwise
            // one of a burst whose answers come together.
            share.Accepted(now, Limit, remaining: 10, ours: 20, uncounted: 0, others: 30, settled: true, sent: alone ? sent : now - (Window / 2));
            Assert.Equal(expected, share.Current(now, Limit, probeGoesAlone: false));
            Assert.False(share.ClaimProbe());
        }

        // Taken whole (the others' part did not grow while it lasted): they are leaving, and the
        // estimate follows.
        Assert.Equal(alone ? 2 : 3, share.Processes);
    }

    [Theory]
    [InlineData(-2, 15, 5, 5, 35)] // the others' part shrinks: they are leaving, and the room is taken whole
    [InlineData(0, 15, 5, 5, 28)] // it holds: they may be taking the room too, and it is split with them
    [InlineData(2, 15, 5, 5, 20)] // it grows: they are taking it
    [InlineData(0, 6, 5, 5, 20)] // a tenth of the window or less is a full window
    [InlineData(-2, 15, 5, 1, 35)] // clumps a fifth of a window apart tell at the start too
    [InlineData(-2, 15, 1, 1, 20)] // a window apart at the start: the room of a window's start both times, the others' requests still to come
    [InlineData(-2, 15, 1, 5, 35)] // a window apart later: the room finished processes left
    public void RoomTheSettlingAnswersOfClumpsShowInASlidingWindowIsTakenLikeAProbes(int othersStep, int firstRoom, int clumpsPerWindow, int windowsSinceFirst429, int expected)
    {
        // Three processes at an even split of a full sliding window, the first 429 some windows
        // ago; then one finishes. This process's slots free a few at a time: it sends them in
        // clumps of three, and the answer to the last of a clump settles it. A fifth of a window
        // apart, the answers come less than a quarter window apart, so no probe goes out (the
        // limiter passes probeGoesAlone: false), and more than an eighth apart, so the watch for
        // lasting room starts again at every clump.
        var share = new DatoCmsRateLimitShare(Window);
        share.Rejected(0, ours: 20, reset: 0, Limit);
        var now = (windowsSinceFirst429 - 1) * Window;
        for (var step = 0; step < 20; step++, now += Window / 20)
        {
            AnswerInAFullWindow(share, now, ours: 20, fixedWindow: false);
        }

        Assert.Equal(3, share.Processes);
        var others = Limit - 20 - firstRoom;
        for (var clump = 0; clump < 3; clump++, now += Window / clumpsPerWindow, others += othersStep)
        {
            var sent = now - (Window / 60);
            for (var answer = 0; answer < 3; answer++)
            {
                share.Accepted(now + answer, Limit, remaining: Limit - 20 - others, ours: 20, uncounted: 2 - answer, others: others, settled: answer == 2, sent: sent);
            }

            // The first clump's settling answer has none before it to compare with.
            Assert.Equal(clump == 0 ? 20 : expected, share.Current(now + 3, Limit, probeGoesAlone: false));
            Assert.False(share.ClaimProbe());
        }
    }

    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 0)]
    public void WhatIsLeftOfRoomTheShareGrewIntoTakesTheRestWhenTheOthersDidNotGrow(bool othersTookSome, int expected)
    {
        // Three processes at an even split of a full window; one has finished and the last answer
        // of this process's burst shows 14 left. A single request a quarter window later shows 11
        // left, the others' part up from 26 to 29 (the third process is taking some too): the room
        // is split with it, 6 more for this process.
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);
        share.Accepted(now, Limit, remaining: 14, ours: 20, uncounted: 0, others: 26, sent: now - (Window / 60));
        var sent = now + (Window / 4);
        now = sent + (Window / 60);
        share.Accepted(now, Limit, remaining: 11, ours: 20, uncounted: 0, others: 29, settled: true, sent: sent);
        Assert.Equal(26, share.Current(now, Limit, probeGoesAlone: false));
        Assert.Equal(0, share.TakeRoomForTheRest(now, waiting: 5));

        // The 6 leave together and reach the server in any order; their answers come in another.
        // The least room they show is what is left: 5, when the others took none of it meanwhile
        // (too little to count as room: the window looks full, and the share is back to 20), and
        // this process's last requests may all go into it. When the others took some, none may.
        sent = now;
        now += Window / 60;
        var left = othersTookSome ? new[] { 4, 6, 2, 7, 5, 3 } : new[] { 7, 9, 5, 10, 8, 6 };
        for (var answer = 0; answer < left.Length; answer++)
        {
            var settled = answer == left.Length - 1;
            share.Accepted(now, Limit, remaining: left[answer], ours: 26, uncounted: 0, others: Limit - left[answer] - 26, settled: settled, sent: sent);
            // Five requests of this process wait: when the others took some, more than the 3 left.
            Assert.Equal(settled ? expected : 0, share.TakeRoomForTheRest(now, waiting: 5));
        }

        Assert.Equal(20, share.Current(now, Limit, probeGoesAlone: false));
    }

    /// <summary>
    /// Three processes at an even split of a full window (see <see cref="AWindowAtAThirdOfAFullWindow"/>),
    /// then an answer showing 10 left while this process uses its whole share, and a quarter of a
    /// window without answers: a probe is due.
    /// </summary>
    /// <summary>
    /// A probe for room (see <see cref="AProbeDueForRoomShown"/>) meets a full window, so the next
    /// waits half a window; then the answer that settles this process's 20 shows
    /// <paramref name="remaining"/> left. Returns the share and when that answer came.
    /// </summary>
    private static (DatoCmsRateLimitShare Share, long LastAnswer) AProbeMetAFullWindowThenTheWindowEndedWith(int remaining)
    {
        var (share, now) = AProbeDueForRoomShown();
        Assert.Equal(21, share.Current(now, Limit));
        Assert.True(share.ClaimProbe());
        share.Rejected(now, ours: 20, reset: Stopwatch.Frequency, Limit, probe: true);
        share.Accepted(now, Limit, remaining: remaining, ours: 20, uncounted: 0, others: Limit - 20 - remaining);
        return (share, now);
    }

    /// <summary>
    /// A window of full windows shared with others (20 of 60 this process's, 40 the others'), then
    /// the answer that settles this process's requests finds the window full, and a quarter of a
    /// window later the probe for room the others leave goes. Returns the share and the probe's time.
    /// </summary>
    private static (DatoCmsRateLimitShare Share, long Now) AProbeForRoomTheOthersLeaveOut()
    {
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share) + Window;
        share.Accepted(now, Limit, remaining: 0, ours: 20, uncounted: 0, others: 40);
        now += Window / 4;
        Assert.Equal(21, share.Current(now, Limit));
        Assert.True(share.ClaimProbe());
        return (share, now);
    }

    private static (DatoCmsRateLimitShare Share, long Now) AProbeDueForRoomShown()
    {
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);
        share.Accepted(now, Limit, remaining: 10, ours: 20, uncounted: 0, others: 30);
        return (share, now + (Window / 4));
    }

    [Fact]
    public void BeforeTheWindowIsSeenFullOnlyASettledAnswerSetsTheShare()
    {
        // Three processes start together, 24 requests each: the first answers show room that the
        // others' requests, counted after them, have taken since. While its own requests are in
        // flight a process holds what it holds, however long it waits.
        var share = new DatoCmsRateLimitShare(Window);
        share.Accepted(0, Limit, remaining: 50, ours: 24, uncounted: 0, others: 0, settled: false);
        Assert.Equal(24, share.Current(0, Limit));
        Assert.Equal(24, share.Current(10 * Window, Limit));

        // The answer that settles its last request tells what is left.
        share.Accepted(10 * Window, Limit, remaining: 2, ours: 24, uncounted: 0, others: 34, settled: true);
        Assert.Equal(26, share.Current(10 * Window, Limit));

        // Alone, the settled answer gives it the window.
        var alone = new DatoCmsRateLimitShare(Window);
        alone.Accepted(0, Limit, remaining: 36, ours: 24, uncounted: 0, others: 0, settled: true);
        Assert.Equal(Limit, alone.Current(0, Limit));
    }

    [Fact]
    public void AProbeThatTellsNothingDoesNotStopTheNextOne()
    {
        // Three processes at an even split; this one is cut to a handful by 429s, and the last answer
        // shows room: growing below an even split, each new slot's request is a probe.
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);

        share.Rejected(now, ours: 3, reset: Stopwatch.Frequency, Limit);
        share.Accepted(now, Limit, remaining: 20, ours: 3, uncounted: 0, others: 37);
        var held = share.Current(now, Limit);

        now += 2 * Window;
        Assert.True(share.Current(now, Limit) > held);
        Assert.True(share.ClaimProbe());

        // The probe is cancelled before its answer (or answered without X-RateLimit-Remaining):
        // the next growth arms a probe again instead of waiting for that answer for good.
        share.ProbeUnanswered();
        held = share.Current(now, Limit);
        now += Window / 2;
        Assert.True(share.Current(now, Limit) > held);
        Assert.True(share.ClaimProbe());
    }

    [Fact]
    public void AProcessFarBelowAnEvenSplitWhosePeersLeftGetsTheWindowBack()
    {
        // Three processes at an even split; then this one is cut to a handful (429s while it held
        // little), and the others leave. Its requests go out only as its share grows, and each
        // answer comes alone: room never shows on answers close together, only the requests of
        // its growth and its probes find it.
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);

        share.Rejected(now, ours: 3, reset: Stopwatch.Frequency, Limit);
        share.Rejected(now, ours: 3, reset: Stopwatch.Frequency, Limit);
        share.Rejected(now, ours: 3, reset: Stopwatch.Frequency, Limit);
        var held = share.Current(now, Limit);
        Assert.InRange(held, 3, 5);

        var left = now;
        var whole = long.MaxValue;
        for (var step = 0; step < 200 && whole == long.MaxValue; step++, now += Window / 40)
        {
            var want = share.Current(now, Limit);
            if (want > held)
            {
                // The new requests, the first of them the probe if one is due, answered at once.
                var probe = share.ClaimProbe();
                held = want;
                share.Accepted(now, Limit, remaining: Limit - held, ours: held, uncounted: 0, others: 0, probe: probe);
                if (share.Current(now, Limit) == Limit)
                {
                    whole = now;
                }
            }
        }

        Assert.InRange(whole - left, 0, 3 * Window);
    }

    [Fact]
    public void OnlyTheAnswerToTheLatestRequestCountsProcesses()
    {
        var share = new DatoCmsRateLimitShare(Window);
        var now = AWindowAtAThirdOfAFullWindow(share);

        Assert.Equal(3, share.Processes);

        // An early answer of a burst: 12 requests of ours sent after it are not answered yet, and
        // the server may have counted them. Ten of ours against 36 others would look like five
        // processes, and cut this one to a fifth of the window.
        share.Accepted(now, Limit, remaining: 2, ours: 22, uncounted: 12, others: 36);
        Assert.Equal(3, share.Processes);
        Assert.Equal(20, share.Current(now, Limit));
    }

    [Fact]
    public void AFirst429BeforeAnyEstimateHoldsWhatTheProcessHolds()
    {
        // Nothing known about the others yet: a 429 drops the share to what this process holds,
        // not to half the window (which would let every 429 send another request into the full window).
        var share = new DatoCmsRateLimitShare(Window);
        share.Accepted(0, Limit, remaining: 30, ours: 24, uncounted: 0, others: 0, settled: false);
        share.Rejected(1, ours: 20, reset: 3 * Stopwatch.Frequency, Limit);
        Assert.Equal(20, share.Current(1, Limit));
        share.Rejected(2, ours: 19, reset: 3 * Stopwatch.Frequency, Limit);
        Assert.Equal(19, share.Current(2, Limit));

        // Once the window was seen full, a 429 that finds this process holding little (its slots
        // just freed) takes no more than half the share in one go: a process must not collapse to
        // a request or two, from where only slow growth brings it back.
        share.Rejected(3, ours: 2, reset: 3 * Stopwatch.Frequency, Limit);
        Assert.Equal(9, share.Current(3, Limit));
    }

    [Fact]
    public void TheRejectionsThatEndTheFirstWindowCountTheProcesses()
    {
        // Three processes start together, 24 requests each: the first window fills while all of
        // them are in flight, and every request after that is rejected, so no accepted answer
        // settles this process's part before the next window. What it holds at its first 429s is
        // its part of that first window.
        var share = AFirstWindowEndedByRejections();

        Assert.Equal(3, share.Processes);
        Assert.Equal(20, share.Current(2, Limit));
    }

    [Fact]
    public void AProcessCutAsTheFirstWindowRollsOverCountsNoMoreProcessesWhileItGrowsBack()
    {
        // Its first window: 20 of 60, three processes. As that window's slots free, the others
        // take theirs again first, and a 429 finds this one holding 11 (the floor of half an even
        // split): it grows back a request a quarter window, and every answer shows the window full.
        var share = AFirstWindowEndedByRejections();
        var now = Window + (Window / 20);
        share.Rejected(now, ours: 11, reset: Stopwatch.Frequency, Limit);
        Assert.Equal(11, share.Current(now, Limit));

        // Its 11 to 17 beside the others' 49 to 43 look like four or five processes like it. Counted
        // so, its even split would hold it there for the run, a third below the others.
        var least = int.MaxValue;
        for (now += Window / 20; now < 4 * Window; now += Window / 20)
        {
            var ours = share.Current(now, Limit, probeGoesAlone: false);
            least = Math.Min(least, ours);
            share.Accepted(now, Limit, remaining: 0, ours: ours, uncounted: 0, others: Limit - ours);
            Assert.Equal(3, share.Processes);
        }

        Assert.Equal(11, least);
        Assert.Equal(20, share.Current(now, Limit));
    }

    [Fact]
    public void AProcessWhoseFirstBurstMostlyMetAFullWindowCountsTheProcessesItsBurstImplies()
    {
        // Its connections came up late: 12 of its 24 reached the first window beside the others'
        // 24 and 24. Counted from its part, that is five processes like it; its burst's 12 429s
        // say three (72 requests, 24 each).
        var share = ABurstOf24Of12Rejected();
        Assert.Equal(3, share.Processes);
        Assert.Equal(12, share.Current(13, Limit));

        // It grows back to an even split of three, every answer showing the window full: its 12 to
        // 17 beside the others' 48 to 43 count no process more while it does.
        var now = Window;
        for (; now < 4 * Window; now += Window / 20)
        {
            var ours = share.Current(now, Limit, probeGoesAlone: false);
            share.Accepted(now, Limit, remaining: 0, ours: ours, uncounted: 0, others: Limit - ours);
            Assert.Equal(3, share.Processes);
        }

        Assert.Equal(20, share.Current(now, Limit));
    }

    [Fact]
    public void RejectionsOfASecondWaveSentIntoTheRoomTheFirstAnswerShowedCountNoFewerProcesses()
    {
        // Its 24 reached the server first: the answer that settled them showed 36 left, and the 24
        // it sent next met the others' 36 and were all rejected. The others' bursts were like its
        // first 24, not like both its waves: 36 are two processes more, three in all.
        var share = new DatoCmsRateLimitShare(Window);
        share.Accepted(0, Limit, remaining: 36, ours: 24, uncounted: 0, others: 0);
        Assert.Equal(Limit, share.Current(1, Limit));
        for (var rejected = 1; rejected <= 24; rejected++)
        {
            share.Rejected((Window / 10) + rejected, ours: 48 - rejected, reset: Stopwatch.Frequency, Limit);
        }

        Assert.Equal(3, share.Processes);
        Assert.Equal(24, share.Current((Window / 10) + 25, Limit, probeGoesAlone: false));
    }

    [Fact]
    public void AnExactCountRightAfterAFirst429ItsBurstDidNotBoundCountsMoreProcesses()
    {
        // The first 429 finds this process holding 27 (the last window's requests among them): two
        // processes like it, as its burst allows. Then a fixed window's exact count shows 20 of 60
        // its own: three processes, at once, although 27 is below an even split of two.
        var share = new DatoCmsRateLimitShare(Window);
        share.Accepted(0, Limit, remaining: 33, ours: 27, uncounted: 0, others: 0, settled: false);
        share.Rejected(1, ours: 27, reset: Stopwatch.Frequency, Limit);
        Assert.Equal(2, share.Processes);

        share.FixedWindowFull(2, Limit, ours: 20);

        Assert.Equal(3, share.Processes);
        Assert.Equal(20, share.Current(3, Limit));
    }

    [Fact]
    public void ProcessesCountedTooFewFromTheFirstBurstAreCountedAgainAfterTheStartRace()
    {
        // Five processes, not three: a 429 long after the start finds this one holding 12, and the
        // part it is left with counts them.
        var share = ABurstOf24Of12Rejected();
        ACutThenAFullWindowHolding(share, 3 * Window, ours: 12);

        Assert.Equal(5, share.Processes);
    }

    [Fact]
    public void AProcessCutWhenAnotherJoinsLaterCountsIt()
    {
        // Two processes for five windows; then a third joins, and 429s cut this one to 20. Long
        // after its start, the part it is left with is the news: three processes.
        var share = new DatoCmsRateLimitShare(Window);
        share.Rejected(0, ours: 30, reset: Stopwatch.Frequency, Limit);
        var now = 1L;
        for (; now < 5 * Window; now += Window / 20)
        {
            share.Accepted(now, Limit, remaining: 0, ours: 30, uncounted: 0, others: 30);
        }

        Assert.Equal(2, share.Processes);
        ACutThenAFullWindowHolding(share, now, ours: 20);

        Assert.Equal(3, share.Processes);
    }

    [Fact]
    public void AFixedWindowThatStartsAgainShowsNoSpareRoom()
    {
        // Three processes at an even split; a probe goes out when a fixed window has just started
        // again: the server shows the whole window free (it forgot everyone's requests), which
        // the others' requests are about to take. Neither the probe nor other answers take it.
        var share = new DatoCmsRateLimitShare(Window);
        var now = 0L;
        for (var step = 0; step < 20; step++, now += Window / 20)
        {
            share.Accepted(now, Limit, remaining: step % 2 == 0 ? 0 : 3, ours: 20, uncounted: 0, others: 40 - (step % 2 == 0 ? 0 : 3));
        }

        Assert.Equal(20, share.Current(now, Limit));
        now += Window / 4;
        Assert.Equal(21, share.Current(now, Limit));
        Assert.True(share.ClaimProbe());
        for (var step = 0; step < 10; step++, now += Window / 40)
        {
            share.Accepted(now, Limit, remaining: 59 - step, ours: 21, uncounted: 0, others: 0, windowRestarted: true, probe: step == 0);
        }

        Assert.InRange(share.Current(now, Limit), 20, 21);
    }

    [Fact]
    public void A429ComesBackAtADifferentMomentForEachProcess()
    {
        // The moment is random. Many processes are drawn so that the assertions below cannot fail
        // by chance: with 20, CI once drew 14 at the quarter-window probe (which takes over when
        // the drawn moment is later) and only four distinct ones before it.
        var probes = Enumerable.Range(0, 200).Select(_ =>
        {
            var share = new DatoCmsRateLimitShare(Window);
            share.Accepted(0, Limit, remaining: 0, ours: 20, uncounted: 0, others: 40);
            share.Rejected(1, ours: 5, reset: Stopwatch.Frequency, Limit);
            var after = share.Current(1, Limit);
            var at = 1L;
            while (share.Current(at, Limit) <= after)
            {
                at += Stopwatch.Frequency / 100;
            }

            return at;
        }).ToList();

        // Within the second half of a one-second reset, and spread over it: about half of them
        // come back before the probe a quarter window after the last answer (0.75 s), at 10-ms
        // steps over 0.25 s, so about 25 distinct moments; 10 or fewer has a chance below 1e-20.
        Assert.All(probes, at => Assert.InRange(at, Stopwatch.Frequency / 2, (Stopwatch.Frequency * 11) / 10));
        var beforeTheProbe = probes.Where(at => at < (Stopwatch.Frequency * 3) / 4).ToList();
        Assert.True(beforeTheProbe.Distinct().Count() > 10, string.Join(", ", probes));
    }

    [Theory]
    [InlineData(3, 2.0, 3.0)]
    [InlineData(2, 1.0, 2.0)]
    [InlineData(1, 0.5, 1.0)]
    public void AWholeSecondResetIsSpreadOverItsRounding(int seconds, double earliest, double latest)
    {
        // The server rounds up to whole seconds: the window may open up to a second earlier.
        for (var sample = 0.0; sample < 1; sample += 0.1)
        {
            Assert.InRange(DatoCmsRateLimitShare.Spread(TimeSpan.FromSeconds(seconds), sample).TotalSeconds, earliest, latest);
        }
    }

    [Fact]
    public void AnExactResetIsWaitedInFull()
    {
        Assert.InRange(DatoCmsRateLimitShare.Spread(TimeSpan.FromMilliseconds(400), 0).TotalMilliseconds, 400, 400.001);
        Assert.InRange(DatoCmsRateLimitShare.Spread(TimeSpan.FromMilliseconds(400), 0.99).TotalMilliseconds, 400, 500);
    }

    /// <summary>One window of answers, every one showing the window full with this process holding a third of it; returns the time after it.</summary>
    /// <summary>
    /// <paramref name="windows"/> fixed windows from <paramref name="now"/>, each full: the late
    /// probe a third into each one that sends it meets a 429. Returns the start of the next window
    /// and the windows (counted from 0) that probed.
    /// </summary>
    private static (long Now, List<int> Probes) LateProbesMeetFullWindows(DatoCmsRateLimitShare share, long now, int windows)
    {
        var probes = new List<int>();
        for (var window = 0; window < windows; window++, now += Window)
        {
            share.FixedWindowStarted(now, Limit);
            var third = now + (Window / 3);
            if (share.Current(third, Limit) > 20 && share.ClaimProbe())
            {
                probes.Add(window);
                share.Rejected(third, ours: 20, reset: 0, Limit, probe: true);
            }

            Assert.Equal(20, share.Current(third, Limit));
        }

        return (now, probes);
    }

    /// <summary>An answer in a full window of which this process holds <paramref name="ours"/>: counted exactly in a fixed window whose start is known, as the sliding count sees it otherwise (-1: no window count).</summary>
    private static void AnswerInAFullWindow(DatoCmsRateLimitShare share, long now, int ours, bool fixedWindow) =>
        share.Accepted(now, Limit, remaining: 0, ours: ours, uncounted: 0, others: Limit - ours, windowOurs: fixedWindow ? ours : -1, windowOthers: fixedWindow ? Limit - ours : -1);

    /// <summary>
    /// <paramref name="windows"/> windows in which every answer shows the window full and this
    /// process holding <paramref name="ours"/> of it: the estimate of the processes is what that
    /// looks like when the others hold what it holds.
    /// </summary>
    private static long FullWindowsHolding(DatoCmsRateLimitShare share, int ours, int windows)
    {
        var now = 0L;
        for (var step = 0; step < 20 * windows; step++, now += Window / 20)
        {
            AnswerInAFullWindow(share, now, ours, fixedWindow: false);
        }

        return now;
    }

    /// <summary>
    /// Three processes started together, 24 requests each: this one's first burst is in flight when
    /// the window fills, and its next two requests are rejected while it holds 21, then 20.
    /// </summary>
    private static DatoCmsRateLimitShare AFirstWindowEndedByRejections()
    {
        var share = new DatoCmsRateLimitShare(Window);
        share.Accepted(0, Limit, remaining: 30, ours: 24, uncounted: 0, others: 0, settled: false);
        share.Rejected(1, ours: 21, reset: Stopwatch.Frequency, Limit);
        share.Rejected(2, ours: 20, reset: Stopwatch.Frequency, Limit);
        return share;
    }

    /// <summary>A 429 that leaves this process holding <paramref name="ours"/>, then an answer showing the window full.</summary>
    private static void ACutThenAFullWindowHolding(DatoCmsRateLimitShare share, long now, int ours)
    {
        share.Rejected(now, ours, reset: Stopwatch.Frequency, Limit);
        share.Accepted(now + 1, Limit, remaining: 0, ours: ours, uncounted: 0, others: Limit - ours);
    }

    /// <summary>
    /// A process's first burst of 24 in flight when the first window fills: the first answer shows
    /// room, and the last 12 of the burst are rejected, one after another.
    /// </summary>
    private static DatoCmsRateLimitShare ABurstOf24Of12Rejected()
    {
        var share = new DatoCmsRateLimitShare(Window);
        share.Accepted(0, Limit, remaining: 36, ours: 24, uncounted: 0, others: 0, settled: false);
        for (var rejected = 1; rejected <= 12; rejected++)
        {
            share.Rejected(rejected, ours: 24 - rejected, reset: Stopwatch.Frequency, Limit);
        }

        return share;
    }

    private static long AWindowAtAThirdOfAFullWindow(DatoCmsRateLimitShare share)
    {
        var now = 0L;
        for (var step = 0; step < 20; step++, now += Window / 20)
        {
            share.Accepted(now, Limit, remaining: 0, ours: 20, uncounted: 0, others: 40);
        }

        return now;
    }

    /// <summary>
    /// Rounds of a tenth of a window: each process in turn takes slots up to its share from what the
    /// window has left (a process asking for more gets a 429), then every process reads the
    /// server's X-RateLimit-Remaining on an answer.
    /// </summary>
    private static (int[] Shares, int[] Held) Simulate(int[] start, int rounds, int leaving, bool fixedWindow = false)
    {
        var processes = start.Select(_ => new DatoCmsRateLimitShare(Window)).ToArray();
        var held = start.ToArray();

        // Each starts from its share seen at a full window and its own 429.
        for (var p = 0; p < processes.Length; p++)
        {
            processes[p].Rejected(0, held[p], Stopwatch.Frequency, Limit);
        }

        for (var round = 1; round <= rounds; round++)
        {
            var now = round * Window / 10;
            if (leaving >= 0 && round == rounds / 3)
            {
                held[leaving] = 0;
            }

            for (var i = 0; i < processes.Length; i++)
            {
                var p = (i + round) % processes.Length;
                if (p == leaving && round >= rounds / 3)
                {
                    continue;
                }

                var want = processes[p].Current(now, Limit);
                var free = Limit - held.Sum();
                if (want > held[p] && free <= 0)
                {
                    processes[p].Rejected(now, held[p], Stopwatch.Frequency, Limit);
                }
                else if (want > held[p])
                {
                    held[p] += Math.Min(want - held[p], free);
                }
                else if (want < held[p])
                {
                    held[p] = want;
                }
            }

            for (var p = 0; p < processes.Length; p++)
            {
                if (held[p] > 0)
                {
                    var remaining = Limit - held.Sum();
                    // In a fixed window with a known start, every process's part is counted since the
                    // window's start; -1 is a part not known.
                    var others = held.Sum() - held[p];
                    processes[p].Accepted(now, Limit, remaining, held[p], 0, others, windowOurs: fixedWindow ? held[p] : -1, windowOthers: fixedWindow ? others : -1);
                }
            }
        }

        return (processes.Select(p => p.Current(rounds * Window / 10, Limit)).ToArray(), held);
    }
}
