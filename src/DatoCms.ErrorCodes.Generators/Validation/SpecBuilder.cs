using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Merges the page and the overlays into one <see cref="ErrorSpec"/> and reports every
/// inconsistency between them. Never throws for bad input: the worst spec still yields a
/// usable model plus diagnostics.
/// </summary>
internal static class SpecBuilder
{
    public const string DefaultDocsUrl = "https://www.datocms.com/docs/content-management-api/errors";

    public static SpecResult Build(IReadOnlyList<SpecFile> pages, IReadOnlyList<SpecFile> overlays, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var orderedPages = PagesInEffect(pages).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        if (orderedPages.Count == 0)
        {
            if (overlays.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingPage, null));
            }

            return new SpecResult(null, diagnostics.ToEquatableArray());
        }

        for (var i = 1; i < orderedPages.Count; i++)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultiplePages, SourceSpan.None(orderedPages[i].Path), orderedPages[0].Path, orderedPages[i].Path));
        }

        var page = MarkdownPageReader.Read(orderedPages[0].Path, orderedPages[0].Text, cancellationToken);
        diagnostics.AddRange(page.Diagnostics);

        var overlay = MergeOverlays(overlays, diagnostics, cancellationToken);
        var docsUrl = (overlay.DocsUrl ?? DefaultDocsUrl).TrimEnd('#', '/');
        foreach (var (span, problem) in overlay.RejectedDocsUrls)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocsUrl, span, problem, docsUrl));
        }

        var entries = UniqueEntries(page, diagnostics);
        if (entries.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoCodesOnPage, SourceSpan.None(orderedPages[0].Path)));
        }

        foreach (var code in overlay.Codes.Values)
        {
            // A code that only the package's overlay classifies and the user's newer page dropped
            // is not the user's to fix.
            if (!entries.Any(e => e.Code == code.Code) && !overlay.BundledOnlyCodes.Contains(code.Code))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayCodeNotOnPage, code.Span, code.Code));
            }
        }

        var models = new List<ErrorCodeModel>();
        var memberOwners = new Dictionary<string, string>(StringComparer.Ordinal) { [GeneratedNames.UnknownMember] = "the Unknown member" };
        var exceptionOwners = GeneratedNames.Reserved.ToDictionary(name => name, name => "the generated type " + name, StringComparer.Ordinal);
        var familyByMember = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            overlay.Codes.TryGetValue(entry.Code, out var classification);
            if (classification is null && overlay.IsReadable)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CodeMissingFromOverlay, entry.HeadingSpan, entry.Code));
            }

            if (entry.Description.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyDescription, entry.HeadingSpan, entry.Code));
            }

            var defaultMember = CSharpNames.ToPascalCase(entry.Code);
            var member = ChooseName(classification?.MemberName, defaultMember, entry.Code, diagnostics);
            var defaultException = member.EndsWith("Exception", StringComparison.Ordinal) ? member : member + "Exception";
            var exception = ChooseName(classification?.ExceptionName, defaultException, entry.Code, diagnostics);
            if (FrameworkExceptionNames.IsCommon(exception))
            {
                var renamed = "DatoCms" + exception;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ExceptionNameTakenByFramework, classification?.ExceptionName?.Span ?? entry.HeadingSpan, entry.Code, exception, renamed));
                exception = renamed;
            }

            if (memberOwners.TryGetValue(member, out var memberOwner))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameClash, classification?.MemberName?.Span ?? entry.HeadingSpan, entry.Code, member, memberOwner));
                continue;
            }

            if (exceptionOwners.TryGetValue(exception, out var exceptionOwner))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameClash, classification?.ExceptionName?.Span ?? entry.HeadingSpan, entry.Code, exception, exceptionOwner));
                continue;
            }

            memberOwners.Add(member, entry.Code);
            exceptionOwners.Add(exception, entry.Code);

            var family = ChooseFamily(classification?.Family, entry.Code, familyByMember, diagnostics);
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
                family.Length == 0 ? GeneratedNames.UnknownMember : CSharpNames.ToPascalCase(family)));
        }

        var families = models
            .Where(m => m.Family.Length > 0)
            .Select(m => new FamilyModel(m.Family, m.FamilyMember))
            .Distinct()
            .OrderBy(f => f.Name, StringComparer.Ordinal);
        var limits = BuildLimits(overlay, orderedPages[0].Path, overlays, diagnostics);
        var window = limits.Find(l => l.Key == KnownLimits.WindowSeconds);
        var windowSeconds = window is { Kind: LimitValueKind.Integer } && !limits.Exists(l => l.MemberName == GeneratedNames.RateLimitWindowMember) ? window.MemberName : null;
        var spec = new ErrorSpec(docsUrl, models.ToEquatableArray(), families.ToEquatableArray(), limits.ToEquatableArray(), windowSeconds);
        return new SpecResult(spec, diagnostics.ToEquatableArray());
    }

    private static List<PageEntry> UniqueEntries(ErrorPage page, List<DiagnosticInfo> diagnostics)
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

        return unique;
    }

    private static string ChooseName(YamlScalar? requested, string fallback, string code, List<DiagnosticInfo> diagnostics)
    {
        if (requested is null)
        {
            return fallback;
        }

        var problem = CSharpNames.Problem(requested.Value);
        if (problem is null)
        {
            return requested.Value;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidName, requested.Span, requested.Value, code, problem, fallback));
        return fallback;
    }

    /// <summary>
    /// Each distinct family becomes a member of DatoCmsErrorFamily, so two spellings with one C# name
    /// (<c>x-1</c> and <c>x1</c>) cannot both be kept: the first one in page order wins. The name
    /// <c>Unknown</c> is the member for codes without a family, so no family may take it.
    /// </summary>
    private static string ChooseFamily(YamlScalar? requested, string code, Dictionary<string, string> familyByMember, List<DiagnosticInfo> diagnostics)
    {
        if (requested is null)
        {
            return string.Empty;
        }

        var member = CSharpNames.ToPascalCase(requested.Value);
        if (member == GeneratedNames.UnknownMember)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFamily, requested.Span, requested.Value, code, $"maps to the C# name '{member}', which {GeneratedNames.ErrorFamily} keeps for codes without a family"));
            return string.Empty;
        }

        if (!familyByMember.TryGetValue(member, out var first))
        {
            familyByMember.Add(member, requested.Value);
            return requested.Value;
        }

        if (first == requested.Value)
        {
            return requested.Value;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFamily, requested.Span, requested.Value, code, $"maps to the C# name '{member}', which is already used by family '{first}'"));
        return string.Empty;
    }

    /// <summary>The user's own pages replace the package's page; the bundled page counts only when there is no other.</summary>
    private static IReadOnlyList<SpecFile> PagesInEffect(IReadOnlyList<SpecFile> pages)
    {
        var ownPages = pages.Where(p => !p.IsBundled).ToList();
        return ownPages.Count > 0 ? ownPages : pages;
    }

    /// <summary>The package's overlays first, then the user's, each group by path: later ones win.</summary>
    private static IEnumerable<SpecFile> InPrecedenceOrder(IReadOnlyList<SpecFile> overlays) =>
        overlays.OrderBy(o => o.IsBundled ? 0 : 1).ThenBy(o => o.Path, StringComparer.Ordinal);

    /// <summary>Later overlays (see <see cref="InPrecedenceOrder"/>) replace earlier ones code by code and limit by limit.</summary>
    private static MergedOverlay MergeOverlays(IReadOnlyList<SpecFile> overlays, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var merged = new MergedOverlay();
        foreach (var file in InPrecedenceOrder(overlays))
        {
            var overlay = OverlayReader.Read(file.Path, file.Text, cancellationToken);
            diagnostics.AddRange(overlay.Diagnostics);
            merged.IsReadable &= overlay.IsReadable;
            if (overlay.DocsUrl is { } docsUrl)
            {
                if (DocsUrlProblem(docsUrl.Value) is { } problem)
                {
                    merged.RejectedDocsUrls.Add((docsUrl.Span, problem));
                }
                else
                {
                    merged.DocsUrl = docsUrl.Value.Trim();
                }
            }

            foreach (var code in overlay.Codes)
            {
                merged.Codes[code.Code] = code;
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

    /// <summary>
    /// Every code's link is this address plus <c>#CODE</c>, in XML docs and in exceptions, so it must
    /// be an absolute web address: an empty or relative one would give links like <c>#ITEM_LOCKED</c>.
    /// </summary>
    private static string? DocsUrlProblem(string value)
    {
        if (value.Trim().Length == 0)
        {
            return "it is empty";
        }

        var isWebAddress = Uri.TryCreate(value.Trim().TrimEnd('#', '/'), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return isWebAddress ? null : $"'{value}' is not an absolute http or https URL";
    }

    private static List<LimitModel> BuildLimits(MergedOverlay overlay, string pagePath, IReadOnlyList<SpecFile> overlays, List<DiagnosticInfo> diagnostics)
    {
        var limits = new List<LimitModel>();
        foreach (var limit in overlay.Limits)
        {
            if (!OverlayReader.IsKebabName(limit.Key))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, limit.Value.Span, limit.Key, "its name must be lower-case kebab-case"));
                continue;
            }

            if (limit.Value.Value.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, limit.Value.Span, limit.Key, "it has no value"));
                continue;
            }

            if (KnownLimits.ByKey.TryGetValue(limit.Key, out var known) && known.IsCount && !IsPositiveInt(limit.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, limit.Value.Span, limit.Key, "it must be a whole number from 1 to " + int.MaxValue.ToString(CultureInfo.InvariantCulture)));
                continue;
            }

            var member = CSharpNames.ToPascalCase(limit.Key);
            if (member == GeneratedNames.Limits)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, limit.Value.Span, limit.Key, $"its C# name '{member}' is the name of the class itself"));
                continue;
            }

            if (limits.Find(l => l.MemberName == member) is { } taken)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLimit, limit.Value.Span, limit.Key, $"its C# name '{member}' is already used by limit '{taken.Key}'"));
                continue;
            }

            limits.Add(ToModel(limit.Key, limit.Value.Value, limit.Value.IsQuoted));
        }

        var missing = KnownLimits.RequiredKeys.Where(k => !limits.Any(l => l.Key == k)).ToList();
        foreach (var key in missing)
        {
            var known = KnownLimits.ByKey[key];
            limits.Add(ToModel(key, known.RequiredDefault!, quoted: !known.IsCount));
        }

        if (missing.Count > 0 && overlay.IsReadable)
        {
            var location = overlays.Count > 0 ? SourceSpan.None(InPrecedenceOrder(overlays).Last().Path) : SourceSpan.None(pagePath);
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MissingRequiredLimits,
                location,
                string.Join(", ", missing),
                string.Join(", ", missing.Select(k => KnownLimits.ByKey[k].RequiredDefault))));
        }

        return limits;
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

    private static bool IsPositiveInt(YamlScalar value) =>
        !value.IsQuoted && long.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= int.MaxValue;

    private sealed class MergedOverlay
    {
        public bool IsReadable { get; set; } = true;

        public string? DocsUrl { get; set; }

        public List<(SourceSpan Span, string Problem)> RejectedDocsUrls { get; } = new();

        public Dictionary<string, OverlayCode> Codes { get; } = new(StringComparer.Ordinal);

        /// <summary>Codes whose classification comes from the package's overlay alone.</summary>
        public HashSet<string> BundledOnlyCodes { get; } = new(StringComparer.Ordinal);

        public List<OverlayLimit> Limits { get; } = new();
    }
}
