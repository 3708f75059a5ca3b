using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.Generator;

/// <summary>The generated code compiles without a single warning on every target a consumer may have.</summary>
public class TargetCompatibilityTests
{
    private const string Page = "###### `ITEM_LOCKED`\n\nThe record is <locked> & \"busy\". Retry later.\n\n###### `NOT_FOUND`\n\nNothing there.\n\n###### `RATE_LIMIT_EXCEEDED`\n\nToo many requests.\n";
    private const string Overlay = "limits:\n  requests-per-window: 60\n  rate-limit-window-seconds: 3\n  rate-limit-limit-header: X-RateLimit-Limit\n  rate-limit-remaining-header: X-RateLimit-Remaining\n  rate-limit-reset-header: X-RateLimit-Reset\n  max-asset-size-bytes: 10000000000\ncodes:\n  ITEM_LOCKED: { retry: backoff, family: concurrency }\n  NOT_FOUND: { retry: none, family: not-found }\n  RATE_LIMIT_EXCEEDED: { retry: rate-limit, family: rate-limit }\n";

    private const string Usage = @"
using DatoCms.ErrorCodes;
internal static class Usage
{
    public static string Describe(string apiCode)
    {
        DatoCmsErrorCode code;
        if (!DatoCmsErrorCodes.TryParse(apiCode, out code)) return ""unknown"";
        DatoCmsErrorInfo info = code.GetInfo();
        return info.ApiCode + info.Summary + info.Description + info.DocUrl + info.RetryKind + info.Family + info.IsTransient
            + DatoCmsErrorCodes.All.Count + DatoCmsErrorCodes.TransientCodes.Count + DatoCmsErrorCodes.Count
            + DatoCmsLimits.RequestsPerWindow + DatoCmsLimits.RateLimitResetHeader + DatoCmsLimits.RateLimitWindow + DatoCmsLimits.MaxAssetSizeBytes;
    }
}";

    private const string SpanUsage = @"
internal static class SpanUsage
{
    public static bool Parse(System.ReadOnlySpan<char> chars, System.ReadOnlySpan<byte> bytes)
    {
        DatoCmsErrorCode a, b;
        return DatoCmsErrorCodes.TryParse(chars, out a) && DatoCmsErrorCodes.TryParseUtf8(bytes, out b) && a == b;
    }
}";

    private const string RuntimeUsage = @"
internal static class RuntimeUsage
{
    public static async System.Threading.Tasks.Task<string> Use(System.Net.Http.HttpResponseMessage response)
    {
        DatoCmsApiException error = DatoCmsApiException.FromResponse(429, ""{}"", response.Headers);
        DatoCmsApiError? first = error.FindError(DatoCmsErrorCode.ItemLocked);
        var options = new DatoCmsRetryOptions { MaxAttempts = 3, OnRetry = attempt => System.Console.WriteLine(attempt.Delay) };
        using var client = new System.Net.Http.HttpClient(new DatoCmsRetryHandler(options, new System.Net.Http.HttpClientHandler()));
        await response.EnsureDatoCmsSuccessAsync();
        var typed = error is RateLimitExceededException || error is DatoCmsTransientApiException;
        return await DatoCmsRetry.ExecuteAsync(_ => System.Threading.Tasks.Task.FromResult(first?.ApiCode + typed + error.RetryKind));
    }
}";

