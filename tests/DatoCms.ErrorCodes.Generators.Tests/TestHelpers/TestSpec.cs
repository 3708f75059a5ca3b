using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>Which spec the generated API of an analyzer or code-fix test comes from.</summary>
public enum ApiSpec
{
    /// <summary>The small fixed spec of <see cref="TestSpec"/>: what the analyzer tests are written against.</summary>
    Test,

    /// <summary>The spec the package ships (spec/datocms-cma-errors.*), for the few tests that must see the real one.</summary>
    Shipped,
}

/// <summary>
/// A small spec fixed for the analyzer and code-fix tests: six transient codes (five backoff, one
/// rate limit), five permanent ones and one refresh. Changing which shipped codes are transient
/// therefore changes no analyzer or code-fix expectation; one test per rule family still runs on
/// the shipped spec (<see cref="ApiSpec.Shipped"/>).
/// </summary>
internal static class TestSpec
{
    /// <summary>The transient members, in declaration (page) order, as DATO001 lists them.</summary>
    public static readonly IReadOnlyList<string> TransientMembers = new[]
    {
        "ConcurrentItemUpdate", "EnvironmentNotReady", "ItemLocked", "RateLimitExceeded", "ServiceUnavailable", "SiteNotReady",
    };

    private static readonly (string Code, string Retry, string Extra)[] Codes =
    {
        ("CONCURRENT_ITEM_UPDATE", "backoff", string.Empty),
        ("ENVIRONMENT_NOT_READY", "backoff", string.Empty),
        ("EXCEPTION", "none", ", member: UnexpectedServerError, exception: UnexpectedServerErrorException"),
        ("INVALID_FIELD", "none", string.Empty),
        ("INVALID_FORMAT", "none", string.Empty),
        ("ITEM_LOCKED", "backoff", string.Empty),
        ("NOT_FOUND", "none", string.Empty),
        ("RATE_LIMIT_EXCEEDED", "rate-limit", string.Empty),
        ("SERVICE_UNAVAILABLE", "backoff", string.Empty),
        ("SITE_NOT_READY", "backoff", string.Empty),
        ("STALE_ITEM_VERSION", "refresh", string.Empty),
        ("UNAUTHORIZED", "none", string.Empty),
    };

    public static string Page { get; } = SmallSpec.Page(Codes.Select(c => c.Code).ToArray());

    public static string Overlay { get; } = SmallSpec.Limits + "codes:\n" + string.Concat(Codes.Select(c => $"  {c.Code}: {{ retry: {c.Retry}, family: general{c.Extra} }}\n"));

    private static readonly Lazy<IReadOnlyList<(string HintName, string Source)>> Generated = new(() =>
    {
        var run = GeneratorRunner.Run(Page, Overlay);
        var problems = run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The test spec does not generate cleanly:\n" + string.Join("\n", problems));
        }

        return run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value)).ToList();
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<CSharpParseOptions, IReadOnlyList<SyntaxTree>> ParsedTrees = new();

    /// <summary>The generated sources for the test spec, by hint name.</summary>
    public static IReadOnlyList<(string HintName, string Source)> Sources => Generated.Value;

    /// <summary>The generated sources for either spec.</summary>
    public static IReadOnlyList<(string HintName, string Source)> SourcesFor(ApiSpec spec) => spec == ApiSpec.Shipped ? ShippedSpecSources.All : Sources;

    /// <summary>Parsed once per language version and shared, like <see cref="ShippedSpecSources.Trees"/>.</summary>
    public static IEnumerable<SyntaxTree> Trees(CSharpParseOptions options) =>
        ParsedTrees.GetOrAdd(options, o => Sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, o, path: "Generated/" + s.HintName)).ToList());
}
