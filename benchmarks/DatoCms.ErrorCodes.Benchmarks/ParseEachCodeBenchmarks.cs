using System.Text;
using BenchmarkDotNet.Attributes;
using DatoCms.ErrorCodes;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>
/// One lookup per code of the spec and per miss (the inputs of <see cref="ParseEveryCodeBenchmarks"/>),
/// for the worst case: the slowest input of the UTF-8 parser, next to the string parser on the same input.
/// Many cases: run it with a short job (see benchmarks/README.md).
/// </summary>
[MemoryDiagnoser]
public class ParseEachCodeBenchmarks
{
    private byte[] _utf8 = Array.Empty<byte>();

    public static IEnumerable<string> Inputs() => ParseInputs.Strings();

    [ParamsSource(nameof(Inputs))]
    public string Code { get; set; } = "ITEM_LOCKED";

    [GlobalSetup]
    public void Setup() => _utf8 = Encoding.UTF8.GetBytes(Code);

    [Benchmark(Baseline = true)]
    public DatoCmsErrorCode GeneratedTryParseString() => DatoCmsErrorCodes.TryParse(Code, out var code) ? code : DatoCmsErrorCode.Unknown;

    [Benchmark]
    public DatoCmsErrorCode GeneratedTryParseUtf8() => DatoCmsErrorCodes.TryParseUtf8(_utf8, out var code) ? code : DatoCmsErrorCode.Unknown;
}
