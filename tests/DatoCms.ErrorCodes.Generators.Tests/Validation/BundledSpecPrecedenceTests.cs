using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using DatoCms.ErrorCodes.Generators.Validation;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Validation;

/// <summary>
/// The package adds its own copy of the spec, marked DatoCmsSpecBundled=true. The user's page
/// replaces the bundled page; the user's overlay layers over the bundled overlay code by code.
/// User files sit under /app and bundled ones under /nuget, so ordering by path alone would
/// let the bundled overlay win: these tests prove the precedence does not depend on paths.
/// </summary>
public class BundledSpecPrecedenceTests
{
    private const string BundledPagePath = "/nuget/datocms.errorcodes.generators/spec/datocms-cma-errors.md";
    private const string BundledOverlayPath = "/nuget/datocms.errorcodes.generators/spec/datocms-cma-errors.yaml";
    private const string OwnPagePath = "/app/spec/datocms-cma-errors.md";
    private const string OwnOverlayPath = "/app/spec/ours.yaml";

    private const string Limits = "limits:\n  requests-per-window: 60\n  rate-limit-window-seconds: 3\n  rate-limit-limit-header: X-RateLimit-Limit\n  rate-limit-remaining-header: X-RateLimit-Remaining\n  rate-limit-reset-header: X-RateLimit-Reset\n";

    private const string BundledOverlay = Limits + "codes:\n  A_CODE: { retry: backoff, family: locks }\n  B_CODE: { retry: rate-limit, family: throttling }\n";

    private static string Page(params string[] codes) => string.Concat(codes.Select(c => $"###### `{c}`\n\nDescription of {c}. More.\n\n"));

    private static SpecFile Bundled(string path, SpecFileKind kind, string text) => new(path, kind, text, IsBundled: true);

    private static SpecFile Own(string path, SpecFileKind kind, string text) => new(path, kind, text);

    private static SpecResult Build(params SpecFile[] files) =>
        SpecBuilder.Build(files.Where(f => f.Kind == SpecFileKind.ErrorPage).ToList(), files.Where(f => f.Kind == SpecFileKind.Overlay).ToList());

    private static string[] Classification(SpecResult result) =>
        result.Spec!.Codes.Select(c => $"{c.ApiCode} {c.RetryKind} {c.Family}").ToArray();

    private static string[] Lines(SpecResult result) =>
        result.Diagnostics.Select(d => d.ToDiagnostic()).Select(d => $"{d.Id} {System.IO.Path.GetFileName(d.Location.GetLineSpan().Path)}: {d.GetMessage(CultureInfo.InvariantCulture)}").ToArray();

    [Fact]
    public void WithoutFilesOfTheUserTheBundledSpecIsUsed()
    {
        var result = Build(
            Bundled(BundledPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "B_CODE")),
            Bundled(BundledOverlayPath, SpecFileKind.Overlay, BundledOverlay));

