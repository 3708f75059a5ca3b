using System.Collections.Frozen;
using System.Text;
using DatoCms.ErrorCodes;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>What a user would write without the generator: enum names converted to and from UPPER_SNAKE_CASE, and hash tables.</summary>
internal static class BaselineCodes
{
    public static readonly Dictionary<string, DatoCmsErrorCode> Dictionary = DatoCmsErrorCodes.All.ToDictionary(c => c.ToApiString(), StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, DatoCmsErrorCode> Frozen = Dictionary.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly HashSet<DatoCmsErrorCode> Transient = new(DatoCmsErrorCodes.TransientCodes);

    public static readonly Dictionary<DatoCmsErrorCode, (string ApiCode, string Summary, bool IsTransient)> Info =
        DatoCmsErrorCodes.All.ToDictionary(c => c, c => (c.ToApiString(), c.GetSummary(), c.IsTransient()));

    /// <summary>RateLimitExceeded → RATE_LIMIT_EXCEEDED, as a user would convert Enum.ToString().</summary>
    public static string ToSnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>RATE_LIMIT_EXCEEDED → RateLimitExceeded, so that Enum.TryParse can be used.</summary>
    public static string ToPascalCase(string snake)
    {
        var builder = new StringBuilder(snake.Length);
        foreach (var part in snake.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(part[0]).Append(part.AsSpan(1).ToString().ToLowerInvariant());
        }

        return builder.ToString();
    }
}
