using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DatoCms.ErrorCodes;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>Describing a code: the generated switches against what a user would write (one baseline per category).</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LookupBenchmarks
{
    [Params(DatoCmsErrorCode.ItemLocked, DatoCmsErrorCode.UseSearchIndexIdInsteadOfBuildTriggerId)]
    public DatoCmsErrorCode Code { get; set; } = DatoCmsErrorCode.ItemLocked;

    [Benchmark(Baseline = true), BenchmarkCategory("ToApiString")]
    public string EnumToStringToSnakeCase() => BaselineCodes.ToSnakeCase(Code.ToString());

    [Benchmark, BenchmarkCategory("ToApiString")]
    public string GeneratedToApiString() => Code.ToApiString();

    [Benchmark(Baseline = true), BenchmarkCategory("IsTransient")]
    public bool HashSetContainsTransient() => BaselineCodes.Transient.Contains(Code);

    [Benchmark, BenchmarkCategory("IsTransient")]
    public bool GeneratedIsTransient() => Code.IsTransient();

    [Benchmark(Baseline = true), BenchmarkCategory("GetInfo")]
    public string DictionaryInfoSummary() => BaselineCodes.Info[Code].Summary;

    [Benchmark, BenchmarkCategory("GetInfo")]
    public string GeneratedGetInfoSummary() => Code.GetInfo().Summary;
}