        Assert.Empty(Lines(result));
        Assert.Equal(new[] { "A_CODE Backoff locks", "B_CODE RateLimit throttling" }, Classification(result));
    }

    [Fact]
    public void OwnPageReplacesTheBundledPageWithoutAConflict()
    {
        var result = Build(
            Bundled(BundledPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "B_CODE")),
            Bundled(BundledOverlayPath, SpecFileKind.Overlay, BundledOverlay),
            Own(OwnPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "NEW_CODE")));

        // No DATO114 for two pages, and no DATO106 for B_CODE, which only the bundled overlay knows.
        Assert.Equal(new[] { "DATO107 datocms-cma-errors.md: Error code 'NEW_CODE' is not in the overlay; it is generated as not transient (retry: none) with no family" }, Lines(result));
        Assert.Equal(OwnPagePath, result.Diagnostics.Single().ToDiagnostic().Location.GetLineSpan().Path);
        Assert.Equal(new[] { "A_CODE Backoff locks", "NEW_CODE None " }, Classification(result));
    }

    [Fact]
    public void OwnOverlayOverridesTheBundledOneCodeByCodeAndLimitByLimit()
    {
        var result = Build(
            Bundled(BundledPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "B_CODE")),
            Bundled(BundledOverlayPath, SpecFileKind.Overlay, BundledOverlay),
            Own(OwnOverlayPath, SpecFileKind.Overlay, "limits:\n  requests-per-window: 100\ncodes:\n  A_CODE: { retry: none, family: ours }\n"));

        Assert.Empty(Lines(result));
        Assert.Equal(new[] { "A_CODE None ours", "B_CODE RateLimit throttling" }, Classification(result));
        Assert.Equal("100", result.Spec!.Limits.Single(l => l.Key == "requests-per-window").Value);
        Assert.Equal("3", result.Spec.Limits.Single(l => l.Key == "rate-limit-window-seconds").Value);
    }

    [Fact]
    public void OwnEntryChangesOnlyTheKeysItHas()
    {
        // A new user's trial: renaming a member of a transient code made it permanent, silently.
        var result = Build(
            Bundled(BundledPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "B_CODE")),
            Bundled(BundledOverlayPath, SpecFileKind.Overlay, BundledOverlay),
            Own(OwnOverlayPath, SpecFileKind.Overlay, "codes:\n  A_CODE: { member: Renamed }\n  B_CODE: { family: ours }\n"));

        Assert.Empty(Lines(result));
        Assert.Equal(new[] { "A_CODE Backoff locks", "B_CODE RateLimit ours" }, Classification(result));
        Assert.Equal("Renamed", result.Spec!.Codes.Single(c => c.ApiCode == "A_CODE").MemberName);
    }

    [Fact]
    public void OwnEntryWithAMisspeltKeyKeepsTheRetryKindItDidNotChange()
    {
        var result = Build(
            Bundled(BundledPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "B_CODE")),
            Bundled(BundledOverlayPath, SpecFileKind.Overlay, BundledOverlay),
            Own(OwnOverlayPath, SpecFileKind.Overlay, "codes:\n  A_CODE: { retyr: none }\n"));

        Assert.Equal("DATO111", Assert.Single(result.Diagnostics).DescriptorId);
        Assert.Equal(new[] { "A_CODE Backoff locks", "B_CODE RateLimit throttling" }, Classification(result));
    }

    [Fact]
    public void LaterOwnOverlayOverridesAnEarlierOneKeyByKey()
    {
        var result = Build(
            Own(OwnPagePath, SpecFileKind.ErrorPage, Page("A_CODE")),
            Own("/app/spec/a.yaml", SpecFileKind.Overlay, Limits + "codes:\n  A_CODE: { retry: backoff, family: locks, member: First }\n"),
            Own("/app/spec/b.yaml", SpecFileKind.Overlay, "codes:\n  A_CODE: none\n"));

        Assert.Empty(Lines(result));
        Assert.Equal(new[] { "A_CODE None locks" }, Classification(result));
        Assert.Equal("First", result.Spec!.Codes.Single().MemberName);
    }

    [Fact]
    public void OwnOverlayCodeNotOnThePageIsStillReported()
    {
        var result = Build(
            Bundled(BundledPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "B_CODE")),
            Bundled(BundledOverlayPath, SpecFileKind.Overlay, BundledOverlay + "  DROPPED_CODE: backoff\n"),
            Own(OwnPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "B_CODE")),
            Own(OwnOverlayPath, SpecFileKind.Overlay, "codes:\n  GONE_CODE: backoff\n"));

        Assert.Equal(new[] { "DATO106 ours.yaml: The overlay classifies 'GONE_CODE', but the error-code page has no such entry; the entry is ignored" }, Lines(result));
    }

    [Fact]
    public void OwnOverlayNamingACodeOnlyTheBundledOverlayKnewMakesItTheUsersAgain()
    {
        var result = Build(
            Bundled(BundledPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "B_CODE")),
            Bundled(BundledOverlayPath, SpecFileKind.Overlay, BundledOverlay),
            Own(OwnPagePath, SpecFileKind.ErrorPage, Page("A_CODE")),
            Own(OwnOverlayPath, SpecFileKind.Overlay, "codes:\n  B_CODE: none\n"));

        Assert.Equal(new[] { "DATO106 ours.yaml: The overlay classifies 'B_CODE', but the error-code page has no such entry; the entry is ignored" }, Lines(result));
    }

    [Fact]
    public void TwoOwnPagesStillConflictAndTheBundledPageIsNotMentioned()
    {
        var result = Build(
            Bundled(BundledPagePath, SpecFileKind.ErrorPage, Page("A_CODE", "B_CODE")),
            Bundled(BundledOverlayPath, SpecFileKind.Overlay, BundledOverlay),
            Own("/app/spec/a.md", SpecFileKind.ErrorPage, Page("A_CODE")),
            Own("/app/spec/b.md", SpecFileKind.ErrorPage, Page("B_CODE")));

        Assert.Equal(new[] { "DATO114 b.md: More than one error-code page is present; '/app/spec/a.md' is used and '/app/spec/b.md' is ignored" }, Lines(result));
    }

    [Fact]
    public void TheGeneratorReadsTheBundledMarkFromItemMetadata()
    {
        var files = new List<AdditionalText>
        {
            new InMemoryAdditionalText(BundledPagePath, Page("A_CODE", "B_CODE")),
            new InMemoryAdditionalText(BundledOverlayPath, BundledOverlay),
            new InMemoryAdditionalText("/app/vendor-page.md", Page("A_CODE", "NEW_CODE")),
        };
        var bundled = new Dictionary<string, string> { [GeneratorOptions.SpecMetadata] = "errors", [GeneratorOptions.SpecBundledMetadata] = "true" };
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [BundledPagePath] = bundled,
            [BundledOverlayPath] = new Dictionary<string, string> { [GeneratorOptions.SpecMetadata] = "overlay", [GeneratorOptions.SpecBundledMetadata] = "True " },
            ["/app/vendor-page.md"] = new Dictionary<string, string> { [GeneratorOptions.SpecMetadata] = "errors" },
        };

        var run = GeneratorRunner.Run(files, new TestOptionsProvider(fileOptions: metadata));

        Assert.Equal(new[] { "DATO107 5: Error code 'NEW_CODE' is not in the overlay; it is generated as not transient (retry: none) with no family" }, run.DiagnosticLines);
        var enumSource = run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)];
        Assert.Contains(" NewCode = ", enumSource, System.StringComparison.Ordinal);
        Assert.DoesNotContain(" BCode = ", enumSource, System.StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }
}
