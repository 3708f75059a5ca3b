using System.Text;
using DatoCms.ErrorCodes;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>
/// The inputs of the parsing benchmarks: every code of the spec, in spec order, then misses of
/// the kinds a parser meets (a code the spec does not know yet, one character off at either end,
/// one too long or short, the wrong case), several of them the length of real codes so they get
/// past the length check.
/// </summary>
internal static class ParseInputs
{
    public const int MissCount = 12;

    public static string[] Misses() => new[]
    {
        "SOME_CODE_ADDED_NEXT_YEAR",
        "ITEM_LOCKEX",
        "XTEM_LOCKED",
        "ITEM_LOCKED_",
        "ITEM_LOCKE",
        "item_locked",
        "INVALID_FIELX",
        "STALE_ITEM_VERSIOX",
        "UNKNOWN",
        "NOT_A_DATOCMS_CODE_AT_ALL_BUT_AS_LONG_AS_THE_LONGEST_CODE_IS_",
        "E",
        "INSUFFICIENT_PERMISSIONX",
    };

    public static string[] Strings()
    {
        var misses = Misses();
        if (misses.Length != MissCount)
        {
            throw new InvalidOperationException("MissCount must match the misses: BenchmarkDotNet divides by it.");
        }

        if (misses.FirstOrDefault(miss => DatoCmsErrorCodes.TryParse(miss, out _)) is { } known)
        {
            throw new InvalidOperationException(known + " is a code of the spec now; replace it with a miss.");
        }

        return DatoCmsErrorCodes.All.Select(code => code.ToApiString()).Concat(misses).ToArray();
    }

    public static byte[][] Utf8() => Strings().Select(Encoding.UTF8.GetBytes).ToArray();
}
