using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers;

/// <summary>
/// DATO007: the standard resilience handler and the DatoCMS one on one client builder, against the
/// real Microsoft.Extensions.Http.Resilience and the integrations generated for it. Reported only in
/// one fluent chain or on one builder variable in straight-line code; silent wherever it is unsure.
/// </summary>
public class StackedResilienceHandlersAnalyzerTests
{
    // The API generated for a project that references the resilience stack (the default test sources have no integrations).
    private static readonly Lazy<IReadOnlyList<(string HintName, string Source)>> StackSources = new(() =>
    {
        var run = GeneratorRunner.Run(TestSpec.Page, TestSpec.Overlay, extraReferences: ResilienceStackReferences.For(ReferenceSet.Net80));
        Assert.Contains(run.Sources.Keys, k => k.StartsWith("DatoCmsResilienceHttpClientBuilderExtensions", StringComparison.Ordinal));
        return run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value)).ToList();
    });

    private static string Source(string body) => @"using System;
using DatoCms.ErrorCodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

internal static class Startup
{
    public static void Configure(IServiceCollection services, bool standard)
    {
" + body + @"
    }

    private static void Configure(DatoCmsClientOptions options) => options.ApiToken = ""t"";
}
";

    private static async Task VerifyAsync(string body, params string[] messages)
    {
        var analyzer = new StackedResilienceHandlersAnalyzer();
        var (source, expected) = DatoCmsTestState.Expect(Source(body), "DATO007", new[] { analyzer }, messages.Length == 0 ? null : messages);
        var test = new DatoCmsAnalyzerTest(analyzer) { TestCode = source };

        // Under the folder DatoCmsTestState uses, so that it adds no other generated sources.
        foreach (var (hintName, generated) in StackSources.Value)
        {
            test.TestState.Sources.Add(("/0/Generated/" + hintName, SourceText.From(generated, Encoding.UTF8)));
        }

        DatoCmsTestState.Configure(test.TestState, ResilienceStackReferences.For(ReferenceSet.Net80), null);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static string Message(string first, string second) =>
        $"This client already gets {first}; adding {second} nests two retry loops and puts the standard circuit breaker in front of the rate limit: keep one of them";

    // ---- reported ----

    [Fact]
    public Task BothHandlersOnOneBuilderVariableAreReported() => VerifyAsync(@"
        var builder = services.AddHttpClient(""datocms"");
        builder.AddStandardResilienceHandler();
        builder.[|AddDatoCmsResilienceHandler|]();",
        Message("AddStandardResilienceHandler", "AddDatoCmsResilienceHandler"));

    [Fact]
    public Task EitherOrderIsReported() => VerifyAsync(@"
        var builder = services.AddHttpClient(""datocms"").ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(5));
        builder.AddDatoCmsResilienceHandler(o => o.MaxAttempts = 3);
        builder.[|AddStandardResilienceHandler|](o => o.Retry.MaxRetryAttempts = 2);",
        Message("AddDatoCmsResilienceHandler", "AddStandardResilienceHandler"));

    [Fact]
    public Task StandardHandlerChainedOnAddDatoCmsHttpClientIsReported() => VerifyAsync(@"
        services.AddDatoCmsHttpClient(""datocms"", o => o.ApiToken = ""t"")
            .SetHandlerLifetime(TimeSpan.FromMinutes(5))
            .[|AddStandardResilienceHandler|]();",
        Message("AddDatoCmsHttpClient (its retry handler)", "AddStandardResilienceHandler"));

    [Fact]
    public Task StandardHandlerOnTheBuilderOfAddDatoCmsHttpClientIsReported() => VerifyAsync(@"
        var client = services.AddDatoCmsHttpClient(""datocms"", o => o.ApiToken = ""t"");
        client.[|AddStandardResilienceHandler|]();",
        Message("AddDatoCmsHttpClient (its retry handler)", "AddStandardResilienceHandler"));

    [Fact]
    public Task BuilderParameterIsReported() => VerifyAsync(@"
    }

    public static void AddResilience(IHttpClientBuilder builder)
    {
        builder.AddDatoCmsResilienceHandler();
        builder.[|AddStandardResilienceHandler|]();",
        Message("AddDatoCmsResilienceHandler", "AddStandardResilienceHandler"));

    [Fact]
    public Task StaticCallFormIsReported() => VerifyAsync(@"
        var builder = services.AddHttpClient(""datocms"");
        ResilienceHttpClientBuilderExtensions.AddStandardResilienceHandler(builder);
        builder.[|AddDatoCmsResilienceHandler|]();",
        Message("AddStandardResilienceHandler", "AddDatoCmsResilienceHandler"));

    // ---- silent ----

    [Fact]
    public Task OneHandlerPerClientIsSilent() => VerifyAsync(@"
        services.AddHttpClient(""datocms"").AddDatoCmsResilienceHandler();
        services.AddHttpClient(""other"").AddStandardResilienceHandler();
        services.AddHttpClient(""corrected"").AddStandardResilienceHandler(o => o.ConfigureForDatoCms());");

    [Fact]
    public Task DifferentBuilderVariablesAreSilent() => VerifyAsync(@"
        var datoCms = services.AddHttpClient(""datocms"");
        var other = services.AddHttpClient(""other"");
        datoCms.AddDatoCmsResilienceHandler();
        other.AddStandardResilienceHandler();");

    [Fact]
    public Task ReassignedVariableIsSilent() => VerifyAsync(@"
        var builder = services.AddHttpClient(""datocms"");
        builder.AddDatoCmsResilienceHandler();
        builder = services.AddHttpClient(""other"");
        builder.AddStandardResilienceHandler();");

    [Fact]
    public Task HandlersInDifferentBranchesAreSilent() => VerifyAsync(@"
        var builder = services.AddHttpClient(""datocms"");
        if (standard)
        {
            builder.AddStandardResilienceHandler();
        }
        else
        {
            builder.AddDatoCmsResilienceHandler();
        }

        var other = services.AddHttpClient(""other"");
        if (standard) other.AddStandardResilienceHandler(); else other.AddDatoCmsResilienceHandler();
        var third = services.AddHttpClient(""third"");
        _ = standard ? third.AddStandardResilienceHandler().Services : third.AddDatoCmsResilienceHandler().Services;");

    [Fact]
    public Task RemovingTheHandlersFirstIsSilent() => VerifyAsync(@"
        var builder = services.AddHttpClient(""datocms"");
        builder.AddStandardResilienceHandler();
#pragma warning disable EXTEXP0001 // experimental in Microsoft.Extensions.Http.Resilience
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.AddDatoCmsResilienceHandler();");

    [Fact]
    public Task AddDatoCmsHttpClientWithItsRetryHandlerTurnedOffIsSilent() => VerifyAsync(@"
        services.AddDatoCmsHttpClient(""datocms"", o => { o.ApiToken = ""t""; o.UseRetryHandler = false; }).AddStandardResilienceHandler();
        services.AddDatoCmsHttpClient(""method-group"", Configure).AddStandardResilienceHandler();");

    [Fact]
    public Task HandlersAddedInsideLambdasAreSilent() => VerifyAsync(@"
        var builder = services.AddHttpClient(""datocms"");
        builder.AddDatoCmsResilienceHandler();
        Action later = () => builder.AddStandardResilienceHandler();
        services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        later();");

    [Fact]
    public Task TheSameHandlerTwiceIsNotThisRule() => VerifyAsync(@"
        var builder = services.AddHttpClient(""datocms"");
        builder.AddDatoCmsResilienceHandler();
        builder.AddDatoCmsResilienceHandler(o => o.MaxAttempts = 2);");

    [Fact]
    public Task BuilderFromAFieldOrAnotherMethodIsSilent() => VerifyAsync(@"
        Builder().AddDatoCmsResilienceHandler();
        Builder().AddStandardResilienceHandler();
    }

    private static IHttpClientBuilder Builder() => new ServiceCollection().AddHttpClient(""x"");

    private static void Unused()
    {");
}
