using System;
using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// The page's entries as the spec uses them. Owns DATO102 (a code twice), DATO108 (no description)
/// and DATO115 (no codes at all).
/// </summary>
internal static class PageEntries
{
    /// <summary>Each code once, in page order; later duplicates are reported and dropped.</summary>
    public static List<PageEntry> Unique(ErrorPage page, string pagePath, List<DiagnosticInfo> diagnostics)
    {
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = new List<PageEntry>();
        foreach (var entry in page.Entries)
        {
            if (firstLine.TryGetValue(entry.Code, out var line))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateCode, entry.HeadingSpan, entry.Code, line + 1));
                continue;
            }

            firstLine.Add(entry.Code, entry.HeadingSpan.Line);
            unique.Add(entry);
        }

        if (unique.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoCodesOnPage, SourceSpan.None(pagePath)));
        }

        return unique;
    }

    public static void CheckDescription(PageEntry entry, List<DiagnosticInfo> diagnostics)
    {
        if (entry.Description.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyDescription, entry.HeadingSpan, entry.Code));
        }
    }
}
