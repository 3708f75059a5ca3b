using System.Globalization;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.Generator;

/// <summary>
/// DatoCmsRedisRateLimiter is generated exactly when the consumer references StackExchange.Redis
/// (2.x or 3.x) and System.Threading.RateLimiting, compiles warning-free against the real
/// assemblies, and its absence is explained (DATO125) only to consumers who reference Redis.
/// </summary>
public class RedisRateLimiterGenerationTests
{
    private static readonly string[] RedisFiles =
    {
        "DatoCmsRedisRateLimiterOptions.g.cs", "DatoCmsRedisRateLimitScripts.g.cs", "DatoCmsRedisRateLimiter.g.cs", "DatoCmsRedisRateLimitHandler.g.cs",
        "DatoCmsRedisRateLimitHttpClientBuilderExtensions.g.cs", "DatoCmsRedisRateLimitHttpClientBuilderExtensions.Logging.g.cs",
    };

    private const string Usage = @"
using DatoCms.ErrorCodes;

internal static class RedisUsage
{
    public static async System.Threading.Tasks.Task<System.Net.Http.HttpClient> Use(StackExchange.Redis.IConnectionMultiplexer redis)
    {
        var options = new DatoCmsRedisRateLimiterOptions { ProjectKey = ""12345"", KeyPrefix = ""acme:"", ClockSkewMargin = System.TimeSpan.FromMilliseconds(50), FallbackShare = 0.2 };
        System.Threading.RateLimiting.RateLimiter limiter = new DatoCmsRedisRateLimiter(redis, options);
        using (System.Threading.RateLimiting.RateLimitLease lease = await limiter.AcquireAsync(1))
        {
        }

        var handler = new DatoCmsRedisRateLimitHandler((DatoCmsRedisRateLimiter)limiter, new System.Net.Http.HttpClientHandler());
        Microsoft.Extensions.DependencyInjection.IHttpClientBuilder? builder = null;
        builder?.UseRedisRateLimit(redis, ""12345"", o => o.SpreadEvenly = false).UseRedisRateLimit(""12345"")
            .UseRedisRateLimit(""12345"", (services, o) => o.FallbackShare = 0.5).UseRedisRateLimit(redis, ""12345"", (services, o) => o.FallbackShare = 0.5);
        System.IServiceProvider? services = null;
        bool? degraded = (services?.GetService(typeof(DatoCmsRedisRateLimiters)) as DatoCmsRedisRateLimiters)?.ForClient(""datocms"").IsUsingFallback;
        return new System.Net.Http.HttpClient(new DatoCmsRetryHandler(new DatoCmsRetryOptions { EnableThrottling = false }, handler));
    }
}";

    /// <summary>
    /// What the generator says about Redis: a consumer that references Microsoft.Extensions.Http
    /// without Microsoft.Extensions.Http.Resilience is also told (DATO130) that the resilience
    /// handler is left out, which the integration tests cover.
    /// </summary>
    private static Diagnostic[] RedisDiagnostics(GeneratorRun run) => run.Diagnostics.Where(d => d.Id != "DATO130").ToArray();

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void WithRedisAndRateLimitingTheLimiterIsGeneratedAndCompilesWithoutWarnings(int redisMajorVersion)
    {
        var run = RedisGeneratorRuns.Run(redisMajorVersion, rateLimiting: true, Usage, logging: true);

        Assert.Empty(run.CompilationProblems);
        Assert.Empty(RedisDiagnostics(run));
        Assert.All(RedisFiles, file => Assert.True(run.Sources.ContainsKey(file), file + " was not generated"));
    }

    [Fact]
    public void WithoutMicrosoftExtensionsHttpOnlyTheRegistrationIsLeftOutAndNothingIsSaid()
    {
        var run = RedisGeneratorRuns.Run(redisMajorVersion: 3, rateLimiting: true, httpClientFactory: false);

        Assert.Empty(run.CompilationProblems);
        Assert.Empty(run.Diagnostics);
        Assert.True(run.Sources.ContainsKey("DatoCmsRedisRateLimiter.g.cs"));
        Assert.False(run.Sources.ContainsKey("DatoCmsRedisRateLimitHttpClientBuilderExtensions.g.cs"));
    }

