using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Reads every overlay and layers them: the package's overlays first, then the user's, each group
/// by path; later ones replace earlier ones code by code and limit by limit. What each file says is
/// checked as it is read (retry kinds, family spellings, limit shapes), so a problem is reported in
/// the file that has it, even when a later file overrides the entry.
/// </summary>
internal static class OverlayMerger
{
    public static MergedOverlay Merge(IReadOnlyList<SpecFile> overlays, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var merged = new MergedOverlay();
        foreach (var file in overlays.OrderBy(o => o.IsBundled ? 0 : 1).ThenBy(o => o.Path, StringComparer.Ordinal))
        {
            var overlay = OverlayReader.Read(file.Path, file.Text, cancellationToken);
            diagnostics.AddRange(overlay.Diagnostics);
            merged.IsReadable &= overlay.IsReadable;
            merged.LastPath = file.Path;
            if (overlay.DocsUrl is { } docsUrl)
            {
                merged.DocsUrls.Add(docsUrl);
            }

            foreach (var code in overlay.Codes)
            {
                if (!merged.Codes.ContainsKey(code.Code))
                {
                    merged.CodeOrder.Add(code.Code);
                }

                merged.Codes[code.Code] = Classify(code, diagnostics);
                if (file.IsBundled)
                {
                    merged.BundledOnlyCodes.Add(code.Code);
                }
                else
                {
                    merged.BundledOnlyCodes.Remove(code.Code);
                }
            }

            foreach (var limit in overlay.Limits)
            {
                if (!LimitBuilder.HasSingleValue(limit, diagnostics))
                {
                    continue;
                }

                var existing = merged.Limits.FindIndex(l => l.Key == limit.Key);
                if (existing >= 0)
                {
                    merged.Limits[existing] = limit;
                }
                else
                {
                    merged.Limits.Add(limit);
                }
            }
        }

        return merged;
    }

    private static Classification Classify(OverlayCode code, List<DiagnosticInfo> diagnostics) => new(
        code.Code,
        code.Span,
        RetryKindRule.Read(code.RetryKind, code.Code, diagnostics),
        FamilyRule.CheckSpelling(code.Family, code.Code, diagnostics),
        code.MemberName,
        code.ExceptionName,
        code.Summary,
        code.Description);
}