    /// <summary>Reference set, language version, whether spans exist, whether the exceptions and retry handler are generated.</summary>
    public static TheoryData<ReferenceSet, LanguageVersion, bool, bool> Targets => new()
    {
        { ReferenceSet.Net80, LanguageVersion.Latest, true, true },
        { ReferenceSet.Net80, LanguageVersion.CSharp7_3, true, false },
        { ReferenceSet.Net80, LanguageVersion.CSharp8, true, true },
        { ReferenceSet.NetStandard20, LanguageVersion.CSharp7_3, false, false },
        { ReferenceSet.NetStandard20, LanguageVersion.Latest, false, false },
        { ReferenceSet.Net472, LanguageVersion.CSharp7_3, false, false },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void CompilesWithoutWarnings(ReferenceSet references, LanguageVersion languageVersion, bool hasSpan, bool hasRuntime)
    {
        var usage = Usage + (hasSpan ? SpanUsage : string.Empty) + (hasRuntime ? RuntimeUsage : string.Empty);
        var run = GeneratorRunner.Run(Page, Overlay, usage, references, languageVersion);

        Assert.Empty(run.CompilationProblems);
        var expected = new List<string>();
        if (!hasSpan)
        {
            expected.Add("DATO117");
        }

        if (!hasRuntime)
        {
            expected.Add("DATO120");
        }

        Assert.Equal(expected, run.Diagnostics.Select(d => d.Id));
        Assert.Equal(hasSpan, run.Sources["DatoCmsErrorCodes.Parsing.g.cs"].Contains("TryParseUtf8"));
        Assert.Equal(languageVersion != LanguageVersion.CSharp7_3, run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)].Contains("#nullable enable"));
        Assert.Equal(hasRuntime, run.Sources.ContainsKey(GeneratedNames.HintName(GeneratedNames.RetryHandler)));
        Assert.Equal(hasRuntime, run.Sources.ContainsKey(GeneratedNames.HintName(GeneratedNames.CodeExceptionsFile)));
    }

    [Theory]
    [InlineData(ReferenceSet.Net80, LanguageVersion.CSharp7_3, "DATO120: The typed exceptions and the retry handler are not generated: they need C# 8 or later (set LangVersion to 8.0 or higher)")]
    [InlineData(ReferenceSet.NetStandard20, LanguageVersion.Latest, "DATO120: The typed exceptions and the retry handler are not generated: they need System.Text.Json to read error bodies (add the System.Text.Json package, which also brings System.ReadOnlySpan<T>)")]
    [InlineData(ReferenceSet.NetStandard20, LanguageVersion.CSharp7_3, "DATO120: The typed exceptions and the retry handler are not generated: they need C# 8 or later (set LangVersion to 8.0 or higher) and System.Text.Json to read error bodies (add the System.Text.Json package, which also brings System.ReadOnlySpan<T>)")]
    [InlineData(ReferenceSet.Net472, LanguageVersion.CSharp7_3, "DATO120: The typed exceptions and the retry handler are not generated: they need C# 8 or later (set LangVersion to 8.0 or higher) and System.Text.Json to read error bodies (add the System.Text.Json package, which also brings System.ReadOnlySpan<T>)")]
    public void MissingRuntimeSupportIsExplained(ReferenceSet references, LanguageVersion languageVersion, string expected)
    {
        var run = GeneratorRunner.Run(Page, Overlay, references: references, languageVersion: languageVersion);

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DATO120");
        Assert.Equal(expected, diagnostic.Id + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public void EveryMissingPrerequisiteIsNamedInOneReason()
    {
        var bare = new TargetFeatures(SupportsNullable: false, HasSpan: false, HasEnumMember: true, HasJsonEnumMemberName: false, HasSystemTextJson: false, HasHttpClient: false);

        Assert.Equal(
            "they need C# 8 or later (set LangVersion to 8.0 or higher), System.Text.Json to read error bodies (add the System.Text.Json package, which also brings System.ReadOnlySpan<T>) and System.Net.Http for the retry handler (reference it)",
            bare.ExceptionsUnavailableReason);
        Assert.Equal("they need System.ReadOnlySpan<T> (reference System.Memory)", (bare with { SupportsNullable = true, HasSystemTextJson = true, HasHttpClient = true }).ExceptionsUnavailableReason);
        Assert.Null((bare with { SupportsNullable = true, HasSpan = true, HasSystemTextJson = true }).ExceptionsUnavailableReason);
        Assert.Equal("it needs System.Net.Http, which this project does not reference", (bare with { SupportsNullable = true, HasSpan = true, HasSystemTextJson = true }).RetryUnavailableReason);
    }

    [Theory]
    [InlineData(ReferenceSet.Net80, false)]
    [InlineData(ReferenceSet.Net80WithRateLimiting, true)]
    [InlineData(ReferenceSet.NetStandard20WithJson, false)]
    [InlineData(ReferenceSet.NetStandard20WithRateLimiting, true)]
    public void TheThrottleIsARateLimiterOnlyWhereSystemThreadingRateLimitingIsReferenced(ReferenceSet references, bool expected)
    {
        var usage = expected ? "class Use { System.Threading.RateLimiting.RateLimiter L(DatoCmsRetryOptions o) { o.RateLimiter = new DatoCmsAdaptiveRateLimiter(); return o.CreateRateLimiter(); } }" : string.Empty;
        var run = GeneratorRunner.Run(Page, Overlay, "using DatoCms.ErrorCodes;\n" + usage, references, LanguageVersion.Latest);

        Assert.Empty(run.CompilationProblems);
        Assert.Equal(expected, run.Sources.ContainsKey("DatoCmsAdaptiveRateLimiter.g.cs"));
        Assert.Equal(expected, run.Sources.ContainsKey("DatoCmsRateLimitLease.g.cs"));
        Assert.Equal(expected, run.Sources.ContainsKey("DatoCmsRetryOptions.RateLimiting.g.cs"));
        Assert.True(run.Sources.ContainsKey("DatoCmsRetryHandler.g.cs"));
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
    }

    [Fact]
    public void TypesAreInternalByDefault()
    {
        var run = GeneratorRunner.Run(Page, Overlay);

        Assert.All(run.Sources.Values, source => Assert.DoesNotContain("public enum", source));
        Assert.Contains("internal enum DatoCmsErrorCode", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)]);
        Assert.Contains("internal static partial class DatoCmsErrorCodes", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCodes)]);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public void PublicOptionMakesTypesPublic(string value)
    {
        var run = GeneratorRunner.Run(Page, Overlay, globalOptions: new Dictionary<string, string> { ["build_property.DatoCmsErrorCodesPublic"] = value });

        Assert.Contains("public enum DatoCmsErrorCode", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)]);
        Assert.Contains("public static partial class DatoCmsErrorCodes", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCodes)]);
        Assert.Contains("public readonly struct DatoCmsErrorInfo", run.Sources[GeneratedNames.HintName(GeneratedNames.ErrorInfo)]);
        Assert.Contains("public static class DatoCmsLimits", run.Sources[GeneratedNames.HintName(GeneratedNames.Limits)]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void NamespaceOptionMovesEveryType()
    {
        var run = GeneratorRunner.Run(Page, Overlay, Usage.Replace("using DatoCms.ErrorCodes;", "using Acme.Cms.Errors;"), globalOptions: new Dictionary<string, string> { ["build_property.DatoCmsErrorCodesNamespace"] = "Acme.Cms.Errors" });

        Assert.All(run.Sources.Values, source => Assert.Contains("namespace Acme.Cms.Errors\n", source));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void TwoAssembliesWithInternalTypesDoNotClash()
    {
        var first = GeneratorRunner.Run(Page, Overlay).OutputCompilation;
        var firstReference = first.ToMetadataReference();
        var second = GeneratorRunner.Run(Page, Overlay, Usage).OutputCompilation.AddReferences(firstReference);

        Assert.Empty(second.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }
}
