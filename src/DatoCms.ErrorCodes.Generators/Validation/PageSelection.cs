using System;
using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Chooses the one error-code page the spec is built from. Owns DATO113 (an overlay but no page)
/// and DATO114 (more than one page).
/// </summary>
internal static class PageSelection
{
    /// <summary>The page in effect, or null when there is none (then nothing is generated).</summary>
    public static SpecFile? Choose(IReadOnlyList<SpecFile> pages, IReadOnlyList<SpecFile> overlays, List<DiagnosticInfo> diagnostics)
    {
        var ordered = PagesInEffect(pages).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            if (overlays.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingPage, null));
            }

            return null;
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultiplePages, SourceSpan.None(ordered[i].Path), ordered[0].Path, ordered[i].Path));
        }

        return ordered[0];
    }

    /// <summary>The user's own pages replace the package's page; the bundled page counts only when there is no other.</summary>
    private static IReadOnlyList<SpecFile> PagesInEffect(IReadOnlyList<SpecFile> pages)
    {
        var ownPages = pages.Where(p => !p.IsBundled).ToList();
        return ownPages.Count > 0 ? ownPages : pages;
    }
}
