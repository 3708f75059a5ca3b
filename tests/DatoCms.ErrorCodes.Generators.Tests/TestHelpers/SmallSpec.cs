using System.Linq;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>Pieces of a small valid spec that diagnostic tests build on.</summary>
internal static class SmallSpec
{
    /// <summary>The five limits the retry handler needs, on overlay lines 1 to 6, so that DATO118 stays quiet.</summary>
    public const string Limits = "limits:\n  requests-per-window: 60\n  rate-limit-window-seconds: 3\n  rate-limit-limit-header: X-RateLimit-Limit\n  rate-limit-remaining-header: X-RateLimit-Remaining\n  rate-limit-reset-header: X-RateLimit-Reset\n";

    /// <summary>A page with one entry per code; each entry takes four lines, so code n's heading is on line 4n - 3.</summary>
    public static string Page(params string[] codes) => string.Concat(codes.Select(c => $"###### `{c}`\n\nDescription of {c}. More.\n\n"));
}
