using System;
using System.Collections.Generic;
using System.Text;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Writes indented C# with '\n' line endings whatever the OS, so generated files are the same
/// byte for byte on every machine.
/// </summary>
internal sealed class CodeWriter
{
    private const int DocWidth = 100;

    private static readonly char[] WordSeparators = { ' ' };
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
    }

    public void OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    /// <summary>Writes <c>/// &lt;summary&gt;</c> with the text escaped and wrapped.</summary>
    public void DocSummary(string text)
    {
        Line("/// <summary>");
        DocText(text);
        Line("/// </summary>");
    }

    /// <summary>Writes already-escaped XML doc text as wrapped <c>///</c> lines.</summary>
    public void DocXml(string xml)
    {
        foreach (var line in Wrap(xml))
        {
            Line("/// " + line);
        }
    }

    public void DocText(string text) => DocXml(Xml.Escape(text));

    public override string ToString() => _builder.ToString();

    private IEnumerable<string> Wrap(string text)
    {
        var width = Math.Max(40, DocWidth - (_indent * 4) - 4);
        var line = new StringBuilder();
        foreach (var word in text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
