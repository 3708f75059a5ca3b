using System.Text;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Escaping for XML documentation comments.</summary>
internal static class Xml
{
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default: builder.Append(char.IsSurrogate(c) ? '\uFFFD' : BreaksDocComment(c) ? ' ' : c); break;
            }
        }

        return builder.ToString();
    }

    public static string EscapeAttribute(string text) => Escape(text).Replace("\"", "&quot;");

    // XML 1.0 forbids control characters and the non-characters U+FFFE and U+FFFF (the compiler
    // then warns CS1570); C# ends a /// line at U+0085, U+2028 and U+2029 (control or separators).
    private static bool BreaksDocComment(char c) => char.IsControl(c) || c is '\uFFFE' or '\uFFFF' or '\u2028' or '\u2029';
}
