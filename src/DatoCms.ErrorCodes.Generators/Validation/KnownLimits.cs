using System.Collections.Generic;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// The limits the generated code documents by name. Required ones are what the retry handler
/// reads; when the overlay leaves one out, today's value is used and DATO112 says so.
/// </summary>
internal static class KnownLimits
{
    public const string RequestsPerWindow = "requests-per-window";
    public const string WindowSeconds = "rate-limit-window-seconds";
    public const string LimitHeader = "rate-limit-limit-header";
    public const string RemainingHeader = "rate-limit-remaining-header";
    public const string ResetHeader = "rate-limit-reset-header";

    public sealed record Known(string Summary, string? RequiredDefault);

    public static IReadOnlyDictionary<string, Known> ByKey { get; } = new Dictionary<string, Known>
    {
        [RequestsPerWindow] = new("How many requests one API token may make in one rate-limit window.", "60"),
        [WindowSeconds] = new("The length of the rate-limit window, in seconds.", "3"),
        ["max-record-size-kilobytes"] = new("The largest size of one record, in kilobytes. Nested blocks count toward it; assets and linked records do not.", null),
        ["max-blocks-per-record"] = new("The most blocks one record may hold, counting nested blocks.", null),
        ["max-block-nesting-depth"] = new("How many levels deep blocks may be nested inside a record.", null),
        ["concurrent-editors-per-record"] = new("How many users may edit one record at the same time.", null),
        ["max-asset-size-gigabytes"] = new("The largest file one upload may hold, in gigabytes.", null),
        ["max-operations-per-batch"] = new("The most operations one batch request may carry.", null),
        [LimitHeader] = new("The response header that carries the number of requests allowed per window.", "X-RateLimit-Limit"),
        [RemainingHeader] = new("The response header that carries the number of requests left in the current window.", "X-RateLimit-Remaining"),
        [ResetHeader] = new("The response header that carries the seconds to wait before the next request may be made; present and positive on a 429.", "X-RateLimit-Reset"),
    };

    /// <summary>In the order they are emitted when the overlay leaves them out.</summary>
    public static IReadOnlyList<string> RequiredKeys { get; } = new[] { RequestsPerWindow, WindowSeconds, LimitHeader, RemainingHeader, ResetHeader };
}
