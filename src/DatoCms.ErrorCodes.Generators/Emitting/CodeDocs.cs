using System;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>The XML docs a code's enum member and exception share, so a hover says each thing once.</summary>
internal static class CodeDocs
{
    public static string Summary(ErrorCodeModel code) => code.Summary.Length > 0 ? code.Summary : $"The {code.ApiCode} error.";

    /// <summary>
    /// What the description adds to the summary: the page's summary is the description's first
    /// sentence, so the remarks go on from there; a summary of the overlay's own is followed by the
    /// whole description. Empty when there is nothing more to say.
    /// </summary>
    public static string Details(ErrorCodeModel code)
    {
        var description = code.Description;
        if (code.Summary.Length > 0 && description.StartsWith(code.Summary, StringComparison.Ordinal))
        {
            return description.Substring(code.Summary.Length).Trim();
        }

        return description;
    }

    /// <summary>Writes the summary and the opening of the remarks, up to the details paragraph.</summary>
    public static void WriteSummaryAndDetails(CodeWriter w, ErrorCodeModel code)
    {
        w.DocSummary(Summary(code));
        w.Line("/// <remarks>");
        if (Details(code) is { Length: > 0 } details)
        {
            w.DocXml("<para>" + Xml.Escape(details) + "</para>");
        }
    }
}
