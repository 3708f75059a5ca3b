using System.Text;
using BenchmarkDotNet.Attributes;
using DatoCms.ErrorCodes;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>
/// The average cost of one lookup over every code of the spec plus misses, each input once per
/// invocation, so no single favourable code decides the figure (ParseEachCodeBenchmarks has
/// the per-code figures, the worst code among them). The baseline is what a user reading codes
/// out of a Utf8JsonReader would write without us: decode the bytes, then a dictionary lookup.
/// </summary>
[MemoryDiagnoser]
public class ParseEveryCodeBenchmarks
{
    /// <summary>How many lookups one invocation makes: every code and every miss.</summary>
    public const int Lookups = DatoCmsErrorCodes.Count + ParseInputs.MissCount;

    private readonly string[] _strings = ParseInputs.Strings();
    private readonly byte[][] _utf8 = ParseInputs.Utf8();

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    public int Utf8GetStringAndDictionary()
    {
        var found = 0;
        foreach (var bytes in _utf8)
        {
            found += BaselineCodes.Dictionary.TryGetValue(Encoding.UTF8.GetString(bytes), out var code) ? (int)code : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int DictionaryLookup()
    {
        var found = 0;
        foreach (var value in _strings)
        {
            found += BaselineCodes.Dictionary.TryGetValue(value, out var code) ? (int)code : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int GeneratedTryParseString()
    {
        var found = 0;
        foreach (var value in _strings)
        {
            found += DatoCmsErrorCodes.TryParse(value, out var code) ? (int)code : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int GeneratedTryParseSpan()
    {
        var found = 0;
        foreach (var value in _strings)
        {
            found += DatoCmsErrorCodes.TryParse(value.AsSpan(), out var code) ? (int)code : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int GeneratedTryParseUtf8()
    {
        var found = 0;
        foreach (var bytes in _utf8)
        {
            found += DatoCmsErrorCodes.TryParseUtf8(bytes, out var code) ? (int)code : 0;
        }

        return found;
    }
}
