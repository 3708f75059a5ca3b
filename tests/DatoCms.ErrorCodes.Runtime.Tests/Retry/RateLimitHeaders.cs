using System.Collections.Generic;
using System.Globalization;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>The rate-limit headers of an API answer, for tests that report answers to a limiter directly.</summary>
internal static class RateLimitHeaders
{
    public static KeyValuePair<string, IEnumerable<string>>[] Of(int limit, int remaining, string? reset = null)
    {
        var headers = new List<KeyValuePair<string, IEnumerable<string>>>
        {
            new("X-RateLimit-Limit", new[] { limit.ToString(CultureInfo.InvariantCulture) }),
            new("X-RateLimit-Remaining", new[] { remaining.ToString(CultureInfo.InvariantCulture) }),
        };
        if (reset is not null)
        {
            headers.Add(new("X-RateLimit-Reset", new[] { reset }));
        }

        return headers.ToArray();
    }
}
