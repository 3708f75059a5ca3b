using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>
/// Reads the small YAML subset the overlay needs: block mappings nested by indentation (spaces),
/// one-line flow mappings <c>{ key: value, ... }</c>, plain, single-quoted and double-quoted
/// scalars, comments, and an optional <c>---</c> at the top. Everything else (sequences, block
/// scalars, anchors, aliases, tags, several documents, tabs in indentation, duplicate keys) is
/// rejected with a located error rather than read wrongly. The subset is documented in
/// docs/spec-format.md.
/// </summary>
internal static class YamlSubsetReader
{
    public static (YamlMapping? Root, DiagnosticInfo? Error) Read(string filePath, string text, CancellationToken cancellationToken = default)
    {
        var lines = new TextLines(filePath, text);
        try
        {
            var content = new List<int>();
            var sawDocumentStart = false;
            for (var i = 0; i < lines.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var code = StripComment(lines[i]);
                if (code.Trim().Length == 0)
                {
                    continue;
                }

                if (code.TrimEnd() == "---")
                {
                    if (sawDocumentStart || content.Count > 0)
                    {
                        throw new YamlSyntaxException("only one YAML document is supported", lines.LineSpan(i));
                    }

                    sawDocumentStart = true;
                    continue;
                }

                if (code.TrimEnd() == "...")
                {
                    throw new YamlSyntaxException("document end markers ('...') are not supported", lines.LineSpan(i));
                }

                content.Add(i);
            }

            if (content.Count == 0)
            {
                return (new YamlMapping(Array.Empty<YamlEntry>(), lines.Span(0, 0, 0)), null);
            }

            var position = 0;
            var root = ReadBlockMapping(lines, content, ref position, Indent(lines, content[0]));
            if (position < content.Count)
            {
                throw new YamlSyntaxException("this line is indented less than the mapping it follows but matches no enclosing level", lines.LineSpan(content[position]));
            }

            return (root, null);
        }
        catch (YamlSyntaxException ex)
        {
            return (null, DiagnosticInfo.Create(DiagnosticDescriptors.OverlaySyntaxError, ex.Span, $"line {ex.Span.Line + 1}: {ex.Message}"));
        }
    }

    private static YamlMapping ReadBlockMapping(TextLines lines, List<int> content, ref int position, int indent)
    {
        var entries = new List<YamlEntry>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstLine = content[position];
        while (position < content.Count)
        {
            var lineNumber = content[position];
            var line = StripComment(lines[lineNumber]);
            var lineIndent = Indent(lines, lineNumber);
            if (lineIndent < indent)
            {
                break;
            }

            if (lineIndent > indent)
            {
                throw new YamlSyntaxException($"unexpected indentation (expected {indent} spaces, found {lineIndent})", lines.LineSpan(lineNumber));
            }

            var body = line.Substring(indent).TrimEnd();
            if (body.StartsWith("- ", StringComparison.Ordinal) || body == "-")
            {
                throw new YamlSyntaxException("sequences ('- item') are not supported; use a mapping", lines.LineSpan(lineNumber));
            }

            var cursor = new Cursor(lines, lineNumber, body, indent);
            var key = cursor.ReadKey();
            if (keys.TryGetValue(key.Value, out var previous))
            {
                throw new YamlSyntaxException($"duplicate key '{key.Value}' (first on line {previous + 1})", key.Span);
            }

            keys.Add(key.Value, lineNumber);
            position++;

            YamlNode value;
            if (cursor.AtEnd)
            {
                if (position < content.Count && Indent(lines, content[position]) > indent)
                {
                    value = ReadBlockMapping(lines, content, ref position, Indent(lines, content[position]));
                }
                else
                {
                    value = new YamlScalar(string.Empty, false, key.Span);
                }
            }
            else
            {
                value = cursor.ReadValue();
                cursor.ExpectEnd();
            }

            entries.Add(new YamlEntry(key, value));
        }

        return new YamlMapping(entries, lines.LineSpan(firstLine));
    }

    private static int Indent(TextLines lines, int lineNumber)
    {
        var line = lines[lineNumber];
        var indent = 0;
        while (indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }

        if (indent < line.Length && line[indent] == '\t')
        {
            throw new YamlSyntaxException("tabs are not allowed in indentation; use spaces", lines.Span(lineNumber, indent, 1));
        }

        return indent;
    }

