using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Matches the page's codes with the overlay's. Owns DATO106 (the overlay classifies a code the
/// page lacks) and DATO107 (a page code the overlay does not classify).
/// </summary>
internal static class OverlayCoverage
{
    public static void ReportCodesNotOnPage(MergedOverlay overlay, IReadOnlyList<PageEntry> entries, List<DiagnosticInfo> diagnostics)
    {
        foreach (var code in overlay.Codes.Values)
        {
            // A code that only the package's overlay classifies and the user's newer page dropped
            // is not the user's to fix.
            if (!entries.Any(e => e.Code == code.Code) && !overlay.BundledOnlyCodes.Contains(code.Code))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayCodeNotOnPage, code.Span, code.Code));
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
