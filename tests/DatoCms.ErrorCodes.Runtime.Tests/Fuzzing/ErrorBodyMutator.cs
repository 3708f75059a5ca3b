using System;
using System.Collections.Generic;
using System.Text;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Runtime.Tests.Fuzzing;

/// <summary>
/// Turns a realistic body into a broken one: cuts, flips, splices, JSON tokens in the wrong place,
/// odd Unicode, deep nesting, huge strings, random JSON; and, for the UTF-8 overloads, invalid bytes.
/// </summary>
internal static class ErrorBodyMutator
{
    private static readonly string[] Tokens =
    {
        "{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\ud800", "\\udc00\\ud800", "\\u0000", "null", "true", "false", "0", "-0", "1e999", "-1e-999", "1.", ".5", "0x10",
        "NaN", "Infinity", "\"data\"", "\"data\":", "\"attributes\":{", "\"code\":", "\"details\":", "\"transient\":true", "\"type\":\"api_error\"", "\"type\":\"job_result\"",
        "\"status\":", "\"payload\":", "\"ITEM_LOCKED\"", "/*", "*/", "//", "\n", "\r", "\r\n", "\t", " ", "\uFEFF", "\0", "\u202E", "\u200F", "\u2028", "\u00A0",
        "\uD800", "\uDC00", "\uDBFF\uDFFF", "\U0001F600", "é", "ß", "İ", "ı",
    };

    // Sequences a UTF-8 decoder must reject or replace: stray continuation bytes, overlong forms,
    // encoded surrogates, code points past U+10FFFF, cut multi-byte sequences, bytes never valid.
    private static readonly byte[][] InvalidUtf8 =
    {
        new byte[] { 0x80 }, new byte[] { 0xBF }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xC1, 0xBF }, new byte[] { 0xE0, 0x80, 0xAF },
        new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xED, 0xBF, 0xBF }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 },
        new byte[] { 0xE2, 0x82 }, new byte[] { 0xF0, 0x9F, 0x98 }, new byte[] { 0xFE }, new byte[] { 0xFF }, new byte[] { 0xEF, 0xBB, 0xBF },
    };

    public static string Mutate(FuzzRandom random, string body)
    {
        var mutations = random.Next(1, 5);
        for (var i = 0; i < mutations; i++)
        {
            body = MutateOnce(random, body);
        }

        return body;
    }

    public static byte[] MutateBytes(FuzzRandom random, byte[] body)
    {
        var bytes = new List<byte>(body);
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = random.NextByte();
                    break;
                case 2:
                    bytes.InsertRange(at, random.Pick(InvalidUtf8));
                    break;
                case 3:
                    // Inside a string value, where the JSON reader does not look at the bytes until asked to decode them.
                    var quote = bytes.IndexOf((byte)'"', at);
                    bytes.InsertRange(quote < 0 ? at : quote + 1, random.Pick(InvalidUtf8));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static string MutateOnce(FuzzRandom random, string body)
    {
        var at = random.Next(body.Length + 1);
        switch (random.Next(12))
        {
            case 0:
                return body.Substring(0, at);
            case 1 when body.Length > 0:
                return body.Remove(Math.Min(at, body.Length - 1), 1).Insert(Math.Min(at, body.Length - 1), RandomChar(random).ToString());
            case 2:
                return body.Remove(at, random.Next(Math.Min(40, body.Length - at) + 1));
            case 3:
                return body.Insert(at, body.Substring(at, random.Next(Math.Min(80, body.Length - at) + 1)));
            case 4:
                return MoveRange(random, body);
            case 5:
            case 6:
                return body.Insert(at, random.Pick(Tokens));
            case 7:
                var other = random.Pick(ErrorBodyCorpus.All);
                return body.Substring(0, at) + other.Substring(random.Next(other.Length + 1));
            case 8:
                return random.Chance(10) ? Nest(random, body) : body.Insert(at, RandomChar(random).ToString());
            case 9:
                return random.Chance(5) ? WithHugeString(random, body) : body.Insert(at, new string(RandomChar(random), random.Next(1, 20)));
            case 10:
                return random.Chance(30) ? RandomJson.Value(random) : body.Replace("\"", random.Chance(50) ? "'" : "\\\"");
            default:
                return random.Chance(50) ? body.Replace("\n", "\r\n") : body.Replace("\":", "\" : ");
        }
    }

    private static string MoveRange(FuzzRandom random, string body)
    {
        if (body.Length < 2)
        {
            return body;
        }

        var start = random.Next(body.Length);
        var length = random.Next(1, Math.Min(60, body.Length - start) + 1);
        var piece = body.Substring(start, length);
        var rest = body.Remove(start, length);
        return rest.Insert(random.Next(rest.Length + 1), piece);
    }

    // Past System.Text.Json's default depth of 64, and far past it.
    private static string Nest(FuzzRandom random, string body)
    {
        var depth = random.Pick(new[] { 63, 64, 65, 1000, 10_000 });
        var open = random.Chance(50) ? "[" : "{\"data\":";
        var close = open == "[" ? "]" : "}";
        var builder = new StringBuilder();
        if (random.Chance(50))
        {
            builder.Append("{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"details\":");
        }

        for (var i = 0; i < depth; i++)
        {
            builder.Append(open);
        }

        builder.Append(random.Chance(50) ? body : "1");
        if (random.Chance(70))
        {
            for (var i = 0; i < depth; i++)
            {
                builder.Append(close);
            }
        }

        return builder.ToString();
    }

    private static string WithHugeString(FuzzRandom random, string body)
    {
        var huge = new string(random.Chance(50) ? 'A' : 'é', random.Pick(new[] { 100_000, 1_000_000 }));
        var quote = body.IndexOf("\":\"", StringComparison.Ordinal);
        return quote < 0 ? huge + body : body.Insert(quote + 3, huge);
    }

    private static char RandomChar(FuzzRandom random) => random.Next(6) switch
    {
        0 => (char)random.Next(0, 0x20),
        1 => (char)random.Next(0xD800, 0xE000),
        2 => random.Pick(new[] { '\uFEFF', '\uFFFE', '\uFFFF', '\u202E', '\u200F', '\u0000', '\u00A0', '\u2028' }),
        3 => (char)random.Next(0x80, 0xFFFF),
        _ => (char)random.Next(0x20, 0x7F),
    };
}
