using System;
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
        return RunDriver(driver, compilation, files);
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

    /// <summary>
    /// Runs the driver, then runs it a second time on equal input and fails unless that second run
    /// is all Cached or Unchanged, so every scenario of every test proves the pipeline is
    /// incremental, not only the small spec of IncrementalTests. The second run gets new but
    /// equal objects where it can (a compilation with one more unrelated file, and a copy of each
    /// in-memory spec file in <paramref name="files"/>), so the models' equality is tested too.
    /// </summary>
    public static GeneratorRun RunDriver(GeneratorDriver driver, CSharpCompilation compilation, IReadOnlyList<AdditionalText>? files = null)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        AssertSecondRunIsCached(driver, compilation, files ?? Array.Empty<AdditionalText>());
        var result = driver.GetRunResult().Results.Single();
        var sources = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new GeneratorRun(driver, compilation, output, diagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray(), sources);
    }

    private static readonly HashSet<string> OwnSteps = new(StringComparer.Ordinal)
    {
        TrackingNames.SpecFiles, TrackingNames.Spec, TrackingNames.Options, TrackingNames.Features,
    };

    private static void AssertSecondRunIsCached(GeneratorDriver driver, CSharpCompilation compilation, IReadOnlyList<AdditionalText> files)
    {
        foreach (var file in files.OfType<InMemoryAdditionalText>())
        {
            driver = driver.ReplaceAdditionalText(file, new InMemoryAdditionalText(file.Path, file.GetText().ToString()));
        }

        var options = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        var unrelated = CSharpSyntaxTree.ParseText("internal static class UnrelatedToTheSpec { }", options, path: "/project/Unrelated.cs");
        var second = driver.RunGenerators(compilation.AddSyntaxTrees(unrelated)).GetRunResult().Results.Single();
        // The inputs themselves (AdditionalTexts, Compilation) are new; every step of ours must not be.
        var rerun = second.TrackedSteps.Where(step => OwnSteps.Contains(step.Key)).Concat(second.TrackedOutputSteps)
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs).Select(output => (Step: step.Key, output.Reason)))
            .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(output => $"{output.Step}: {output.Reason}")
            .Distinct()
            .ToList();
        Assert.True(rerun.Count == 0, "A second run on equal input did work again: " + string.Join(", ", rerun));
    }
}
