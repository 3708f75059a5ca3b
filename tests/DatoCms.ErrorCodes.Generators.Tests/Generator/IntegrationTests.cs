using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Generator;

/// <summary>
/// Each integration appears exactly when the package it builds on is referenced, compiles without a
/// warning on net8.0 and net10.0 against the real packages, and its absence is explained (DATO130)
/// only where the consumer uses the stack around it.
/// </summary>
public class IntegrationTests
{
    private static readonly string[] LoggingFiles = { "DatoCmsLogging.g.cs", "DatoCmsRetryOptionsLogger.g.cs" };
    private static readonly string[] PollyFiles = { "DatoCmsResilience.g.cs", "DatoCmsRetryDecision.g.cs", "DatoCmsRetryBudget.g.cs", "DatoCmsThrottleStrategy.g.cs" };
    private static readonly string[] RegistrationFiles = { "DatoCmsClientOptions.g.cs", "DatoCmsHttpClientServiceCollectionExtensions.g.cs", "DatoCmsProjects.g.cs" };
    private const string RegistrationBindingFile = "DatoCmsHttpClientServiceCollectionExtensions.Configuration.g.cs";
    private static readonly string[] ResilienceHandlerFiles =
    {
        "DatoCmsResilienceOptions.g.cs", "DatoCmsResilienceOptionsValidator.g.cs", "DatoCmsThrottles.g.cs", "DatoCmsResilienceHttpClientBuilderExtensions.g.cs",
        "DatoCmsJobFollowingHandler.g.cs",
    };

    /// <summary>Uses every integration the way the README shows, so a signature change breaks this test.</summary>
    private const string StackUsage = @"
using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using DatoCms.ErrorCodes;

internal static class StackUsage
{
    public static void Register(IServiceCollection services, Microsoft.Extensions.Configuration.IConfigurationSection section)
    {
        services.AddHttpClient(""datocms"").AddDatoCmsResilienceHandler(o => o.MaxAttempts = 3);
        services.AddHttpClient(""bound"").AddDatoCmsResilienceHandler(section);
        services.AddHttpClient(""standard"").AddStandardResilienceHandler(o => o.ConfigureForDatoCms());
        services.AddDatoCmsHttpClient(""registered"", o => { o.ApiToken = ""t""; o.UseRetryHandler = false; }).AddDatoCmsResilienceHandler();
        services.AddDatoCmsHttpClient<StackClient>(o => o.ApiToken = ""t"");
        services.AddDatoCmsHttpClient(""configured"", section).AddDatoCmsResilienceHandler(section.GetSection(""Resilience""));
        services.AddDatoCmsHttpClient<StackClient>(section);
        services.AddDatoCmsHttpClient<object, StackClient>(section);
        var options = new DatoCmsRetryOptions { Logger = null };
        ResiliencePipeline<HttpResponseMessage> http = new ResiliencePipelineBuilder<HttpResponseMessage>().AddDatoCmsRetry(options).Build();
        ResiliencePipeline sdk = new ResiliencePipelineBuilder().AddDatoCmsRetry().Build();
        Console.WriteLine(DatoCmsTelemetry.MeterName + http + sdk);
    }
}

internal sealed class StackClient
{
    public StackClient(HttpClient client) => Client = client;

    public HttpClient Client { get; }
}";

    public static TheoryData<ReferenceSet> Targets => new() { ReferenceSet.Net80, ReferenceSet.Net100 };