    /// <summary>Removes a comment: '#' at the start or after white space, outside quotes.</summary>
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '{' or ',' or ':'))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line.Substring(0, i);
            }
        }

        return line;
    }

    /// <summary>Reads keys and values from one line.</summary>
    private sealed class Cursor
    {
        private readonly TextLines _lines;
        private readonly int _line;
        private readonly string _text;
        private readonly int _offset;
        private int _index;

        public Cursor(TextLines lines, int line, string text, int offset)
        {
            _lines = lines;
            _line = line;
            _text = text;
            _offset = offset;
        }

        public bool AtEnd
        {
            get
            {
                SkipSpaces();
                return _index >= _text.Length;
            }
        }

        public YamlScalar ReadKey()
        {
            SkipSpaces();
            var key = Peek is '"' or '\'' ? ReadQuoted() : ReadPlain(stopAtComma: false, isKey: true);
            if (key.Value.Length == 0)
            {
                throw Error("expected a key");
            }

            if (Peek != ':' || (_index + 1 < _text.Length && _text[_index + 1] is not (' ' or '\t')))
            {
                throw Error($"expected ':' after key '{key.Value}'");
            }

            _index++;
            return key;
        }

        public YamlNode ReadValue()
        {
            SkipSpaces();
            switch (Peek)
            {
                case '{':
                    return ReadFlowMapping();
                case '"':
                case '\'':
                    return ReadQuoted();
                case '[':
                    throw Error("flow sequences ('[...]') are not supported");
                case '|':
                case '>':
                    throw Error("block scalars ('|' or '>') are not supported; write the text on one line, quoted");
                case '&':
                case '*':
                    throw Error("anchors and aliases are not supported");
                case '!':
                    throw Error("tags ('!') are not supported");
                default:
                    return ReadPlain(stopAtComma: false, isKey: false);
            }
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_index < _text.Length)
            {
                throw Error($"unexpected '{_text.Substring(_index)}' after the value");
            }
        }

        private char Peek => _index < _text.Length ? _text[_index] : '\0';

        private YamlMapping ReadFlowMapping()
        {
            var start = _index;
            _index++;
            var entries = new List<YamlEntry>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            SkipSpaces();
            if (Peek == '}')
            {
                _index++;
                return new YamlMapping(entries, SpanFrom(start));
            }

            while (true)
            {
                SkipSpaces();
                var key = Peek is '"' or '\'' ? ReadQuoted() : ReadPlain(stopAtComma: true, isKey: true);
                if (key.Value.Length == 0)
                {
                    // `{ retry: backoff,` with the rest on the next line ends here: say why.
                    throw Error(Peek == '\0'
                        ? "expected a key, not the end of the line (a flow mapping must be on one line)"
                        : "expected a key in '{ ... }'");
                }

                if (Peek != ':')
                {
                    throw Error($"expected ':' after key '{key.Value}'");
                }

                _index++;
                if (!keys.Add(key.Value))
                {
                    throw new YamlSyntaxException($"duplicate key '{key.Value}'", key.Span);
                }

                SkipSpaces();
                YamlNode value = Peek switch
                {
                    '"' or '\'' => ReadQuoted(),
                    '{' or '[' => throw Error("nested collections inside '{ ... }' are not supported"),
                    _ => ReadPlain(stopAtComma: true, isKey: false),
                };
                entries.Add(new YamlEntry(key, value));
                SkipSpaces();
                if (Peek == ',')
                {
                    _index++;
                    continue;
                }

                if (Peek == '}')
                {
                    _index++;
                    return new YamlMapping(entries, SpanFrom(start));
                }

                throw Error("expected ',' or '}' (a flow mapping must be on one line)");
            }
        }

        private YamlScalar ReadQuoted()
        {
            var start = _index;
            var quote = _text[_index++];
            var value = new StringBuilder();
            while (_index < _text.Length)
            {
                var c = _text[_index++];
                if (c == quote)
                {
                    if (quote == '\'' && Peek == '\'')
                    {
                        value.Append('\'');
                        _index++;
                        continue;
                    }

                    return new YamlScalar(value.ToString(), true, SpanFrom(start));
                }

                if (c == '\\' && quote == '"')
                {
                    value.Append(ReadEscape());
                    continue;
                }

                value.Append(c);
            }

            // Marked from the opening quote: the end of the line is where nothing is to be seen.
            throw ErrorFrom(start, "unterminated quoted string (quoted strings must end on the same line)");
        }

        private string ReadEscape()
        {
            if (_index >= _text.Length)
            {
                throw Error("unterminated escape sequence");
            }

            var c = _text[_index++];
            switch (c)
            {
                case '"': return "\"";
                case '\\': return "\\";
                case '/': return "/";
                case 'n': return "\n";
                case 't': return "\t";
                case 'r': return "\r";
                case '0': return "\0";
                case 'u':
                    if (_index + 4 <= _text.Length && int.TryParse(_text.Substring(_index, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
                    {
                        _index += 4;
                        return ((char)code).ToString();
                    }

                    throw Error("\\u must be followed by four hex digits");
                default:
                    throw Error($"unsupported escape '\\{c}'");
            }
        }

        private YamlScalar ReadPlain(bool stopAtComma, bool isKey)
        {
            var start = _index;
            while (_index < _text.Length)
            {
                var c = _text[_index];
                if (c == ':' && isKey && (stopAtComma || _index + 1 >= _text.Length || _text[_index + 1] is ' ' or '\t'))
                {
                    break;
                }

                if (stopAtComma && c is ',' or '}')
                {
                    break;
                }

                _index++;
            }

            var raw = _text.Substring(start, _index - start);
            var value = raw.Trim();
            var leading = raw.Length - raw.TrimStart().Length;
            return new YamlScalar(value, false, _lines.Span(_line, _offset + start + leading, value.Length));
        }

        private void SkipSpaces()
        {
            while (_index < _text.Length && _text[_index] is ' ' or '\t')
            {
                _index++;
            }
        }

        private SourceSpan SpanFrom(int start) => _lines.Span(_line, _offset + start, _index - start);

        private YamlSyntaxException Error(string message) => ErrorFrom(_index, message);

        /// <summary>An error marked from <paramref name="index"/> of the line to its end.</summary>
        private YamlSyntaxException ErrorFrom(int index, string message) =>
            new(message, _lines.Span(_line, _offset + Math.Min(index, _text.Length), Math.Max(1, _text.Length - index)));
    }
}
