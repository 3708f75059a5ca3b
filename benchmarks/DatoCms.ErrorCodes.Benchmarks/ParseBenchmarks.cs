using System.Text;
using BenchmarkDotNet.Attributes;
using DatoCms.ErrorCodes;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>Parsing a code string: the generated parsers against Enum.TryParse and hash tables.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _utf8 = Array.Empty<byte>();

    /// <summary>A typical hit, a long code (47 characters; the longest has 61) and a code the spec does not know. ParseEveryCodeBenchmarks averages over all codes.</summary>
    [Params("ITEM_LOCKED", "USE_SEARCH_INDEX_ID_INSTEAD_OF_BUILD_TRIGGER_ID", "SOME_CODE_ADDED_NEXT_YEAR")]
    public string Code { get; set; } = "ITEM_LOCKED";

    [GlobalSetup]
    public void Setup() => _utf8 = Encoding.UTF8.GetBytes(Code);

    [Benchmark(Baseline = true)]
    public DatoCmsErrorCode EnumTryParseAfterConversion() => Enum.TryParse<DatoCmsErrorCode>(BaselineCodes.ToPascalCase(Code), out var code) ? code : DatoCmsErrorCode.Unknown;

    [Benchmark]
    public DatoCmsErrorCode DictionaryLookup() => BaselineCodes.Dictionary.TryGetValue(Code, out var code) ? code : DatoCmsErrorCode.Unknown;

    [Benchmark]
    public DatoCmsErrorCode FrozenDictionaryLookup() => BaselineCodes.Frozen.TryGetValue(Code, out var code) ? code : DatoCmsErrorCode.Unknown;

    [Benchmark]
    public DatoCmsErrorCode GeneratedTryParseString() => DatoCmsErrorCodes.TryParse(Code, out var code) ? code : DatoCmsErrorCode.Unknown;

    [Benchmark]
    public DatoCmsErrorCode GeneratedTryParseSpan() => DatoCmsErrorCodes.TryParse(Code.AsSpan(), out var code) ? code : DatoCmsErrorCode.Unknown;

    [Benchmark]
    public DatoCmsErrorCode GeneratedTryParseUtf8() => DatoCmsErrorCodes.TryParseUtf8(_utf8, out var code) ? code : DatoCmsErrorCode.Unknown;
}
