using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Turns the overlay's limits into the constants of <c>DatoCmsLimits</c>. Owns DATO112 (a limit
/// that cannot be used) and DATO118 (limits the retry handler needs, filled in with today's values).
/// </summary>
internal static class LimitBuilder
{
    /// <summary>Whether a limit has one value (a number or a string); a mapping or list is reported.</summary>
    public static bool HasSingleValue(OverlayLimit limit, List<DiagnosticInfo> diagnostics)
    {
        if (limit.Value is not null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, limit.KeySpan, limit.Key, "its value must be a number or a string"));
        return false;
    }

    /// <summary>The limits in overlay order, then the required ones the overlay left out.</summary>
    public static List<LimitModel> Build(MergedOverlay overlay, string pagePath, List<DiagnosticInfo> diagnostics)
    {
        var limits = new List<LimitModel>();
        foreach (var limit in overlay.Limits)
        {
            var value = limit.Value!;
            if (!KebabCase.IsMatch(limit.Key))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, value.Span, limit.Key, "its name must be lower-case kebab-case"));
                continue;
            }

            if (value.Value.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, value.Span, limit.Key, "it has no value"));
                continue;
            }

            if (MisspeltKnownKey(limit.Key) is { } meant)
            {
                // As a limit of its own it would become a second constant, and the one meant would keep its old value unnoticed.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, value.Span, limit.Key, $"it looks like a misspelling of '{meant}', a limit the generator knows"));
                continue;
            }

            if (KnownLimits.ByKey.TryGetValue(limit.Key, out var known) && known.IsCount && !IsPositiveInt(value, known.Max))
            {
                // "3" in quotes is a string to YAML: say so, or the message reads as if 3 were out of range.
                var unquoted = value.IsQuoted && IsPositiveInt(value with { IsQuoted = false }, known.Max)
                    ? " (it is quoted: write it without quotes)"
                    : string.Empty;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, value.Span, limit.Key, "it must be a whole number from 1 to " + known.Max.ToString(CultureInfo.InvariantCulture) + unquoted));
                continue;
            }

            var member = CSharpNames.ToPascalCase(limit.Key);
            if (member == GeneratedNames.Limits)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, value.Span, limit.Key, $"its C# name '{member}' is the name of the class itself"));
                continue;
            }

            if (limits.Find(l => l.MemberName == member) is { } taken)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, value.Span, limit.Key, $"its C# name '{member}' is already used by limit '{taken.Key}'"));
                continue;
            }

            limits.Add(ToModel(limit.Key, value.Value, value.IsQuoted));
        }

        var missing = KnownLimits.RequiredKeys.Where(k => !limits.Any(l => l.Key == k)).ToList();
        foreach (var key in missing)
        {
            var known = KnownLimits.ByKey[key];
            limits.Add(ToModel(key, known.RequiredDefault!, quoted: !known.IsCount));
        }

        if (missing.Count > 0 && overlay.IsReadable)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MissingRequiredLimits,
                SourceSpan.None(overlay.LastPath ?? pagePath),
                string.Join(", ", missing),
                string.Join(", ", missing.Select(k => KnownLimits.ByKey[k].RequiredDefault))));
        }

        return limits;
    }

    /// <summary>
    /// The constant <c>DatoCmsLimits.RateLimitWindow</c> is built from: the window's length when it
    /// is a whole number and no limit of the overlay already took the name; else null.
    /// </summary>
    public static string? RateLimitWindowSource(IReadOnlyList<LimitModel> limits)
    {
        var window = limits.FirstOrDefault(l => l.Key == KnownLimits.WindowSeconds);
        return window is { Kind: LimitValueKind.Integer } && !limits.Any(l => l.MemberName == GeneratedNames.RateLimitWindowMember)
            ? window.MemberName
            : null;
    }

    private static LimitModel ToModel(string key, string value, bool quoted)
    {
        var summary = KnownLimits.ByKey.TryGetValue(key, out var known) ? known.Summary : $"The '{key}' limit from the overlay.";
        var kind = LimitValueKind.Text;
        if (!quoted && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            kind = number is >= int.MinValue and <= int.MaxValue ? LimitValueKind.Integer : LimitValueKind.Long;
            value = number.ToString(CultureInfo.InvariantCulture);
        }

        return new LimitModel(key, CSharpNames.ToPascalCase(key), kind, value, summary);
    }

    /// <summary>
    /// The known limit <paramref name="key"/> is one or two edits away from, or null. The known
    /// names are 19 characters or more, so two edits never turn one meaningful name into another.
    /// </summary>
    private static string? MisspeltKnownKey(string key)
    {
        if (KnownLimits.ByKey.ContainsKey(key))
        {
            return null;
        }

        foreach (var known in KnownLimits.ByKey.Keys)
        {
            if (System.Math.Abs(known.Length - key.Length) <= 2 && EditDistance.Between(key, known) <= 2)
            {
                return known;
            }
        }

        return null;
    }

    private static bool IsPositiveInt(YamlScalar value, int max) =>
        !value.IsQuoted && long.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max;
}
