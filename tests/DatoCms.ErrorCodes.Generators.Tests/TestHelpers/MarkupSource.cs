using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// Test source with expected diagnostic spans marked inline: <c>[|text|]</c> for the rule under
/// test, or <c>{|DATO001:text|}</c> to name the rule. The markup is removed before compiling.
/// </summary>
internal sealed record MarkupSource(string Source, IReadOnlyList<(string? Id, TextSpan Span)> Spans)
{
    public static MarkupSource Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var spans = new List<(string?, TextSpan)>();
        var open = new Stack<(string? Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((null, source.Length));
                i++;
            }
            else if (Starts(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i);
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                var (id, start) = open.Pop();
                spans.Add((id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException("Unclosed span markup in test source.");
        }

        spans.Sort((a, b) => a.Item2.Start.CompareTo(b.Item2.Start));
        return new MarkupSource(source.ToString(), spans);
    }

    private static bool Starts(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
