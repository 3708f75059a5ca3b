using System;
using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Decides the documentation page every code's link is based on. Owns DATO121: every code's link
/// is this address plus <c>#CODE</c>, in XML docs and in exceptions, so it must be an absolute web
/// address; an empty or relative one would give links like <c>#ITEM_LOCKED</c>.
/// </summary>
internal static class DocsUrlRule
{
    public const string DefaultDocsUrl = "https://www.datocms.com/docs/content-management-api/errors";

    /// <summary>The last acceptable <c>docs-url</c> in overlay precedence order, else the default; each rejected one is reported.</summary>
    public static string Resolve(IReadOnlyList<YamlScalar> candidates, List<DiagnosticInfo> diagnostics)
    {
        string? chosen = null;
        foreach (var candidate in candidates)
        {
            if (Problem(candidate.Value) is null)
            {
                chosen = candidate.Value.Trim();
            }
        }

        var docsUrl = (chosen ?? DefaultDocsUrl).TrimEnd('#', '/');
        foreach (var candidate in candidates)
        {
            if (Problem(candidate.Value) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocsUrl, candidate.Span, problem, docsUrl));
            }
        }

        return docsUrl;
    }

    private static string? Problem(string value)
    {
        if (value.Trim().Length == 0)
        {
            return "it is empty";
        }

        var isWebAddress = Uri.TryCreate(value.Trim().TrimEnd('#', '/'), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return isWebAddress ? null : $"'{value}' is not an absolute http or https URL";
    }
}
