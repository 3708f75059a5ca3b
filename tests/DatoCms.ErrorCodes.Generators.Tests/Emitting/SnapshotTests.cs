using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.Emitting;

/// <summary>
/// Pins every generated file, byte for byte, for our shipped spec and for small edge-case specs.
/// Snapshots live in Snapshots/SCENARIO.FILE.verified.cs; see <see cref="Snapshot"/> to accept changes.
/// </summary>
public class SnapshotTests
{
    private const string EdgeCasePage = "# Errors\n\n## Error codes\n\n###### `ITEM_LOCKED`\n\nThe record is <locked> & \"busy\": wait a moment, then retry with **backoff**.\n\n###### `3D_MODEL_REJECTED`\n\nA code starting with a digit gets a C# name starting with Code.\n\n###### `EXCEPTION`\n\nSomething unexpected failed on the server\\\\side.\n";
    private const string EdgeCaseOverlay = "docs-url: https://example.test/errors/\nlimits:\n  requests-per-window: 120\n  rate-limit-window-seconds: 10\n  rate-limit-limit-header: X-RateLimit-Limit\n  rate-limit-remaining-header: X-RateLimit-Remaining\n  rate-limit-reset-header: X-RateLimit-Reset\n  max-upload-bytes: 5000000000\n  region-name: \"eu\"\ncodes:\n  ITEM_LOCKED: { retry: backoff, family: concurrency }\n  3D_MODEL_REJECTED: { retry: none, family: uploads }\n  EXCEPTION: { retry: none, family: availability, member: UnexpectedServerError, exception: UnexpectedServerErrorException, summary: \"Our own summary.\" }\n";

