using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// Runs a fixed number of generated cases, each from its own seed, so that any failure names the
/// one seed that reproduces it. Shared (as a linked file) by the generator and runtime test projects.
/// </summary>
/// <remarks>
/// Set <c>DATOCMS_FUZZ_REPLAY=NAME/SEED</c> to run only that case of the fuzz test NAME, and
/// <c>DATOCMS_FUZZ_SCALE=10</c> to run ten times as many cases locally. The suite uses neither.
/// </remarks>
internal static class SeededFuzz
{
    public const string ReplayVariable = "DATOCMS_FUZZ_REPLAY";
    public const string ScaleVariable = "DATOCMS_FUZZ_SCALE";

    /// <summary>
    /// Runs <paramref name="cases"/> cases with seeds <paramref name="firstSeed"/>, +1, +2, ...:
    /// <paramref name="generate"/> builds the input from a <see cref="FuzzRandom"/> of the case's seed,
    /// <paramref name="check"/> asserts on it (and gets the case index, e.g. to sample costly checks).
    /// </summary>
    public static void Run<TInput>(string name, int firstSeed, int cases, Func<FuzzRandom, TInput> generate, Action<TInput, int> check, Func<TInput, string> describe)
    {
        var replay = ReplaySeed(name);
        var count = replay is null ? cases * Scale() : 1;
        for (var i = 0; i < count; i++)
        {
            var seed = replay ?? unchecked(firstSeed + i);
            var input = default(TInput);
            try
            {
                input = generate(new FuzzRandom(seed));
                check(input, replay is null ? i : seed - firstSeed);
            }
            catch (Exception ex)
            {
                var description = input is null ? "(the input could not be generated)" : describe(input);
                var saved = Save(name, seed, description);
                Assert.Fail(
                    $"Fuzz test {name} failed on case {i} (seed {seed.ToString(CultureInfo.InvariantCulture)}). "
                    + $"Replay it with {ReplayVariable}={name}/{seed.ToString(CultureInfo.InvariantCulture)}.\n"
                    + $"Input ({description.Length.ToString(CultureInfo.InvariantCulture)} chars, in full at {saved}):\n{Shorten(description, 4000)}\n\nFailure: {ex}");
            }
        }
    }

    /// <summary>A C# string literal of <paramref name="text"/>, so control characters, lone surrogates and BOMs are visible in a failure.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c > '~')
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

        return builder.Append('"').ToString();
    }

    /// <summary>Bytes as a C# array initializer, so invalid UTF-8 is visible in a failure.</summary>
    public static string Bytes(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 6).Append("new byte[] { ");
        for (var i = 0; i < bytes.Length; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append("0x").Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.Append(" }").ToString();
    }

    private static int? ReplaySeed(string name)
    {
        var value = Environment.GetEnvironmentVariable(ReplayVariable);
        var prefix = name + "/";
        return value is not null && value.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : null;
    }

    private static int Scale() =>
        int.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;

    private static string Save(string name, int seed, string description)
    {
        var path = Path.Combine(Path.GetTempPath(), $"datocms-fuzz-{name}-{seed.ToString(CultureInfo.InvariantCulture)}.txt");
        try
        {
            File.WriteAllText(path, description);
            return path;
        }
        catch (IOException)
        {
            return "(not saved)";
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "… (cut)";
}