    [Theory]
    [MemberData(nameof(Targets))]
    public void WithoutThePackagesNoIntegrationIsGeneratedAndNothingIsSaid(ReferenceSet target)
    {
        var run = GeneratorRunner.RunOnShippedSpec(references: target);

        Assert.Empty(run.CompilationProblems);
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain(run.Sources.Keys, LoggingFiles.Concat(RegistrationFiles).Append(RegistrationBindingFile).Concat(PollyFiles).Concat(ResilienceHandlerFiles).Contains);
        Assert.Contains("DatoCmsTelemetry.g.cs", run.Sources.Keys);
        Assert.Contains("DatoCmsMetrics.g.cs", run.Sources.Keys);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void PollyCoreAloneGivesTheBuildingBlocks(ReferenceSet target)
    {
        var run = GeneratorRunner.RunOnShippedSpec(
            "internal static class Use { public static object Build() => new Polly.ResiliencePipelineBuilder().AddDatoCmsRetry().Build(); }".Replace("internal static class", "using DatoCms.ErrorCodes;\ninternal static class"),
            references: target,
            extraReferences: ResilienceStackReferences.PollyCoreOnly(target));

        Assert.Empty(run.CompilationProblems);
        Assert.Empty(run.Diagnostics);
        Assert.All(PollyFiles, file => Assert.Contains(file, run.Sources.Keys));
        Assert.DoesNotContain(run.Sources.Keys, LoggingFiles.Concat(RegistrationFiles).Concat(ResilienceHandlerFiles).Contains);
    }

    [Fact]
    public void PollyWithItsV7ApiAlongsideStillGivesTheBuildingBlocks()
    {
        // The Polly package (v8) brings Polly.Core and the v7 Policy API side by side.
        var run = GeneratorRunner.RunOnShippedSpec(extraReferences: PollyReferences.All);

        Assert.Empty(run.CompilationProblems);
        Assert.All(PollyFiles, file => Assert.Contains(file, run.Sources.Keys));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void HttpClientFactoryWithoutResilienceGivesLoggingAndRegistrationAndExplainsTheMissingHandler(ReferenceSet target)
    {
        const string Usage = "using DatoCms.ErrorCodes;\ninternal static class Use { public static object Register(Microsoft.Extensions.DependencyInjection.IServiceCollection s) => s.AddDatoCmsHttpClient(\"datocms\", o => { o.ApiToken = \"t\"; o.Environment = \"sandbox\"; }); }";
        var run = GeneratorRunner.RunOnShippedSpec(Usage, references: target, extraReferences: ResilienceStackReferences.HttpClientFactoryOnly(target));

        Assert.DoesNotContain(run.CompilationProblems, d => d.Id is not ("CS1701" or "CS1702"));
        Assert.All(LoggingFiles.Concat(RegistrationFiles).Append(RegistrationBindingFile), file => Assert.Contains(file, run.Sources.Keys));
        Assert.DoesNotContain(run.Sources.Keys, PollyFiles.Concat(ResilienceHandlerFiles).Contains);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DATO130", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.StartsWith("AddDatoCmsResilienceHandler and ConfigureForDatoCms are not generated: they need Microsoft.Extensions.Http.Resilience", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void HttpClientFactoryWithoutTheBinderGivesRegistrationWithoutTheSectionOverloadsAndSaysWhy(ReferenceSet target)
    {
        // The action overloads keep working; a call to a section overload would not compile, so none is made.
        const string Usage = "using DatoCms.ErrorCodes;\ninternal static class Use { public static object Register(Microsoft.Extensions.DependencyInjection.IServiceCollection s, Microsoft.Extensions.Configuration.IConfiguration c) => s.AddDatoCmsHttpClient(\"datocms\", o => o.ApiToken = c[\"DatoCms:ApiToken\"]); }";
        var run = GeneratorRunner.RunOnShippedSpec(Usage, references: target, extraReferences: ResilienceStackReferences.HttpClientFactoryWithoutBinder(target));

        Assert.DoesNotContain(run.CompilationProblems, d => d.Id is not ("CS1701" or "CS1702"));
        Assert.All(LoggingFiles.Concat(RegistrationFiles), file => Assert.Contains(file, run.Sources.Keys));
        Assert.DoesNotContain(RegistrationBindingFile, run.Sources.Keys);
        var messages = run.Diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(run.Diagnostics, d => Assert.Equal("DATO130", d.Id));
        Assert.Contains(messages, m => m.StartsWith("The IConfigurationSection overloads of AddDatoCmsHttpClient are not generated: they need Microsoft.Extensions.Options.ConfigurationExtensions", System.StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void TheWholeStackGivesEveryIntegrationAndCompilesWithoutAWarning(ReferenceSet target)
    {
        var run = GeneratorRunner.RunOnShippedSpec(StackUsage, references: target, extraReferences: ResilienceStackReferences.For(target));

        // CS1701/CS1702 (a package built against Microsoft.Extensions 8.0 unified with 10.0) are in the
        // SDK's default NoWarn, so a real build never shows them.
        var problems = run.CompilationProblems.Where(d => d.Id is not ("CS1701" or "CS1702")).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.Empty(run.Diagnostics);
        Assert.All(LoggingFiles.Concat(RegistrationFiles).Append(RegistrationBindingFile).Concat(PollyFiles).Concat(ResilienceHandlerFiles), file => Assert.Contains(file, run.Sources.Keys));
    }

    [Fact]
    public void OpenTelemetryGivesAddDatoCmsInstrumentationForMetricsAndTraces()
    {
        const string usage = @"
using DatoCms.ErrorCodes;

internal static class TelemetryUsage
{
    public static OpenTelemetry.Metrics.MeterProviderBuilder Metrics(OpenTelemetry.Metrics.MeterProviderBuilder builder) => builder.AddDatoCmsInstrumentation();

    public static OpenTelemetry.Trace.TracerProviderBuilder Traces(OpenTelemetry.Trace.TracerProviderBuilder builder) => builder.AddDatoCmsInstrumentation();
}";
        var openTelemetry = MetadataReference.CreateFromFile(System.IO.Path.Combine(System.AppContext.BaseDirectory, "OpenTelemetryForNet100", "OpenTelemetry.Api.dll"));

        var with = GeneratorRunner.RunOnShippedSpec(usage, ReferenceSet.Net100, extraReferences: new[] { openTelemetry });
        var without = GeneratorRunner.RunOnShippedSpec(references: ReferenceSet.Net100);

        Assert.Empty(with.CompilationProblems);
        Assert.Contains("DatoCmsOpenTelemetryBuilderExtensions.g.cs", with.Sources.Keys);
        Assert.Empty(with.Diagnostics);
        Assert.DoesNotContain("DatoCmsOpenTelemetryBuilderExtensions.g.cs", without.Sources.Keys);
        Assert.Empty(without.Diagnostics);
    }

    [Fact]
    public void NetStandardWithoutMetricsExplainsTheMissingMeterAndStillCompiles()
    {
        var run = GeneratorRunner.RunOnShippedSpec(references: ReferenceSet.NetStandard20WithJson);

        Assert.Empty(run.CompilationProblems);
        Assert.Contains("DatoCmsTelemetry.g.cs", run.Sources.Keys);
        Assert.DoesNotContain("DatoCmsMetrics.g.cs", run.Sources.Keys);
        Assert.Equal(new[] { "DATO130" }, run.Diagnostics.Select(d => d.Id));
    }
}