    private static readonly Dictionary<string, Func<GeneratorRun>> Scenarios = new()
    {
        ["Shipped"] = () => GeneratorRunner.RunOnShippedSpec(),
        ["EdgeCasesLegacy"] = () => GeneratorRunner.Run(EdgeCasePage, EdgeCaseOverlay, references: ReferenceSet.NetStandard20, languageVersion: LanguageVersion.CSharp7_3),
        ["EdgeCasesPublic"] = () => GeneratorRunner.Run(EdgeCasePage, EdgeCaseOverlay, globalOptions: new Dictionary<string, string> { ["build_property.DatoCmsErrorCodesPublic"] = "true", ["build_property.DatoCmsErrorCodesNamespace"] = "Acme.Errors" }),
        ["NoCodes"] = () => GeneratorRunner.Run("# Errors\n", EdgeCaseOverlay.Substring(0, EdgeCaseOverlay.IndexOf("codes:", StringComparison.Ordinal))),
        ["ResilienceStack"] = () => GeneratorRunner.RunOnShippedSpec(references: ReferenceSet.Net100, extraReferences: ResilienceStackReferences.For(ReferenceSet.Net100)),
        ["RateLimiting"] = () => GeneratorRunner.RunOnShippedSpec(references: ReferenceSet.Net80WithRateLimiting),
        ["Redis"] = () => RedisGeneratorRuns.Run(redisMajorVersion: 3, rateLimiting: true, logging: true),
        ["OpenTelemetry"] = () => GeneratorRunner.RunOnShippedSpec(references: ReferenceSet.Net100, extraReferences: new[] { MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "OpenTelemetryForNet100", "OpenTelemetry.Api.dll")) }),
    };

    /// <summary>How many files each scenario generates: the legacy target gets no exceptions or retry handler (DATO120).</summary>
    private static readonly Dictionary<string, int> FileCounts = new()
    {
        ["Shipped"] = 31,
        ["EdgeCasesLegacy"] = 8,
        ["EdgeCasesPublic"] = 31,
        ["NoCodes"] = 31,
        ["ResilienceStack"] = 49,
        ["RateLimiting"] = 34,
        ["Redis"] = 46,
        ["OpenTelemetry"] = 32,
    };

    /// <summary>
    /// The spec-independent files (exception base, body reader, retry handler) are pinned once, for
    /// Shipped; <see cref="TemplatesDifferOnlyByNamespaceAndAccessibility"/> covers the other scenarios.
    /// </summary>
    private static readonly HashSet<string> ScenariosPinningTemplates = new() { "Shipped" };

    public static TheoryData<string> ScenarioNames => new(Scenarios.Keys);

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void GeneratedFilesMatchSnapshots(string scenario)
    {
        var run = Scenarios[scenario]();

        // CS1701/CS1702: a package built against an older System.Runtime (System.Threading.RateLimiting 8.0,
        // which the resilience stack brings) unified with net10.0's; the SDK silences these in every build.
        Assert.DoesNotContain(run.CompilationProblems, d => d.Id is not ("CS1701" or "CS1702"));
        Assert.Equal(FileCounts[scenario], run.Sources.Count);
        foreach (var (hintName, source) in run.Sources.Where(s => IsPinned(scenario, s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Snapshot.Verify(SnapshotName(scenario, hintName), source);
        }
    }

    [Theory]
    [InlineData("EdgeCasesPublic")]
    [InlineData("NoCodes")]
    public void TemplatesDifferOnlyByNamespaceAndAccessibility(string scenario)
    {
        var pinned = Scenarios["Shipped"]().Sources;
        var other = Scenarios[scenario]().Sources;

        foreach (var hintName in TemplateHintNames)
        {
            Assert.Equal(Normalize(pinned[hintName], "DatoCms.ErrorCodes"), Normalize(other[hintName], scenario == "EdgeCasesPublic" ? "Acme.Errors" : "DatoCms.ErrorCodes"));
        }

        static string Normalize(string source, string ns) => source
            .Replace("namespace " + ns + "\n", "namespace NS\n", StringComparison.Ordinal)
            .Replace("global::" + ns + ".", "global::NS.", StringComparison.Ordinal)
            .Replace("public ", "ACCESS ", StringComparison.Ordinal)
            .Replace("internal ", "ACCESS ", StringComparison.Ordinal);
    }

    [Fact]
    public void NoOrphanedSnapshots()
    {
        var expected = Scenarios.SelectMany(s => s.Value().Sources.Keys.Where(h => IsPinned(s.Key, h)).Select(h => SnapshotName(s.Key, h) + ".verified.cs")).ToHashSet();
        var onDisk = Directory.GetFiles(Snapshot.Directory, "*.verified.cs").Select(Path.GetFileName).ToHashSet();

        Assert.Empty(onDisk.Except(expected));
    }

    private static readonly Lazy<HashSet<string>> ShippedHintNames = new(() => Scenarios["Shipped"]().Sources.Keys.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// The scenario with the whole resilience stack referenced pins only the integrations, the Redis
    /// scenario only the Redis files, the RateLimiting scenario only the RateLimiting files (which the resilience stack
    /// also gets, through Polly.RateLimiting); the rest of each equals Shipped.
    /// </summary>
    private static bool IsPinned(string scenario, string hintName) => scenario switch
    {
        "ResilienceStack" => !ShippedHintNames.Value.Contains(hintName) && !RateLimitingHintNames.Contains(hintName),
        "Redis" => RedisHintNames.Contains(hintName),
        "OpenTelemetry" => hintName == GeneratedNames.HintName(GeneratedNames.OpenTelemetryBuilderExtensions),
        "RateLimiting" => RateLimitingHintNames.Contains(hintName),
        _ => ScenariosPinningTemplates.Contains(scenario) || !TemplateHintNames.Contains(hintName),
    };

    /// <summary>Generated only where System.Threading.RateLimiting is referenced: pinned in the RateLimiting scenario alone (the rest equals Shipped).</summary>
    private static readonly HashSet<string> RateLimitingHintNames = new[]
    {
        GeneratedNames.RetryOptionsRateLimiting, GeneratedNames.RateLimitLease, GeneratedNames.AdaptiveRateLimiter,
    }.Select(GeneratedNames.HintName).ToHashSet(StringComparer.Ordinal);

    /// <summary>The Redis scenario is the shipped spec plus the Redis files; only those are pinned for it.</summary>
    private static readonly HashSet<string> RedisHintNames = new(StringComparer.Ordinal)
    {
        "DatoCmsRedisRateLimiterOptions.g.cs", "DatoCmsRedisRateLimitScripts.g.cs", "DatoCmsRedisRateLimiter.g.cs", "DatoCmsRedisRateLimitHandler.g.cs",
        "DatoCmsRedisRateLimitHttpClientBuilderExtensions.g.cs", "DatoCmsRedisRateLimitHttpClientBuilderExtensions.Logging.g.cs",
    };

    private static readonly HashSet<string> TemplateHintNames = new[]
    {
        GeneratedNames.ApiException, GeneratedNames.TransientApiException, GeneratedNames.ApiError, GeneratedNames.ErrorBodyReader,
        GeneratedNames.RateLimitHeaders, GeneratedNames.HttpResponseExtensions, GeneratedNames.RetryOptions, GeneratedNames.RetryAttempt,
        GeneratedNames.RetryPolicy, GeneratedNames.RateLimiter, GeneratedNames.RetryHandler, GeneratedNames.Retry,
        GeneratedNames.RequestInfo, GeneratedNames.RetryFaults, GeneratedNames.TimeBudget, GeneratedNames.JobOptions, GeneratedNames.JobFollower,
        GeneratedNames.RejectedSettings, GeneratedNames.Telemetry, GeneratedNames.Metrics,
        GeneratedNames.RateLimitTicket, GeneratedNames.RateLimitShare,
    }.Select(GeneratedNames.HintName).ToHashSet(StringComparer.Ordinal);

    private static string SnapshotName(string scenario, string hintName) => scenario + "." + hintName.Replace(".g.cs", string.Empty);
}
