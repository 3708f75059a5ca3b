namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// What the consumer's language version and references allow the generated code to use, so that
/// a netstandard2.0 project on C# 7.3 compiles as cleanly as a net10.0 one.
/// </summary>
/// <param name="SupportsNullable">C# 8 or later: nullable annotations and #nullable.</param>
/// <param name="HasSpan">ReadOnlySpan and MemoryExtensions exist: span and UTF-8 parsing.</param>
/// <param name="HasEnumMember">EnumMemberAttribute exists: each member carries its API string for serializers and analyzers.</param>
/// <param name="HasJsonEnumMemberName">System.Text.Json's JsonStringEnumMemberNameAttribute (9.0+) exists.</param>
/// <param name="HasSystemTextJson">System.Text.Json's Utf8JsonReader exists: error bodies can be read, so the exceptions are generated.</param>
/// <param name="HasHttpClient">System.Net.Http's DelegatingHandler exists: the retry handler and response extensions are generated.</param>
/// <param name="SupportsUtf8Literals">C# 11 or later: UTF-8 string literals ("..."u8) for the byte parser.</param>
/// <param name="RedisClientMajorVersion">The major version of the referenced StackExchange.Redis, or 0 when it is not referenced.</param>
/// <param name="HasRateLimiting">System.Threading.RateLimiting's RateLimiter exists (the package, or ASP.NET Core's shared framework): the throttle is also a RateLimiter, the handler takes any RateLimiter, and the Redis limiter can be generated.</param>
/// <param name="SupportsInitOnlySetters">C# 9 or later: the Redis limiter sets RateLimiterStatistics' init-only properties.</param>
/// <param name="Integrations">Which optional packages the consumer references (Microsoft.Extensions.Http's <see cref="IntegrationFeatures.HasHttpClientFactory"/> also gives the Redis limiter UseRedisRateLimit).</param>
internal sealed record TargetFeatures(
    bool SupportsNullable,
    bool HasSpan,
    bool HasEnumMember,
    bool HasJsonEnumMemberName,
    bool HasSystemTextJson = true,
    bool HasHttpClient = true,
    bool SupportsUtf8Literals = false,
    int RedisClientMajorVersion = 0,
    bool HasRateLimiting = false,
    bool SupportsInitOnlySetters = true,
    IntegrationFeatures Integrations = default)
{
    public static readonly TargetFeatures Latest = new(SupportsNullable: true, HasSpan: true, HasEnumMember: true, HasJsonEnumMemberName: true, SupportsUtf8Literals: true, HasRateLimiting: true);

    /// <summary>The consumer references StackExchange.Redis, so it is told whether the Redis rate limiter could be generated.</summary>
    public bool WantsRedisLimiter => RedisClientMajorVersion > 0;

    /// <summary>Why the Redis rate limiter cannot be generated for a consumer that references StackExchange.Redis, or null when it can.</summary>
    public string? RedisLimiterUnavailableReason =>
        RetryUnavailableReason is not null ? "it builds on the retry handler, which is not generated here (see DATO120)"
        : RedisClientMajorVersion < 2 ? "it needs StackExchange.Redis 2.0 or later, and this project references version " + RedisClientMajorVersion
        : !SupportsInitOnlySetters ? "it needs C# 9 or later (set LangVersion to 9.0 or higher)"
        : !HasRateLimiting ? "it is a System.Threading.RateLimiting.RateLimiter, and this project does not reference System.Threading.RateLimiting (add the package)"
        : null;

    /// <summary>
    /// Why the typed exceptions cannot be generated, or null when they can. Names every missing
    /// prerequisite at once (the retry handler's too), so that one fix is not followed by another
    /// build that only then names the next.
    /// </summary>
    public string? ExceptionsUnavailableReason
    {
        get
        {
            if (SupportsNullable && HasSpan && HasSystemTextJson)
            {
                return null;
            }

            var needs = new System.Collections.Generic.List<string>();
            if (!SupportsNullable)
            {
                needs.Add("C# 8 or later (set LangVersion to 8.0 or higher)");
            }

            if (!HasSystemTextJson)
            {
                // The System.Text.Json package depends on System.Memory: one reference brings both.
                needs.Add("System.Text.Json to read error bodies (add the System.Text.Json package" + (HasSpan ? ")" : ", which also brings System.ReadOnlySpan<T>)"));
            }
            else if (!HasSpan)
            {
                needs.Add("System.ReadOnlySpan<T> (reference System.Memory)");
            }

            if (!HasHttpClient)
            {
                needs.Add("System.Net.Http for the retry handler (reference it)");
            }

            var last = needs[needs.Count - 1];
            needs.RemoveAt(needs.Count - 1);
            return "they need " + (needs.Count == 0 ? last : string.Join(", ", needs) + " and " + last);
        }
    }

    /// <summary>Why the RateLimiter integration cannot be generated, or null when it can (the retry handler can, and the type exists).</summary>
    public string? RateLimiterUnavailableReason =>
        RetryUnavailableReason
        ?? (!HasRateLimiting ? "it needs System.Threading.RateLimiting, which this project does not reference (add the System.Threading.RateLimiting package; ASP.NET Core and Microsoft.Extensions.Http.Resilience bring it)"
            : !SupportsInitOnlySetters ? "it needs C# 9 or later (set LangVersion to 9.0 or higher)"
            : null);

    /// <summary>Why the retry handler cannot be generated, or null when it can.</summary>
    public string? RetryUnavailableReason =>
        ExceptionsUnavailableReason
        ?? (!HasHttpClient ? "it needs System.Net.Http, which this project does not reference" : null);
}
