using System.Collections.Generic;
using System.Threading;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Builds the one <see cref="ErrorSpec"/> the emitters read from the page and the overlays, step by
/// step; each step is a class of its own and the only one to report its diagnostics. Never throws
/// for bad input: the worst spec still yields a usable model plus diagnostics.
/// </summary>
internal static class SpecBuilder
{
    public static SpecResult Build(IReadOnlyList<SpecFile> pages, IReadOnlyList<SpecFile> overlays, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var pageFile = PageSelection.Choose(pages, overlays, diagnostics);
        if (pageFile is null)
        {
            return new SpecResult(null, diagnostics.ToEquatableArray());
        }

        var page = MarkdownPageReader.Read(pageFile.Path, pageFile.Text, cancellationToken);
        diagnostics.AddRange(page.Diagnostics);

        var overlay = OverlayMerger.Merge(overlays, diagnostics, cancellationToken);
        var docsUrl = DocsUrlRule.Resolve(overlay.DocsUrls, diagnostics);
        var entries = PageEntries.Unique(page, pageFile.Path, diagnostics);
        OverlayCoverage.ReportCodesNotOnPage(overlay, entries, diagnostics);

        var models = new List<ErrorCodeModel>();
        var names = new NameAllocator();
        var families = new FamilyRule();
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var classification = OverlayCoverage.ClassificationOf(entry, overlay, diagnostics);
            PageEntries.CheckDescription(entry, diagnostics);
            if (!names.TryAllocate(entry.Code, entry.HeadingSpan, classification, diagnostics, out var member, out var exception))
            {
                continue;
            }

            var (family, familyMember) = families.Allocate(classification?.Family, entry.Code, diagnostics);
            var summary = classification?.Summary is { Length: > 0 } own ? own : entry.Summary;
            models.Add(new ErrorCodeModel(
                entry.Code,
                member,
                exception,
                summary,
                entry.Description,
                docsUrl + "#" + entry.Code,
                classification?.RetryKind ?? DatoRetryKind.None,
                family,
                familyMember));
        }

        var limits = LimitBuilder.Build(overlay, pageFile.Path, diagnostics);
        var spec = new ErrorSpec(
            docsUrl,
            models.ToEquatableArray(),
            FamilyRule.InUse(models).ToEquatableArray(),
            limits.ToEquatableArray(),
            LimitBuilder.RateLimitWindowSource(limits));
        return new SpecResult(spec, diagnostics.ToEquatableArray());
    }
}
