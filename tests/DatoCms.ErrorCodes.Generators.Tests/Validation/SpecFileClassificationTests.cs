using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Validation;

/// <summary>
/// Which AdditionalFiles make up the spec: DatoCmsSpec metadata first, then the file name. Metadata we
/// do not understand is reported (DATO122) instead of silently dropping the file, and a file that
/// cannot be read is a located DATO199 while the rest of the spec is still generated.
/// </summary>
public class SpecFileClassificationTests
{
    private const string PagePath = "/project/docs/dato-errors.md";
    private const string OverlayPath = "/project/config/dato-overlay.yaml";
    private const string Overlay = SmallSpec.Limits + "codes:\n  A_CODE: { retry: backoff, family: x }\n";

    private static GeneratorRun Run(string pageMetadata, string overlayMetadata)
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(PagePath, SmallSpec.Page("A_CODE")),
            new InMemoryAdditionalText(OverlayPath, Overlay),
        };
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [PagePath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DatoCmsSpec"] = pageMetadata },
            [OverlayPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DatoCmsSpec"] = overlayMetadata },
        };
        return GeneratorRunner.Run(files, new TestOptionsProvider(fileOptions: metadata));
    }

    [Theory]
    [InlineData("errors", "overlay")]
    [InlineData("page", "overlay")]
    [InlineData(" Errors ", "OVERLAY")]
    public void MetadataNamesTheSpecFilesWhateverTheirNames(string pageMetadata, string overlayMetadata)
    {
        var run = Run(pageMetadata, overlayMetadata);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("ACode = 1,", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)]);
        Assert.Contains("X = 1,", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorFamily)]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void NoneExcludesAFileNamedLikeTheSpec()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(GeneratorRunner.PagePath, SmallSpec.Page("A_CODE")),
            new InMemoryAdditionalText(GeneratorRunner.OverlayPath, Overlay),
        };
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [GeneratorRunner.OverlayPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DatoCmsSpec"] = "none" },
        };

        var run = GeneratorRunner.Run(files, new TestOptionsProvider(fileOptions: metadata));

        Assert.Equal(
            new[]
            {
                ("datocms-cma-errors.md", 1, "DATO107", DiagnosticSeverity.Info, "Error code 'A_CODE' is not in the overlay; it is generated as not transient (retry: none) with no family"),
                ("datocms-cma-errors.md", 1, "DATO118", DiagnosticSeverity.Info, "The overlay does not set requests-per-window, rate-limit-window-seconds, rate-limit-limit-header, rate-limit-remaining-header, rate-limit-reset-header; today's values are used (60, 3, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset)"),
            },
            DiagnosticRows.Of(run));
    }

    [Fact]
    public void UnknownMetadataIsReportedAtTheFileAndTheFileIsLeftOut()
    {
        var run = Run("errors", "overlays");

        Assert.Equal(
            new[]
            {
                ("dato-overlay.yaml", 1, "DATO122", DiagnosticSeverity.Warning, "The AdditionalFile '/project/config/dato-overlay.yaml' has DatoCmsSpec=\"overlays\", which is not one of errors, page, overlay, none; the file is not part of the spec"),
                ("dato-errors.md", 1, "DATO107", DiagnosticSeverity.Info, "Error code 'A_CODE' is not in the overlay; it is generated as not transient (retry: none) with no family"),
                ("dato-errors.md", 1, "DATO118", DiagnosticSeverity.Info, "The overlay does not set requests-per-window, rate-limit-window-seconds, rate-limit-limit-header, rate-limit-remaining-header, rate-limit-reset-header; today's values are used (60, 3, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset)"),
            },
            DiagnosticRows.Of(run));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void UnknownMetadataIsReportedEvenWhenNothingElseIsGenerated()
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText(PagePath, SmallSpec.Page("A_CODE")) };
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [PagePath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DatoCmsSpec"] = "error" },
        };

        var run = GeneratorRunner.Run(files, new TestOptionsProvider(fileOptions: metadata));

        Assert.Equal(
            new[] { ("dato-errors.md", 1, "DATO122", DiagnosticSeverity.Warning, "The AdditionalFile '/project/docs/dato-errors.md' has DatoCmsSpec=\"error\", which is not one of errors, page, overlay, none; the file is not part of the spec") },
            DiagnosticRows.Of(run));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void UnreadableSpecFileIsAGeneratorFailureAtTheFileNotACompilerCrash()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(GeneratorRunner.PagePath, SmallSpec.Page("A_CODE")),
            new ThrowingAdditionalText(GeneratorRunner.OverlayPath),
        };

        var run = GeneratorRunner.Run(files, new TestOptionsProvider());

        Assert.Equal(
            new[]
            {
                ("datocms-cma-errors.yaml", 1, "DATO199", DiagnosticSeverity.Error, "DatoCms.ErrorCodes.Generators failed while reading the additional file '/project/spec/datocms-cma-errors.yaml': IOException: The device is not ready. Please report this with the spec that caused it."),
                ("datocms-cma-errors.md", 1, "DATO107", DiagnosticSeverity.Info, "Error code 'A_CODE' is not in the overlay; it is generated as not transient (retry: none) with no family"),
                ("datocms-cma-errors.md", 1, "DATO118", DiagnosticSeverity.Info, "The overlay does not set requests-per-window, rate-limit-window-seconds, rate-limit-limit-header, rate-limit-remaining-header, rate-limit-reset-header; today's values are used (60, 3, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset)"),
            },
            DiagnosticRows.Of(run));
        Assert.Contains("ACode = 1,", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void UnrelatedFilesAreNeverRead()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(GeneratorRunner.PagePath, SmallSpec.Page("A_CODE")),
            new InMemoryAdditionalText(GeneratorRunner.OverlayPath, Overlay),
            new ThrowingAdditionalText("/project/notes.txt"),
        };

        var run = GeneratorRunner.Run(files, new TestOptionsProvider());

        Assert.Empty(run.Diagnostics);
    }
}