    [Fact]
    public void WithoutLoggingTheRegistrationStaysAndOnlyItsLogMessagesAreLeftOut()
    {
        var run = RedisGeneratorRuns.Run(redisMajorVersion: 3, rateLimiting: true, Usage, logging: false);

        Assert.Empty(run.CompilationProblems);
        Assert.Empty(RedisDiagnostics(run));
        Assert.True(run.Sources.ContainsKey("DatoCmsRedisRateLimitHttpClientBuilderExtensions.g.cs"));
        Assert.False(run.Sources.ContainsKey("DatoCmsRedisRateLimitHttpClientBuilderExtensions.Logging.g.cs"));
    }

    [Fact]
    public void WithoutRedisNothingIsGeneratedAndNothingIsSaid()
    {
        var run = RedisGeneratorRuns.Run(redisMajorVersion: 0, rateLimiting: true);

        Assert.Empty(run.CompilationProblems);
        Assert.Empty(RedisDiagnostics(run));
        Assert.DoesNotContain(run.Sources.Keys, key => key.Contains("Redis", System.StringComparison.Ordinal));
    }

    [Fact]
    public void RedisWithoutRateLimitingIsExplainedAndBuilds()
    {
        var run = RedisGeneratorRuns.Run(redisMajorVersion: 3, rateLimiting: false);

        Assert.Empty(run.CompilationProblems);
        Assert.DoesNotContain(run.Sources.Keys, key => key.Contains("Redis", System.StringComparison.Ordinal));
        var diagnostic = Assert.Single(RedisDiagnostics(run));
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(
            "DATO125: StackExchange.Redis is referenced, but DatoCmsRedisRateLimiter is not generated: it is a System.Threading.RateLimiting.RateLimiter, and this project does not reference System.Threading.RateLimiting (add the package)",
            diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RedisOnCSharp8IsExplainedAndBuilds()
    {
        var run = RedisGeneratorRuns.Run(redisMajorVersion: 3, rateLimiting: true, languageVersion: LanguageVersion.CSharp8);

        Assert.Empty(run.CompilationProblems);
        Assert.True(run.Sources.ContainsKey("DatoCmsRetryHandler.g.cs"));
        Assert.DoesNotContain(run.Sources.Keys, key => key.Contains("Redis", System.StringComparison.Ordinal));
        Assert.Equal(
            "StackExchange.Redis is referenced, but DatoCmsRedisRateLimiter is not generated: it needs C# 9 or later (set LangVersion to 9.0 or higher)",
            Assert.Single(run.Diagnostics, d => d.Id == "DATO125").GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RedisWithoutTheRetryRuntimeIsExplainedAndBuilds()
    {
        var run = RedisGeneratorRuns.Run(redisMajorVersion: 3, rateLimiting: true, languageVersion: LanguageVersion.CSharp7_3);

        Assert.Empty(run.CompilationProblems);
        Assert.Equal(new[] { "DATO120", "DATO125" }, RedisDiagnostics(run).Select(d => d.Id).OrderBy(id => id));
        Assert.Contains("see DATO120", run.Diagnostics.Single(d => d.Id == "DATO125").GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources.Keys, key => key.Contains("Redis", System.StringComparison.Ordinal));
    }

    [Fact]
    public void TheLimiterIsARateLimiterAndInternalByDefault()
    {
        var run = RedisGeneratorRuns.Run(redisMajorVersion: 3, rateLimiting: true);
        var limiter = run.OutputCompilation.GetTypeByMetadataName("DatoCms.ErrorCodes.DatoCmsRedisRateLimiter");

        Assert.NotNull(limiter);
        Assert.Equal("System.Threading.RateLimiting.RateLimiter", limiter!.BaseType!.ToDisplayString());
        Assert.Equal(Accessibility.Internal, limiter.DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, run.OutputCompilation.GetTypeByMetadataName("DatoCms.ErrorCodes.DatoCmsRedisRateLimitScripts")!.DeclaredAccessibility);
    }
}
