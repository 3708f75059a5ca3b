using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Fuzzing;

/// <summary>
/// Breaks a spec file the ways an editor, a merge or a bad download does: bytes flipped, lines
/// deleted, duplicated, moved or shuffled, structure-bearing lines inserted, odd Unicode (lone
/// surrogates, RTL marks, NUL, BOM) and mixed line endings.
/// </summary>
internal static class SpecMutator
{
    private static readonly string[] OddText =
    {
        "\uD800", "\uDC00", "\uDBFF\uDFFF", "\u202E", "\u200F", "\u200B", "\uFEFF", "\0", "\u0085", "\u2028", "\u2029", "\uFFFE", "\uFFFF", "\t", "\v", "\f",
        "é", "ß", "İ", "ı", "ǅ", "Ⅻ", "٣", "\U0001F600", "𝔸", "\u0301", "_", "__", "0", "`", "``", "#", "######", ":", "{", "}", "\"", "'", "\\", "<", ">", "&",
    };

    public static string Mutate(FuzzRandom random, string text)
    {
        var mutations = random.Next(1, 6);
        for (var i = 0; i < mutations; i++)
        {
            text = random.Next(10) switch
            {
                0 => FlipUtf8Byte(random, text),
                1 or 2 => EditLines(random, text),
                3 => InsertAt(random, text, random.Pick(OddText)),
                4 => InsertLine(random, text, random.Pick(SpecCorpus.InterestingLines)),
                5 => MixLineEndings(random, text),
                6 => EditLines(random, text),
                7 => ReplaceInLine(random, text),
                8 => text.Substring(0, random.Next(text.Length + 1)),
                _ => InsertLine(random, text, random.Pick(SpecCorpus.InterestingLines)),
            };
        }

        return text;
    }

    // The way a corrupted download reaches the compiler: bytes decoded as UTF-8, bad ones as U+FFFD.
    private static string FlipUtf8Byte(FuzzRandom random, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return text;
        }

        for (int i = 0, n = random.Next(1, 4); i < n; i++)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static string EditLines(FuzzRandom random, string text)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        var count = Math.Min(random.Next(1, 6), lines.Count - at);
        switch (random.Next(5))
        {
            case 0:
                lines.RemoveRange(at, count);
                break;
            case 1:
                lines.InsertRange(at, lines.GetRange(at, count));
                break;
            case 2:
                var moved = lines.GetRange(at, count);
                lines.RemoveRange(at, count);
                lines.InsertRange(random.Next(lines.Count + 1), moved);
                break;
            case 3:
                // Shuffle a window of lines (Fisher-Yates).
                var window = Math.Min(random.Next(2, 40), lines.Count - at);
                for (var i = window - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (lines[at + i], lines[at + j]) = (lines[at + j], lines[at + i]);
                }

                break;
            default:
                // Indentation decides YAML structure and Markdown code blocks.
                lines[at] = random.Pick(new[] { " ", "  ", "    ", "\t", string.Empty }) + lines[at].TrimStart(random.Chance(50) ? new[] { ' ' } : new[] { ' ', '\t' });
                break;
        }

        return string.Join("\n", lines);
    }

    private static string InsertAt(FuzzRandom random, string text, string piece) => text.Insert(random.Next(text.Length + 1), piece);

    private static string InsertLine(FuzzRandom random, string text, string line)
    {
        var lines = text.Split('\n').ToList();
        lines.Insert(random.Next(lines.Count + 1), line);
        return string.Join("\n", lines);
    }

    private static string MixLineEndings(FuzzRandom random, string text)
    {
        var builder = new StringBuilder(text.Length + 64);
        foreach (var c in text)
        {
            if (c == '\n' && random.Chance(30))
            {
                builder.Append(random.Pick(new[] { "\r\n", "\r", "\n\r", "\r\r\n", "\u2028" }));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Changes one character of a line's content: a code's letter, a colon, a backtick, a brace.
    private static string ReplaceInLine(FuzzRandom random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = random.Next(text.Length);
        var replacement = random.Chance(50) ? random.Pick(OddText) : ((char)random.Next(0x20, 0x7F)).ToString();
        return text.Remove(at, 1).Insert(at, replacement);
    }
}
