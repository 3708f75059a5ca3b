using System.Collections.Generic;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// The limits the generated code documents by name. Required ones are what the retry handler
/// reads; when the overlay leaves one out (or DATO112 rejects it), today's value is used and
/// DATO118 says so. Counts and sizes must be positive <c>int</c> values: the retry handler
/// assigns the rate-limit numbers to <c>int</c> fields, and a zero or negative limit is a typo,
/// never a real plan. The two the handler computes with have a smaller ceiling, the one its
/// options accept (100,000 requests, a window of a day): beyond it the generated defaults would
/// be refused at run time.
/// </summary>
internal static class KnownLimits
{
    public const string RequestsPerWindow = "requests-per-window";
    public const string WindowSeconds = "rate-limit-window-seconds";
    public const string LimitHeader = "rate-limit-limit-header";
    public const string RemainingHeader = "rate-limit-remaining-header";
    public const string ResetHeader = "rate-limit-reset-header";

    public sealed record Known(string Summary, string? RequiredDefault, bool IsCount, int Max = int.MaxValue);

    public static IReadOnlyDictionary<string, Known> ByKey { get; } = new Dictionary<string, Known>
    {
        [RequestsPerWindow] = new("How many requests one API token may make in one rate-limit window.", "60", IsCount: true, Max: 100000),
        [WindowSeconds] = new("The length of the rate-limit window, in seconds.", "3", IsCount: true, Max: 86400),
        ["max-record-size-kilobytes"] = new("The largest size of one record, in kilobytes. Nested blocks count toward it; assets and linked records do not.", null, IsCount: true),
        ["max-blocks-per-record"] = new("The most blocks one record may hold, counting nested blocks.", null, IsCount: true),
        ["max-block-nesting-depth"] = new("How many levels deep blocks may be nested inside a record.", null, IsCount: true),
        ["concurrent-editors-per-record"] = new("How many users may edit one record at the same time.", null, IsCount: true),
        ["max-asset-size-gigabytes"] = new("The largest file one upload may hold, in gigabytes.", null, IsCount: true),
        ["max-operations-per-batch"] = new("The most operations one batch request may carry.", null, IsCount: true),
        [LimitHeader] = new("The response header that carries the number of requests allowed per window.", "X-RateLimit-Limit", IsCount: false),
        [RemainingHeader] = new("The response header that carries the number of requests left in the current window.", "X-RateLimit-Remaining", IsCount: false),
        [ResetHeader] = new("The response header that carries the seconds to wait before the next request may be made; present and positive on a 429.", "X-RateLimit-Reset", IsCount: false),
    };

    /// <summary>In the order they are emitted when the overlay leaves them out.</summary>
    public static IReadOnlyList<string> RequiredKeys { get; } = new[] { RequestsPerWindow, WindowSeconds, LimitHeader, RemainingHeader, ResetHeader };
}
