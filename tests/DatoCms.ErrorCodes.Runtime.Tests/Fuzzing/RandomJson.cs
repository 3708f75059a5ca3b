using System.Text;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Runtime.Tests.Fuzzing;

/// <summary>Random, mostly valid JSON, biased towards the names an error body uses so the reader goes deep into it.</summary>
internal static class RandomJson
{
    private static readonly string[] Names = { "data", "type", "id", "attributes", "code", "doc_url", "details", "transient", "status", "payload", "field", "meta" };
    private static readonly string[] Strings = { "api_error", "job_result", "ITEM_LOCKED", "INVALID_FIELD", "RATE_LIMIT_EXCEEDED", "", "x", "\\u0000", "\\ud83d\\ude00", "\\ud800" };

    public static string Value(FuzzRandom random)
    {
        var builder = new StringBuilder();
        Append(random, builder, random.Next(1, 8));
        return builder.ToString();
    }

    private static void Append(FuzzRandom random, StringBuilder builder, int depth)
    {
        switch (depth <= 0 ? random.Next(2, 6) : random.Next(6))
        {
            case 0:
                builder.Append('{');
                for (int i = 0, n = random.Next(4); i < n; i++)
                {
                    builder.Append(i > 0 ? "," : string.Empty).Append('"').Append(random.Pick(Names)).Append("\":");
                    Append(random, builder, depth - 1);
                }

                builder.Append('}');
                break;
            case 1:
                builder.Append('[');
                for (int i = 0, n = random.Next(4); i < n; i++)
                {
                    builder.Append(i > 0 ? "," : string.Empty);
                    Append(random, builder, depth - 1);
                }

                builder.Append(']');
                break;
            case 2:
                builder.Append('"').Append(random.Pick(Strings)).Append('"');
                break;
            case 3:
                builder.Append(random.Pick(new[] { "0", "-1", "422", "2147483648", "1e3", "3.5", "-0.0", "1E+2" }));
                break;
            case 4:
                builder.Append(random.Chance(50) ? "true" : "false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }
}
