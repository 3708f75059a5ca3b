using System;
using System.Collections.Generic;
using System.Threading;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>
/// Maps the overlay's YAML onto our schema: <c>docs-url</c>, <c>limits</c> and <c>codes</c> at the
/// root; <c>retry</c>, <c>family</c>, <c>member</c>, <c>exception</c>, <c>summary</c> and
/// <c>description</c> per code.
/// Unknown keys are reported so that a typo never silently drops a classification. It reads and
/// does not judge: whether a retry kind, a family or a limit is acceptable is for the validation.
/// </summary>
internal static class OverlayReader
{
    public const string DocsUrlKey = "docs-url";
    public const string LimitsKey = "limits";
    public const string CodesKey = "codes";

    private const string RootKeys = "docs-url, limits, codes";
    private const string CodeKeys = "retry, family, member, exception, summary, description";

    public static Overlay Read(string filePath, string text, CancellationToken cancellationToken = default)
    {
        var (root, error) = YamlSubsetReader.Read(filePath, text, cancellationToken);
        if (root is null)
        {
            return new Overlay(false, null, Array.Empty<OverlayCode>(), Array.Empty<OverlayLimit>(), new[] { error! });
        }

        var diagnostics = new List<DiagnosticInfo>();
        var codes = new List<OverlayCode>();
        var limits = new List<OverlayLimit>();
        YamlScalar? docsUrl = null;

        foreach (var entry in root.Entries)
        {
            switch (entry.Key.Value)
            {
                case DocsUrlKey when entry.Value is YamlScalar url:
                    docsUrl = url;
                    break;
                case LimitsKey when entry.Value is YamlMapping limitMap:
                    foreach (var limit in limitMap.Entries)
                    {
                        limits.Add(new OverlayLimit(limit.Key.Value, limit.Key.Span, limit.Value as YamlScalar));
                    }

                    break;
                case CodesKey when entry.Value is YamlMapping codeMap:
                    foreach (var code in codeMap.Entries)
                    {
                        codes.Add(ReadCode(code, diagnostics));
                    }

                    break;
                case DocsUrlKey or LimitsKey or CodesKey:
                    return Unreadable(DiagnosticInfo.Create(
                        DiagnosticDescriptors.OverlaySyntaxError,
                        entry.Key.Span,
                        $"line {entry.Key.Span.Line + 1}: '{entry.Key.Value}' must be {(entry.Key.Value == DocsUrlKey ? "a URL" : "a mapping")}"));
                default:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownOverlayKey, entry.Key.Span, entry.Key.Value, "the overlay's root", RootKeys));
                    break;
            }
        }

        return new Overlay(true, docsUrl, codes, limits, diagnostics);
    }

    private static Overlay Unreadable(DiagnosticInfo error) =>
        new(false, null, Array.Empty<OverlayCode>(), Array.Empty<OverlayLimit>(), new[] { error });

    private static OverlayCode ReadCode(YamlEntry code, List<DiagnosticInfo> diagnostics)
    {
        var name = code.Key.Value;
        YamlScalar? retry = null;
        YamlScalar? family = null;
        YamlScalar? member = null;
        YamlScalar? exception = null;
        string? summary = null;
        string? description = null;

        if (code.Value is YamlScalar scalar)
        {
            // A bare 'CODE: backoff' is a common shorthand; accept it as the retry kind.
            if (scalar.Value.Length > 0)
            {
                retry = scalar;
            }

            return new OverlayCode(name, code.Key.Span, retry, family, member, exception, summary, description);
        }

        foreach (var property in ((YamlMapping)code.Value).Entries)
        {
            if (property.Value is not YamlScalar value)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlaySyntaxError, property.Key.Span, $"line {property.Key.Span.Line + 1}: '{property.Key.Value}' of '{name}' must be a single value"));
                continue;
            }

            switch (property.Key.Value)
            {
                case "retry":
                    retry = value;
                    break;
                case "family":
                    family = value;
                    break;
                case "member":
                    member = value;
                    break;
                case "exception":
                    exception = value;
                    break;
                case "summary":
                    summary = value.Value.Trim();
                    break;
                case "description":
                    description = value.Value.Trim();
                    break;
                default:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownOverlayKey, property.Key.Span, property.Key.Value, $"code '{name}'", CodeKeys));
                    break;
            }
        }

        return new OverlayCode(name, code.Key.Span, retry, family, member, exception, summary, description);
    }
}
