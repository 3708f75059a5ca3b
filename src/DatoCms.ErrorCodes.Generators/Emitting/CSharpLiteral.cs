using System.Globalization;
using System.Text;

namespace DatoCms.ErrorCodes.Generators.Emitting;

internal static class CSharpLiteral
{
    /// <summary>A regular C# string literal; non-ASCII text is kept as is (files are UTF-8).</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    // An unpaired surrogate is kept exactly as an escape; written raw it would not survive the UTF-8 file.
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }
}
