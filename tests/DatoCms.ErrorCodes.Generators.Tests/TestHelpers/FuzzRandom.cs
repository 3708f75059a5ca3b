using System;
using System.Collections.Generic;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// A small seeded generator (SplitMix64) for fuzz tests. System.Random does not promise the same
/// sequence across .NET versions; this does, so a seed printed today replays the same input later.
/// </summary>
internal sealed class FuzzRandom(int seed)
{
    private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x2545F4914F6CDD1DUL);

    /// <summary>A value in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A value in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>True with the given chance, in percent.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public byte NextByte() => unchecked((byte)NextUInt64());

    // Wrapping is the algorithm: unchecked, also in a test project that checks overflow.
    private ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
