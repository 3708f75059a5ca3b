using System;
using System.Globalization;
using System.Text;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>
/// Removes inline markdown from description text: code spans keep their content, emphasis
/// markers go, links and images keep their text, backslash escapes and the common HTML
/// entities are resolved, HTML tags are dropped and white space is collapsed.
/// </summary>
internal static class InlineText
{
    public static string ToPlainText(string markdown)
    {
        var output = new StringBuilder(markdown.Length);
        Append(markdown, output);
        return CollapseWhiteSpace(output.ToString());
    }

    private static void Append(string text, StringBuilder output)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]):
                    output.Append(text[i + 1]);
                    i += 2;
                    continue;
                case '`':
                    i = AppendCodeSpan(text, i, output);
                    continue;
                case '!' when i + 1 < text.Length && text[i + 1] == '[' && TryLink(text, i + 1, out var altText, out var afterImage):
                    Append(altText, output);
                    i = afterImage;
                    continue;
                case '[' when TryLink(text, i, out var linkText, out var afterLink):
                    Append(linkText, output);
                    i = afterLink;
                    continue;
                case '<':
                    i = AppendAngle(text, i, output);
                    continue;
                case '&':
                    i = AppendEntity(text, i, output);
                    continue;
                case '*':
                case '_':
                    i = AppendEmphasisRun(text, i, output);
                    continue;
                default:
                    output.Append(c);
                    i++;
                    continue;
            }
        }
    }

    private static int AppendCodeSpan(string text, int start, StringBuilder output)
    {
        var ticks = 0;
        while (start + ticks < text.Length && text[start + ticks] == '`')
        {
            ticks++;
        }

        var fence = new string('`', ticks);
        var contentStart = start + ticks;
        var search = contentStart;
        while (true)
        {
            var close = text.IndexOf(fence, search, StringComparison.Ordinal);
            if (close < 0)
            {
                output.Append(fence);
                return contentStart;
            }

            var closeEnd = close + ticks;
            if (closeEnd < text.Length && text[closeEnd] == '`')
            {
                // A longer run of backticks does not close this span.
                while (closeEnd < text.Length && text[closeEnd] == '`')
                {
                    closeEnd++;
                }

                search = closeEnd;
                continue;
            }

            output.Append(text.Substring(contentStart, close - contentStart).Trim());
            return closeEnd;
        }
    }

    /// <summary>Matches <c>[text](destination)</c> or <c>[text][label]</c> starting at an opening bracket.</summary>
    private static bool TryLink(string text, int open, out string linkText, out int after)
    {
        linkText = string.Empty;
        after = open;
        var depth = 0;
        var close = -1;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == '[')
            {
                depth++;
            }
            else if (text[i] == ']' && --depth == 0)
            {
                close = i;
                break;
            }
        }

        if (close < 0 || close + 1 >= text.Length)
        {
            return false;
        }

        var closer = text[close + 1] switch { '(' => ")", '[' => "]", _ => null };
        if (closer is null)
        {
            return false;
        }

        var parens = 0;
        for (var i = close + 1; i < text.Length; i++)
        {
            if (text[i] == text[close + 1])
            {
                parens++;
            }
            else if (text[i] == closer[0] && --parens == 0)
            {
                linkText = text.Substring(open + 1, close - open - 1);
                after = i + 1;
                return true;
            }
        }

        return false;
    }

    private static int AppendAngle(string text, int start, StringBuilder output)
    {
        var close = text.IndexOf('>', start + 1);
        if (close < 0)
        {
            output.Append('<');
            return start + 1;
        }

        var inner = text.Substring(start + 1, close - start - 1);
        if (inner.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || inner.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || inner.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            output.Append(inner);
            return close + 1;
        }

        if (inner.Length > 0 && (char.IsLetter(inner[0]) || inner[0] == '/'))
        {
            // An inline HTML tag such as <br/> or <kbd>: its text (if any) stays, the tag goes.
            output.Append(' ');
            return close + 1;
        }

        output.Append('<');
        return start + 1;
    }

    private static int AppendEntity(string text, int start, StringBuilder output)
    {
        var semicolon = text.IndexOf(';', start + 1);
        if (semicolon < 0 || semicolon - start > 10)
        {
            output.Append('&');
            return start + 1;
        }

        var name = text.Substring(start + 1, semicolon - start - 1);
        string? decoded = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => " ",
            "mdash" => "\u2014",
            "ndash" => "\u2013",
            "hellip" => "\u2026",
            "rsquo" => "\u2019",
            "lsquo" => "\u2018",
            "rdquo" => "\u201D",
            "ldquo" => "\u201C",
            _ => DecodeNumeric(name),
        };

        if (decoded is null)
        {
            output.Append('&');
            return start + 1;
        }

        output.Append(decoded);
        return semicolon + 1;
    }

    private static string? DecodeNumeric(string name)
    {
        if (name.Length < 2 || name[0] != '#')
        {
            return null;
        }

        var hex = name[1] is 'x' or 'X';
        var digits = name.Substring(hex ? 2 : 1);
        if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value <= 0 || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            return null;
        }

        return char.ConvertFromUtf32(value);
    }

    /// <summary>
    /// Emphasis markers are dropped; an underscore inside a word (SOME_CODE) is text, as in CommonMark.
    /// A run with white space on both sides is literal text.
    /// </summary>
    private static int AppendEmphasisRun(string text, int start, StringBuilder output)
    {
        var marker = text[start];
        var end = start;
        while (end < text.Length && text[end] == marker)
        {
            end++;
        }

        var before = start == 0 ? ' ' : text[start - 1];
        var after = end >= text.Length ? ' ' : text[end];
        var literal = char.IsWhiteSpace(before) && char.IsWhiteSpace(after);
        if (marker == '_' && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after))
        {
            literal = true;
        }

        if (literal)
        {
            output.Append(marker, end - start);
        }

        return end;
    }

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    private static string CollapseWhiteSpace(string text)
    {
        var output = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = output.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                output.Append(' ');
                pendingSpace = false;
            }

            output.Append(c);
        }

        return output.ToString();
    }
}
