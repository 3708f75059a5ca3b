using System;
using System.Collections.Generic;
using System.Linq;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>The delays the handler and <see cref="DatoCmsRetry"/> wait: exponential, capped, jittered.</summary>
public class RetryPolicyTests
{
    [Fact]
    public void BackoffDoublesUpToTheCapWithoutJitter()
    {
        var options = new DatoCmsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), UseJitter = false };

        Assert.Equal(
            new[] { 100.0, 200, 400, 800, 1000, 1000 },
            new[] { 1, 2, 3, 4, 5, 40 }.Select(n => DatoCmsRetryPolicy.Backoff(n, options).TotalMilliseconds));
    }

    [Fact]
    public void JitterStaysBetweenHalfAndAllOfTheDelay()
    {
        var options = new DatoCmsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        var seen = new HashSet<double>();

        for (var i = 0; i < 500; i++)
        {
            var delay = DatoCmsRetryPolicy.Backoff(3, options).TotalMilliseconds;
            Assert.InRange(delay, 200, 400);
            seen.Add(delay);
        }

        Assert.True(seen.Count > 100, "jitter should spread the delays");
    }

    [Fact]
    public void RetryDecisionFollowsTheRetryKind()
    {
        var options = new DatoCmsRetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1) };
        var reset = new[] { new KeyValuePair<string, IEnumerable<string>>("X-RateLimit-Reset", new[] { "12" }) };
        static string Body(string code) => "{\"data\":[{\"id\":\"e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"" + code + "\"}}]}";

        Assert.Equal(TimeSpan.FromSeconds(12), DatoCmsRetryPolicy.GetDelay(DatoCmsApiException.FromResponse(429, Body("RATE_LIMIT_EXCEEDED"), reset), 1, false, options));
        Assert.Equal(TimeSpan.FromSeconds(1), DatoCmsRetryPolicy.GetDelay(DatoCmsApiException.FromResponse(429, string.Empty), 1, false, options));
        Assert.Equal(TimeSpan.FromSeconds(2), DatoCmsRetryPolicy.GetDelay(DatoCmsApiException.FromResponse(422, Body("ITEM_LOCKED")), 2, false, options));
        Assert.Null(DatoCmsRetryPolicy.GetDelay(DatoCmsApiException.FromResponse(422, Body("STALE_ITEM_VERSION")), 1, true, options));
        Assert.Null(DatoCmsRetryPolicy.GetDelay(DatoCmsApiException.FromResponse(422, Body("INVALID_FIELD")), 1, true, options));
        Assert.Null(DatoCmsRetryPolicy.GetDelay(DatoCmsApiException.FromResponse(503, string.Empty), 1, false, options));
        Assert.Equal(TimeSpan.FromSeconds(1), DatoCmsRetryPolicy.GetDelay(DatoCmsApiException.FromResponse(503, string.Empty), 1, true, options));
        Assert.Null(DatoCmsRetryPolicy.GetDelay(DatoCmsApiException.FromResponse(500, string.Empty), 1, true, options));
    }
}
