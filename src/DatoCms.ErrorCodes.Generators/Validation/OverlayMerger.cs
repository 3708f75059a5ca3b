using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Reads every overlay and layers them: the package's overlays first, then the user's, each group
/// by path; later ones override earlier ones key by key within a code's entry, and limit by limit. What each file says is
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

                var classified = Classify(code, diagnostics);
                if (merged.Codes.TryGetValue(code.Code, out var earlier))
                {
                    classified = KeepWhatTheLaterEntryLeavesOut(classified, code, earlier);
                }

                merged.Codes[code.Code] = classified;
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

    // A later entry changes only the keys it has: `ITEM_LOCKED: { member: RecordLocked }` in a
    // project's overlay renames the member and keeps the package's `retry: backoff`. Replacing the
    // whole entry made such a rename turn a transient code permanent without a word (a new user's
    // trial), and a misspelt key (DATO111) did the same. A value that is there but not understood
    // (DATO109) still counts as said: it is reported where it is written.
    private static Classification KeepWhatTheLaterEntryLeavesOut(Classification later, OverlayCode written, Classification earlier) => later with
    {
        RetryKind = written.RetryKind is null ? earlier.RetryKind : later.RetryKind,
        Family = written.Family is null ? earlier.Family : later.Family,
        MemberName = written.MemberName ?? earlier.MemberName,
        ExceptionName = written.ExceptionName ?? earlier.ExceptionName,
        Summary = written.Summary ?? earlier.Summary,
        Description = written.Description ?? earlier.Description,
    };

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
