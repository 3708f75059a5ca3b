using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Matches the page's codes with the overlay's. Owns DATO106 (the overlay classifies a code the
/// page lacks, without describing it) and DATO107 (a page code the overlay does not classify).
/// An overlay entry with a <c>description</c> defines a code the page lacks: the API sends codes
/// that the documentation does not list.
/// </summary>
internal static class OverlayCoverage
{
    /// <summary>
    /// How many DATO106 reports get a "did you mean" at most: a stale overlay of thousands of entries
    /// would otherwise compare each with every page code on each run.
    /// </summary>
    internal const int MaxSuggestions = 50;

    public static void ReportCodesNotOnPage(MergedOverlay overlay, IReadOnlyList<PageEntry> entries, List<DiagnosticInfo> diagnostics)
    {
        var suggested = 0;
        foreach (var code in overlay.Codes.Values)
        {
            // A code that only the package's overlay classifies and the user's newer page dropped
            // is not the user's to fix.
            if (!code.DefinesCode && !entries.Any(e => e.Code == code.Code) && !overlay.BundledOnlyCodes.Contains(code.Code))
            {
                var meant = suggested < MaxSuggestions ? PageCodeMeantBy(code.Code, entries) : null;
                suggested++;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayCodeNotOnPage, code.Span, code.Code, meant is null ? string.Empty : $" (did you mean '{meant}'?)"));
            }
        }
    }

    /// <summary>
    /// The page code an overlay key most likely misspells: the same but for case, or the one code
    /// one or two edits away (of eight characters or more, so short made-up codes suggest nothing);
    /// null when none or several are that close.
    /// </summary>
    internal static string? PageCodeMeantBy(string key, IReadOnlyList<PageEntry> entries)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var entry in entries)
        {
            var candidate = entry.Code;
            if (string.Equals(candidate, key, System.StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            if (candidate.Length < 8 || System.Math.Abs(candidate.Length - key.Length) > 2)
            {
                continue;
            }

            var distance = EditDistance.Between(key, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (candidate, distance, false);
            }
            else if (distance == bestDistance && candidate != best)
            {
                tie = true;
            }
        }

        return bestDistance <= 2 && !tie ? best : null;
    }

    /// <summary>
    /// The codes the overlay defines and the page lacks, in overlay order: they follow the page's
    /// codes, so adding one never renumbers those. When the page lists the code, the page's text is
    /// used and the overlay's description is not needed any more.
    /// </summary>
    public static IEnumerable<Classification> DefinedByOverlayOnly(MergedOverlay overlay, IReadOnlyList<PageEntry> entries)
    {
        foreach (var name in overlay.CodeOrder)
        {
            var code = overlay.Codes[name];
            if (code.DefinesCode && !entries.Any(e => e.Code == name))
            {
                yield return code;
            }
        }
    }

    /// <summary>The overlay's classification of a page code, or null (reported when the overlay could be read).</summary>
    public static Classification? ClassificationOf(PageEntry entry, MergedOverlay overlay, List<DiagnosticInfo> diagnostics)
    {
        overlay.Codes.TryGetValue(entry.Code, out var classification);
        if (classification is null && overlay.IsReadable)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CodeMissingFromOverlay, entry.HeadingSpan, entry.Code));
        }

        return classification;
    }
}
