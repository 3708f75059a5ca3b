using System;
using System.Collections.Generic;
using System.Linq;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// Rate-limit headers no real server sends (huge, negative, unreadable, not finite) leave
/// <see cref="DatoCmsRateLimiter"/> working: nothing throws, and it still hands out slots or names a wait. This
/// project compiles with overflow checks on (as a consumer may), so arithmetic that overflows on
/// such values fails here instead of wrapping silently.
/// </summary>
public class OddRateLimitHeaderTests
{
    private const int Limit = 60;

    public static TheoryData<string?, string?, string?> OddHeaders() => new()
    {
        { "2147483647", "2147483647", null },
        { "60", "2147483647", null },
        { "60", "100001", null },
        { "2147483648", "-1", null },
        { "0", "0", "0" },
        { "-60", "59", "-1" },
        { "abc", "", "NaN" },
        { "60", "0", "Infinity" },
        { "60", "0", "1e308" },
        { "60", "0", "2678399" },
        { "60", "0", "99999999999" },
        { "1", "2147483647", "0.000000001" },
        { null, "2147483647", "1" },
        { "100000", "99999", null },
    };

    [Theory]
    [MemberData(nameof(OddHeaders))]
    public void OddHeadersNeverThrow(string? limit, string? remaining, string? reset)
    {
        var limiter = new DatoCmsRateLimiter(Limit, TimeSpan.FromSeconds(3));
        var headers = Headers(limit, remaining, reset);

        // Accepted answers, 429s and observed answers of others, in turns.
        for (var round = 0; round < 30; round++)
        {
            if (!limiter.TryAcquire(out var ticket, out _))
            {
                break;
            }

            ticket!.Complete(round % 3 == 2 ? 429 : 200, headers);
            limiter.Observe(round % 2 == 0 ? 200 : 429, headers);
        }

        // Still a limiter: it hands out a slot or names a wait that is not negative.
        if (!limiter.TryAcquire(out var last, out var retryAfter))
        {
            Assert.True(retryAfter >= TimeSpan.Zero, retryAfter.ToString());
        }
        else
        {
            last!.Abandon();
        }
    }

    private static KeyValuePair<string, IEnumerable<string>>[] Headers(string? limit, string? remaining, string? reset) =>
        new[] { ("X-RateLimit-Limit", limit), ("X-RateLimit-Remaining", remaining), ("X-RateLimit-Reset", reset) }
            .Where(header => header.Item2 is not null)
            .Select(header => new KeyValuePair<string, IEnumerable<string>>(header.Item1, new[] { header.Item2! }))
            .ToArray();
}
