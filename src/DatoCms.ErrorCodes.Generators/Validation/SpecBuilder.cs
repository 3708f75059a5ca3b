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
            AddModel(entry.Code, entry.HeadingSpan, entry.Description, entry.Summary, classification);
        }

        foreach (var code in OverlayCoverage.DefinedByOverlayOnly(overlay, entries))
        {
            AddModel(code.Code, code.Span, code.Description!, SummaryExtractor.FirstSentence(code.Description!), code);
        }

        var limits = LimitBuilder.Build(overlay, pageFile.Path, diagnostics);
        var spec = new ErrorSpec(
            docsUrl,
            models.ToEquatableArray(),
            FamilyRule.InUse(models).ToEquatableArray(),
            limits.ToEquatableArray(),
            LimitBuilder.RateLimitWindowSource(limits));
        return new SpecResult(spec, diagnostics.ToEquatableArray());

        void AddModel(string code, SourceSpan span, string description, string defaultSummary, Classification? classification)
        {
            if (!names.TryAllocate(code, span, classification, diagnostics, out var member, out var exception))
            {
                return;
            }

            var (family, familyMember) = families.Allocate(classification?.Family, code, diagnostics);
            var summary = classification?.Summary is { Length: > 0 } own ? own : defaultSummary;
            models.Add(new ErrorCodeModel(
                code,
                member,
                exception,
                summary,
                description,
                docsUrl + "#" + code,
                classification?.RetryKind ?? DatoRetryKind.None,
                family,
                familyMember));
        }
    }
}
