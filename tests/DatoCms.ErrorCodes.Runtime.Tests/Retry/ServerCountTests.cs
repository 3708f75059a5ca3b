using System;
using System.Threading;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// Slots that the server's own count proves out of its window are free at once; a count that
/// proves nothing frees nothing. The window here is long (10 s), so every slot freed in these
/// tests was freed by an answer, never by the clock.
/// </summary>
public class ServerCountTests
{
    private const int Limit = 4;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RequestsAnsweredBeforeOneTheServerCountsAloneAreOutOfTheWindow()
    {
        // Two requests answered, then two more sent; the first of those is the only one in the
        // server's window (its fixed window has started again): the first two were counted in an
        // earlier window, so their slots are free although a window has not passed since.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        var first = await limiter.AcquireAsync(CancellationToken.None);
        var second = await limiter.AcquireAsync(CancellationToken.None);
        first.Complete(200, RateLimitHeaders.Of(Limit, 3));
        second.Complete(200, RateLimitHeaders.Of(Limit, 2));
        var third = await limiter.AcquireAsync(CancellationToken.None);
        var fourth = await limiter.AcquireAsync(CancellationToken.None);
        Assert.Equal(0, limiter.Available);

        third.Complete(200, RateLimitHeaders.Of(Limit, 3));

        // The third is held (counted now), the fourth is in flight; the first two are free.
        Assert.Equal(2, limiter.Held);
        fourth.Complete(200, RateLimitHeaders.Of(Limit, 2));
        Assert.Equal(2, limiter.Held);
    }

    [Fact]
    public async Task ACountThatStillHoldsTheEarlierRequestsFreesNothing()
    {
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        var first = await limiter.AcquireAsync(CancellationToken.None);
        var second = await limiter.AcquireAsync(CancellationToken.None);
        first.Complete(200, RateLimitHeaders.Of(Limit, 3));
        second.Complete(200, RateLimitHeaders.Of(Limit, 2));
        var third = await limiter.AcquireAsync(CancellationToken.None);

        // Three in the window: the first two and this one.
        third.Complete(200, RateLimitHeaders.Of(Limit, 1));

        Assert.Equal(3, limiter.Held);
    }

    [Fact]
    public async Task RequestsAnsweredAfterTheCountedOneLeftProveNothing()
    {
        // Three requests sent together. The third's answer says it was alone in the window, but
        // the other two were answered after it left: they may have reached the counter after it,
        // in the next window, so nothing tells that they are out.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        var first = await limiter.AcquireAsync(CancellationToken.None);
        var second = await limiter.AcquireAsync(CancellationToken.None);
        var third = await limiter.AcquireAsync(CancellationToken.None);
        first.Complete(200, RateLimitHeaders.Of(Limit, 2));
        second.Complete(200, RateLimitHeaders.Of(Limit, 1));

        third.Complete(200, RateLimitHeaders.Of(Limit, 3));

        Assert.Equal(3, limiter.Held);
    }

    [Fact]
    public async Task AnAbandonedRequestIsNeitherFreedNorTakenForCounted()
    {
        // A request given up (a timeout, say) may still reach the counter after that: its slot is
        // held for a window whatever later answers say, and it proves nothing about the others.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        var abandoned = await limiter.AcquireAsync(CancellationToken.None);
        abandoned.Abandon();
        var next = await limiter.AcquireAsync(CancellationToken.None);

        next.Complete(200, RateLimitHeaders.Of(Limit, 3));

        Assert.Equal(2, limiter.Held);
    }

    [Fact]
    public async Task AnAnswerWithoutTheApisHeadersIsNotTakenForCounted()
    {
        // A gateway's 502 carries no rate-limit headers: the API may never have counted it, or may
        // count it later, so it stays held for a window and counts as no evidence.
        var limiter = new DatoCmsRateLimiter(Limit, Window);
        var gateway = await limiter.AcquireAsync(CancellationToken.None);
        gateway.Complete(502, null);
        var counted = await limiter.AcquireAsync(CancellationToken.None);
        var next = await limiter.AcquireAsync(CancellationToken.None);

        next.Complete(200, RateLimitHeaders.Of(Limit, 3));

        // The gateway's slot held, the second in flight, the third counted.
        Assert.Equal(3, limiter.Held);
        counted.Complete(200, RateLimitHeaders.Of(Limit, 2));
        Assert.Equal(3, limiter.Held);
    }
}
