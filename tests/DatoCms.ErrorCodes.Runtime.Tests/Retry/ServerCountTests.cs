using System;
using System.Threading;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// A request whose answer was slow holds its slot by the clock until a window after the answer:
/// nothing says how much of the wait came before the server counted it. When the server's own count
/// proves it out of the window, it is reused a window after it left instead; a count that proves
/// nothing changes nothing. Each test's slow request is answered a second after it left, in a
/// window of two, so the two times are a second apart and the checks hold on a busy machine. It is
/// sent after a first request was answered and has left the window: the requests sent before any
/// answer came are left to the clock (their time went into opening connections).
/// </summary>
public class ServerCountTests
{
    private const int Limit = 2;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ARequestTheServerNoLongerCountsIsReusedAWindowAfterItLeft()
    {
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        await FillWithASlowRequestAsync(limiter);

        // The next request is the only one in the server's window (its fixed window has started
        // again): the slow one was counted in an earlier window.
        var next = await limiter.AcquireAsync(CancellationToken.None);
        next.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));

        // Reusable a window after the slow request left (a second from now, less however late the
        // test woke), not a window after its answer (two seconds).
        Assert.True(limiter.Held < Limit || NextFreeIn(limiter) < TimeSpan.FromSeconds(1.5), "held by the clock");
    }

    [Fact]
    public async Task ACountThatStillHoldsTheSlowRequestFreesNothingEarly()
    {
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        await FillWithASlowRequestAsync(limiter);
        var next = await limiter.AcquireAsync(CancellationToken.None);

        // Counted with the slow one.
        next.Complete(200, RateLimitHeaders.Of(Limit, 0));

        Assert.True(NextFreeIn(limiter) > TimeSpan.FromSeconds(1.5), "freed at " + NextFreeIn(limiter));
    }

    [Fact]
    public async Task ARequestAnsweredAfterTheCountedOneLeftIsNotProvedOut()
    {
        // Sent together: the slow request may have reached the counter after the other one, in
        // the next window, so the other's count says nothing about it.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        await AnswerAFirstRequestAsync(limiter);
        var tickets = new DatoCmsRateLimitTicket[Limit];
        for (var i = 0; i < Limit; i++)
        {
            tickets[i] = await limiter.AcquireAsync(CancellationToken.None);
        }

        await Task.Delay(SlowAnswer);
        for (var i = 0; i < Limit - 1; i++)
        {
            tickets[i].Complete(200, RateLimitHeaders.Of(Limit, Limit - 1 - i));
        }

        tickets[Limit - 1].Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));

        Assert.True(NextFreeIn(limiter) > TimeSpan.FromSeconds(1.5), "freed at " + NextFreeIn(limiter));
    }

    [Fact]
    public async Task AnAbandonedRequestIsNeverProvedOut()
    {
        // A request given up (a timeout, say) may still reach the counter after that.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        await FillWithASlowRequestAsync(limiter, slow => slow.Abandon());
        var next = await limiter.AcquireAsync(CancellationToken.None);

        next.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));

        Assert.True(NextFreeIn(limiter) > TimeSpan.FromSeconds(1.5), "freed at " + NextFreeIn(limiter));
    }

    [Fact]
    public async Task AnAnswerWithoutTheApisHeadersIsNeverProvedOut()
    {
        // A gateway's 502 carries no rate-limit headers: the API may not have counted it yet.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        await FillWithASlowRequestAsync(limiter, slow => slow.Complete(502, null));
        var next = await limiter.AcquireAsync(CancellationToken.None);

        next.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));

        Assert.True(NextFreeIn(limiter) > TimeSpan.FromSeconds(1.5), "freed at " + NextFreeIn(limiter));
    }

    [Fact]
    public async Task TheFirstBurstIsLeftToTheClock()
    {
        // Sent before any answer came, its slow answer went into opening a connection, before the
        // counter: reused a window after it left, the process that started first sent its next
        // burst right as the window started again, ahead of processes that started a moment later.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        var slow = await limiter.AcquireAsync(CancellationToken.None);
        await Task.Delay(SlowAnswer);
        slow.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));
        var next = await limiter.AcquireAsync(CancellationToken.None);

        next.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));

        Assert.True(NextFreeIn(limiter) > TimeSpan.FromSeconds(1.5), "freed at " + NextFreeIn(limiter));
    }

    /// <summary>
    /// Sends a first request, answered at once, and waits until it has left the window; then sends
    /// one and answers it (or gives it to <paramref name="answer"/>) a second after it left.
    /// </summary>
    private static async Task FillWithASlowRequestAsync(DatoCmsRateLimiter limiter, Action<DatoCmsRateLimitTicket>? answer = null)
    {
        await AnswerAFirstRequestAsync(limiter);
        var slow = await limiter.AcquireAsync(CancellationToken.None);
        await Task.Delay(SlowAnswer);
        if (answer is null)
        {
            slow.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));
        }
        else
        {
            answer(slow);
        }
    }

    /// <summary>
    /// Two requests answered at once, their slots free again a window later: the second's round trip
    /// is the shortest seen (the first's measures nothing), so by the clock a slow answer's slot is
    /// held a window after the answer, not after the request left.
    /// </summary>
    private static async Task AnswerAFirstRequestAsync(DatoCmsRateLimiter limiter)
    {
        var first = await limiter.AcquireAsync(CancellationToken.None);
        first.Complete(200, RateLimitHeaders.Of(Limit, Limit - 1));
        var second = await limiter.AcquireAsync(CancellationToken.None);
        second.Complete(200, RateLimitHeaders.Of(Limit, Limit - 2));
        await Task.Delay(Window + TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, limiter.Held);
    }

    /// <summary>How long until the next slot frees, with every slot taken.</summary>
    private static TimeSpan NextFreeIn(DatoCmsRateLimiter limiter)
    {
        Assert.Equal(Limit, limiter.Held);
        Assert.False(limiter.TryAcquire(out _, out var retryAfter));
        return retryAfter;
    }
}
