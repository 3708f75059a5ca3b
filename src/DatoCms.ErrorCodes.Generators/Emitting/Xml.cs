using System.Text;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Escaping for XML documentation comments.</summary>
internal static class Xml
{
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default: builder.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }

        return builder.ToString();
    }

    public static string EscapeAttribute(string text) => Escape(text).Replace("\"", "&quot;");
}
