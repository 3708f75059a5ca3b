using System.Collections.Generic;
using System.Linq;
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
    public static void ReportCodesNotOnPage(MergedOverlay overlay, IReadOnlyList<PageEntry> entries, List<DiagnosticInfo> diagnostics)
    {
        foreach (var code in overlay.Codes.Values)
        {
            // A code that only the package's overlay classifies and the user's newer page dropped
            // is not the user's to fix.
            if (!code.DefinesCode && !entries.Any(e => e.Code == code.Code) && !overlay.BundledOnlyCodes.Contains(code.Code))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayCodeNotOnPage, code.Span, code.Code));
            }
        }
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
