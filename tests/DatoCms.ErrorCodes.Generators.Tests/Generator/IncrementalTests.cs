using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.Generator;

/// <summary>Proves the pipeline caches: only a spec edit re-parses and re-emits.</summary>
public class IncrementalTests
{
    private const string Page = "###### `ITEM_LOCKED`\n\nThe record is locked. Retry later.\n\n###### `NOT_FOUND`\n\nNothing there.\n";
    private const string Overlay = "limits:\n  requests-per-window: 60\n  rate-limit-window-seconds: 3\n  rate-limit-limit-header: X-RateLimit-Limit\n  rate-limit-remaining-header: X-RateLimit-Remaining\n  rate-limit-reset-header: X-RateLimit-Reset\ncodes:\n  ITEM_LOCKED: { retry: backoff, family: concurrency }\n  NOT_FOUND: { retry: none, family: not-found }\n";

    private static readonly string[] SpecSteps = { TrackingNames.SpecFiles, TrackingNames.Spec, TrackingNames.Options, TrackingNames.Features };

    private static readonly AdditionalText PageFile = new InMemoryAdditionalText(GeneratorRunner.PagePath, Page);
    private static readonly AdditionalText OverlayFile = new InMemoryAdditionalText(GeneratorRunner.OverlayPath, Overlay);

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(string source = "class A { }")
    {
        var driver = GeneratorRunner.CreateDriver(new[] { PageFile, OverlayFile }, new TestOptionsProvider());
        var compilation = GeneratorRunner.CreateCompilation(source);
        return (driver.RunGenerators(compilation), compilation);
    }

    private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> StepReasons(GeneratorRunResult result, params string[] steps) =>
        steps.SelectMany(step => result.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(run => run.Outputs).Select(output => (step, output.Reason))
            : throw new InvalidOperationException($"Step {step} was not tracked"));

    [Fact]
    public void SecondRunWithNoChangeRunsNothing()
    {
        var (driver, compilation) = FirstRun();

        var result = Result(driver.RunGenerators(compilation));

        Assert.All(StepReasons(result, SpecSteps), s => Assert.Equal(IncrementalStepRunReason.Cached, s.Reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void UnrelatedCSharpEditReParsesAndReEmitsNothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("class A { void M() { } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, "/project/Program.cs"));

        var result = Result(driver.RunGenerators(edited));

        Assert.All(StepReasons(result, TrackingNames.SpecFiles, TrackingNames.Spec, TrackingNames.Options), s => Assert.Equal(IncrementalStepRunReason.Cached, s.Reason));
        // The language features are re-read from the new compilation but come out equal, so nothing downstream runs.
        Assert.All(StepReasons(result, TrackingNames.Features), s => Assert.Equal(IncrementalStepRunReason.Unchanged, s.Reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void AddingACodeToThePageRegeneratesWithTheNewMember()
    {
        var (driver, compilation) = FirstRun();
        var oldPage = driver.GetRunResult().Results.Single();
        Assert.DoesNotContain("BrandNewCode", oldPage.GeneratedSources.Single(s => s.HintName == GeneratedNames.HintName(GeneratedNames.ErrorCode)).SourceText.ToString());

        var pageFile = new InMemoryAdditionalText(GeneratorRunner.PagePath, Page + "\n###### `BRAND_NEW_CODE`\n\nJust added.\n");
        driver = driver.ReplaceAdditionalText(PageFile, pageFile);
        var result = Result(driver.RunGenerators(compilation));

        Assert.Contains(StepReasons(result, TrackingNames.Spec), s => s.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("BrandNewCode = 3,", result.GeneratedSources.Single(s => s.HintName == GeneratedNames.HintName(GeneratedNames.ErrorCode)).SourceText.ToString());
    }

    [Fact]
    public void EditingTheOverlayChangesTheTransientMap()
    {
        var (driver, compilation) = FirstRun();
        var overlayFile = new InMemoryAdditionalText(GeneratorRunner.OverlayPath, Overlay.Replace("NOT_FOUND: { retry: none", "NOT_FOUND: { retry: backoff"));

        driver = driver.ReplaceAdditionalText(OverlayFile, overlayFile);
        var source = Result(driver.RunGenerators(compilation)).GeneratedSources.Single(s => s.HintName == GeneratedNames.HintName(GeneratedNames.ErrorCodes)).SourceText.ToString();

        Assert.Contains("TransientCodeArray = new DatoCmsErrorCode[]\n        {\n            DatoCmsErrorCode.ItemLocked,\n            DatoCmsErrorCode.NotFound,\n        };", source);
    }

    [Fact]
    public void PipelineCarriesNoSymbolsSyntaxOrCompilations()
    {
        var (driver, _) = FirstRun();

        foreach (var step in Result(driver).TrackedSteps.Where(s => SpecSteps.Contains(s.Key)).SelectMany(s => s.Value))
        {
            foreach (var output in step.Outputs)
            {
                AssertPlainData(output.Value, step.Name ?? "?", depth: 0);
            }
        }
    }

    private static void AssertPlainData(object? value, string step, int depth)
    {
        if (value is null || depth > 8 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or AdditionalText, $"Step {step} carries a {value.GetType().Name}");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertPlainData(item, step, depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertPlainData(property.GetValue(value), step, depth + 1);
        }
    }
}
