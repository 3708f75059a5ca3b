using System.Globalization;
using System.Text;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>Builds a page and overlay of any size in the vendor's format, to show how generator time grows.</summary>
internal static class SyntheticSpec
{
    private static readonly string[] Retry = { "none", "none", "none", "backoff", "rate-limit", "refresh" };
    private static readonly string[] Family = { "validation", "concurrency", "uploads", "environment", "auth" };

    public static (string Page, string Overlay) Create(int codes)
    {
        var page = new StringBuilder("# Errors\n\nSynthetic page.\n\n## Error codes\n\n");
        var overlay = new StringBuilder("limits:\n  requests-per-window: 60\n  rate-limit-window-seconds: 3\n  rate-limit-limit-header: X-RateLimit-Limit\n  rate-limit-remaining-header: X-RateLimit-Remaining\n  rate-limit-reset-header: X-RateLimit-Reset\ncodes:\n");
        for (var i = 0; i < codes; i++)
        {
            var code = "SYNTHETIC_ERROR_" + i.ToString("D5", CultureInfo.InvariantCulture);
            page.Append("###### `").Append(code).Append("`\n\n")
                .Append("This error number ").Append(i).Append(" happens when a **field** of an `item_type` is wrong. ")
                .Append("Fix the [payload](https://example.test/docs) and send it again.\n\n");
            overlay.Append("  ").Append(code).Append(": { retry: ").Append(Retry[i % Retry.Length]).Append(", family: ").Append(Family[i % Family.Length]).Append(" }\n");
        }

        return (page.ToString(), overlay.ToString());
    }
}
