using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>Runs the generator the way the compiler does, on an in-memory compilation.</summary>
internal static class GeneratorRunner
{
    public const string PagePath = "/project/spec/datocms-cma-errors.md";
    public const string OverlayPath = "/project/spec/datocms-cma-errors.yaml";

    public static GeneratorRun RunOnShippedSpec(
        string source = "",
        ReferenceSet references = ReferenceSet.Net80,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        IEnumerable<MetadataReference>? extraReferences = null) =>
        Run(RepositoryFiles.ReadSpecPage(), RepositoryFiles.ReadSpecOverlay(), source, references, languageVersion, globalOptions, extraReferences);

    public static GeneratorRun Run(
        string? page,
        string? overlay,
        string source = "",
        ReferenceSet references = ReferenceSet.Net80,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        IEnumerable<MetadataReference>? extraReferences = null)
    {
        var files = new List<AdditionalText>();
        if (page is not null)
        {
            files.Add(new InMemoryAdditionalText(PagePath, page));
        }

        if (overlay is not null)
        {
            files.Add(new InMemoryAdditionalText(OverlayPath, overlay));
        }

        return Run(files, new TestOptionsProvider(globalOptions), source, references, languageVersion, extraReferences);
    }

    public static GeneratorRun Run(
        IReadOnlyList<AdditionalText> files,
        TestOptionsProvider options,
        string source = "",
        ReferenceSet references = ReferenceSet.Net80,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IEnumerable<MetadataReference>? extraReferences = null)
    {
        var compilation = CreateCompilation(source, references, languageVersion);
        if (extraReferences is not null)
        {
            compilation = compilation.AddReferences(extraReferences);
        }

        var driver = CreateDriver(files, options, languageVersion);
        return RunDriver(driver, compilation);
    }

    public static CSharpCompilation CreateCompilation(string source, ReferenceSet references = ReferenceSet.Net80, LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        // Diagnose mode makes the compiler check the generated XML docs too.
        var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
        var nullable = languageVersion is LanguageVersion.Latest or LanguageVersion.Preview or >= LanguageVersion.CSharp8
            ? NullableContextOptions.Enable
            : NullableContextOptions.Disable;
        return CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, path: "/project/Program.cs") },
            ReferenceSets.Get(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, generalDiagnosticOption: ReportDiagnostic.Default));
    }

    public static GeneratorDriver CreateDriver(IReadOnlyList<AdditionalText> files, TestOptionsProvider options, LanguageVersion languageVersion = LanguageVersion.Latest) =>
        CSharpGeneratorDriver.Create(
            new[] { new DatoCmsErrorCodesGenerator().AsSourceGenerator() },
            files,
            new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun RunDriver(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        var sources = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new GeneratorRun(driver, compilation, output, diagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray(), sources);
    }
}
