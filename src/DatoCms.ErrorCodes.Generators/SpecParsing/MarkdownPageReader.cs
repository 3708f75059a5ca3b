using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>
/// Reads the vendor's error-code documentation page. Only level-6 headings of the form
/// <c>###### `CODE`</c> start entries; an entry runs to the next heading of any level. Fenced
/// code, HTML comments and front matter are skipped, so code names shown in examples never
/// become entries. This is the block subset of CommonMark that the page uses; see
/// docs/spec-format.md.
/// </summary>
internal static class MarkdownPageReader
{
    private static readonly Regex Heading = new(@"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$", RegexOptions.CultureInvariant);
    private static readonly Regex CodeHeading = new(@"^`([A-Z0-9_]+)`$", RegexOptions.CultureInvariant);
    private static readonly Regex ClosingHashes = new(@"[ \t]+#+$", RegexOptions.CultureInvariant);
    private static readonly Regex FenceOpen = new(@"^ {0,3}(`{3,}|~{3,})", RegexOptions.CultureInvariant);
    private static readonly Regex ListItem = new(@"^ {0,3}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)", RegexOptions.CultureInvariant);

    public static ErrorPage Read(string filePath, string text, CancellationToken cancellationToken = default)
    {
        var lines = new TextLines(filePath, text);
        var entries = new List<PageEntry>();
        var diagnostics = new List<DiagnosticInfo>();

        string? currentCode = null;
        SourceSpan currentSpan = default;
        var body = new List<string>();
        string? fence = null;
        var inComment = false;
        var first = SkipFrontMatter(lines);

        for (var i = first; i < lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];

            if (fence is not null)
            {
                if (line.TrimStart().StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }

                continue;
            }

            if (inComment)
            {
                inComment = line.IndexOf("-->", StringComparison.Ordinal) < 0;
                continue;
            }

            var fenceMatch = FenceOpen.Match(line);
            if (fenceMatch.Success)
            {
                fence = fenceMatch.Groups[1].Value;
                continue;
            }

            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = line.IndexOf("-->", StringComparison.Ordinal) < 0;
                continue;
            }

            var heading = Heading.Match(line);
            if (!heading.Success)
            {
                if (currentCode is not null)
                {
                    body.Add(line);
                }

                continue;
            }

            Flush();
            if (heading.Groups[1].Length != 6)
            {
                continue;
            }

            var title = ClosingHashes.Replace(heading.Groups[2].Value, string.Empty).Trim();
            var codeMatch = CodeHeading.Match(title);
            if (codeMatch.Success && IsCodeName(codeMatch.Groups[1].Value))
            {
                currentCode = codeMatch.Groups[1].Value;
                currentSpan = lines.LineSpan(i);
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedHeading, lines.LineSpan(i), Shorten(line.Trim())));
            }
        }

        Flush();
        return new ErrorPage(entries, diagnostics);

        void Flush()
        {
            if (currentCode is null)
            {
                return;
            }

            var description = RenderBlocks(body);
            entries.Add(new PageEntry(currentCode, currentSpan, description, SummaryExtractor.FirstSentence(description)));
            currentCode = null;
            body.Clear();
        }
    }

    /// <summary>
    /// The longest code accepted. Real codes stay under 70 characters; a longer one would become
    /// a C# name past what .NET metadata allows (CS7013) and size the stack buffer of TryParseUtf8.
    /// </summary>
    public const int MaxCodeLength = 200;

    private const int MaxHeadingInMessage = 120;

    /// <summary>Codes are UPPER_SNAKE_CASE: letters, digits and underscores, with at least one letter, at most <see cref="MaxCodeLength"/> long.</summary>
    public static bool IsCodeName(string code)
    {
        if (code.Length > MaxCodeLength)
        {
            return false;
        }

        var hasLetter = false;
        foreach (var c in code)
        {
            if (c is >= 'A' and <= 'Z')
            {
                hasLetter = true;
            }
            else if (c is not ((>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return hasLetter;
    }

    // A heading pasted from a minified file can be megabytes long; the message needs only its start.
    private static string Shorten(string heading) =>
        heading.Length <= MaxHeadingInMessage ? heading : heading.Substring(0, MaxHeadingInMessage) + "…";

    private static int SkipFrontMatter(TextLines lines)
    {
        if (lines.Count == 0 || lines[0].TrimEnd() != "---")
        {
            return 0;
        }

        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Turns an entry's lines into one plain-text description: paragraphs joined with a space,
    /// list items joined with semicolons, callout markers dropped, inline markup removed.
    /// </summary>
    private static string RenderBlocks(List<string> body)
    {
        var parts = new List<string>();
        var paragraph = new StringBuilder();
        var items = new List<string>();

        foreach (var raw in body)
        {
            var line = StripQuote(raw);
            if (line.Trim().Length == 0)
            {
                EndParagraph();
                continue;
            }

            var item = ListItem.Match(line);
            if (item.Success)
            {
                EndParagraph();
                paragraph.Append(line.Substring(item.Length));
                items.Add(string.Empty);
                continue;
            }

            if (paragraph.Length == 0 && items.Count > 0 && !char.IsWhiteSpace(raw, 0))
            {
                EndList();
            }

            paragraph.Append(' ').Append(line.Trim());
        }

        EndParagraph();
        EndList();
        return string.Join(" ", parts);

        void EndParagraph()
        {
            var text = InlineText.ToPlainText(paragraph.ToString());
            paragraph.Clear();
            if (text.Length == 0)
            {
                return;
            }

            if (items.Count > 0 && items[items.Count - 1].Length == 0)
            {
                items[items.Count - 1] = text;
            }
            else if (items.Count > 0)
            {
                items[items.Count - 1] += " " + text;
            }
            else
            {
                parts.Add(text);
            }
        }

        void EndList()
        {
            items.RemoveAll(i => i.Length == 0);
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var last = item[item.Length - 1];
                var ends = last is '.' or '!' or '?' or ';' or ':';
                parts.Add(ends ? item : item + (i == items.Count - 1 ? "." : ";"));
            }

            items.Clear();
        }
    }

    /// <summary>Drops blockquote markers and GitHub callout tags such as <c>[!NOTE]</c>.</summary>
    private static string StripQuote(string line)
    {
        var trimmed = line.TrimStart();
        if (!trimmed.StartsWith(">", StringComparison.Ordinal))
        {
            return line;
        }

        while (trimmed.StartsWith(">", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(1).TrimStart();
        }

        if (trimmed.StartsWith("[!", StringComparison.Ordinal))
        {
            var close = trimmed.IndexOf(']');
            if (close > 0)
            {
                trimmed = trimmed.Substring(close + 1);
            }
        }

        return trimmed;
    }
}
