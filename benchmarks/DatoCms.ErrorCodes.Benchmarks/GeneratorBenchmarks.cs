using BenchmarkDotNet.Attributes;
using DatoCms.ErrorCodes.Generators;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>
/// The generator's own cost, through CSharpGeneratorDriver on a compilation with a few hundred
/// lines of user code: a full run (cold driver) for our spec and for synthetic 1,000- and
/// 5,000-code pages, and warm runs after an unrelated C# edit and after a spec edit.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private AdditionalText _page = null!;
    private AdditionalText _overlay = null!;
    private AdditionalText _editedPage = null!;
    private GeneratorDriver _warmDriver = null!;

    /// <summary>0 means our shipped 98-code spec.</summary>
    [Params(0, 1000, 5000)]
    public int Codes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (page, overlay) = Codes == 0
            ? (File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "datocms-cma-errors.md")), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "datocms-cma-errors.yaml")))
            : SyntheticSpec.Create(Codes);
        _page = new InMemoryAdditionalText("/p/datocms-cma-errors.md", page);
        _overlay = new InMemoryAdditionalText("/p/datocms-cma-errors.yaml", overlay);
        _editedPage = new InMemoryAdditionalText("/p/datocms-cma-errors.md", page + "\n###### `ONE_MORE_CODE`\n\nAdded by an edit.\n");
        _compilation = UserCode.Compilation(methods: 200);
        _editedCompilation = UserCode.WithEditedFile(_compilation);
        _warmDriver = CreateDriver().RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RunAfterUnrelatedEdit() => _warmDriver.RunGenerators(_editedCompilation);

    [Benchmark]
    public GeneratorDriver RunAfterSpecEdit() => _warmDriver.ReplaceAdditionalText(_page, _editedPage).RunGenerators(_compilation);

    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new DatoCmsErrorCodesGenerator().AsSourceGenerator() },
        new[] { _page, _overlay },
        new CSharpParseOptions(LanguageVersion.Latest),
        new TestOptionsProvider());
}
