using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>
/// Splits a spec file into lines (LF, CRLF or CR) and remembers where each starts, so that
/// diagnostics point at the exact line and column in the file.
/// </summary>
internal sealed class TextLines
{
    private readonly List<int> _starts = new();
    private readonly List<string> _lines = new();

    // A byte order mark that reaches us as U+FEFF is not text: the first line is read without it,
    // so a first heading or key still counts, but offsets and columns count it, as SourceText does.
    private readonly int _byteOrderMark;

    public TextLines(string filePath, string text)
    {
        FilePath = filePath;
        _byteOrderMark = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var start = _byteOrderMark;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && c != '\r')
            {
                continue;
            }

            Add(text, start, i);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        if (start < text.Length || _lines.Count == 0)
        {
            Add(text, start, text.Length);
        }
    }

    public string FilePath { get; }

    public int Count => _lines.Count;

    public string this[int line] => _lines[line];

    /// <summary>A span covering <paramref name="length"/> characters of a line from <paramref name="column"/>.</summary>
    public SourceSpan Span(int line, int column, int length)
    {
        var lineText = _lines[line];
        column = column < 0 ? 0 : column > lineText.Length ? lineText.Length : column;
        length = length < 0 ? 0 : column + length > lineText.Length ? lineText.Length - column : length;
        var start = _starts[line] + column;
        var shown = line == 0 ? column + _byteOrderMark : column;
        return new SourceSpan(FilePath, start, length, line, shown, line, shown + length);
    }

    /// <summary>The span of a whole line without its leading and trailing blanks.</summary>
    public SourceSpan LineSpan(int line)
    {
        var text = _lines[line];
        var first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        var end = text.Length;
        while (end > first && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return Span(line, first, end - first);
    }

    private void Add(string text, int start, int end)
    {
        _starts.Add(start);
        _lines.Add(text.Substring(start, end - start));
    }
}
