using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// Where one syntax tree names any of a few identifiers, found once per tree by searching its text
/// (far cheaper than walking the tokens of every body) and confirmed as identifier tokens, so that
/// "does this node name X" becomes a binary search. A tree whose text has a <c>\u</c> escape, which
/// can spell an identifier the text search would miss, is walked token by token instead.
/// </summary>
internal sealed class NamePositions
{
    private const int ChunkLength = 8192;

    /// <summary>The start of each identifier token with one of the names, in order.</summary>
    private readonly int[] _starts;

    private NamePositions(int[] starts) => _starts = starts;

    /// <summary>Whether an identifier token with one of the names lies within <paramref name="span"/>.</summary>
    public bool AnyWithin(TextSpan span)
    {
        int low = 0, high = _starts.Length;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (_starts[middle] < span.Start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < _starts.Length && _starts[low] < span.End;
    }

    /// <summary>Finds the identifier tokens of <paramref name="tree"/> whose text is one of <paramref name="names"/>.</summary>
    public static NamePositions Of(SyntaxTree tree, string[] names, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var root = tree.GetRoot(cancellationToken);
        var longest = 2;
        foreach (var name in names)
        {
            longest = Math.Max(longest, name.Length);
        }

        // Overlapping chunks, so that a name cut by one chunk's end is found whole in the next; a match
        // that lies wholly in the overlap was found in the chunk before.
        var starts = new List<int>();
        var buffer = new char[Math.Min(text.Length, ChunkLength)];
        for (var chunkStart = 0; chunkStart < text.Length; chunkStart += ChunkLength - longest)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = Math.Min(ChunkLength, text.Length - chunkStart);
            text.CopyTo(chunkStart, buffer, 0, length);
            var chunk = new ReadOnlySpan<char>(buffer, 0, length);
            if (chunk.IndexOf("\\u".AsSpan(), StringComparison.Ordinal) >= 0 || chunk.IndexOf("\\U".AsSpan(), StringComparison.Ordinal) >= 0)
            {
                return ByTokens(root, names);
            }

            var seenBefore = chunkStart == 0 ? 0 : longest;
            foreach (var name in names)
            {
                for (var from = 0; from <= length - name.Length;)
                {
                    var at = chunk.Slice(from).IndexOf(name.AsSpan(), StringComparison.Ordinal);
                    if (at < 0)
                    {
                        break;
                    }

                    at += from;
                    from = at + 1;
                    if (at + name.Length > seenBefore && TokenStart(root, chunkStart + at, names) is var start and >= 0)
                    {
                        starts.Add(start);
                    }
                }
            }

            if (chunkStart + length >= text.Length)
            {
                break;
            }
        }

        starts.Sort();
        var distinct = new List<int>(starts.Count);
        foreach (var start in starts)
        {
            if (distinct.Count == 0 || distinct[distinct.Count - 1] != start)
            {
                distinct.Add(start);
            }
        }

        return new NamePositions(distinct.ToArray());
    }

    private static NamePositions ByTokens(SyntaxNode root, string[] names)
    {
        var starts = new List<int>();
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && Array.IndexOf(names, token.ValueText) >= 0)
            {
                starts.Add(token.SpanStart);
            }
        }

        return new NamePositions(starts.ToArray());
    }

    /// <summary>The start of the identifier token one of the names was found in, or -1 (in a comment, a string, a longer name).</summary>
    private static int TokenStart(SyntaxNode root, int position, string[] names)
    {
        var token = root.FindToken(position);
        return token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(position) && Array.IndexOf(names, token.ValueText) >= 0
            ? token.SpanStart
            : -1;
    }
}
