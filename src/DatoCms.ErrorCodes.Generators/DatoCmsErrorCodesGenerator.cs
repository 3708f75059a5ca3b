using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Emitting;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.SpecParsing;
using DatoCms.ErrorCodes.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators;

/// <summary>
/// Generates the DatoCmsErrorCode API from the error-code page and overlay given as
/// AdditionalFiles. Each step turns its input into equatable plain data, so an edit that does
/// not touch the spec re-parses nothing and re-emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DatoCmsErrorCodesGenerator : IIncrementalGenerator
{
    private static readonly string ToolVersion = typeof(DatoCmsErrorCodesGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => ReadSpecFile(pair.Left, pair.Right, ct))
            .Where(static candidate => candidate is not null)
            .Select(static (candidate, _) => candidate!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var pages = specFiles.Where(static c => c.File?.Kind == SpecFileKind.ErrorPage).Select(static (c, _) => c.File!).Collect();
        var overlays = specFiles.Where(static c => c.File?.Kind == SpecFileKind.Overlay).Select(static (c, _) => c.File!).Collect();
        var fileProblems = specFiles.Where(static c => c.Problem is not null).Select(static (c, _) => c.Problem!).Collect();

        var spec = pages.Combine(overlays).Combine(fileProblems)
            .Select(static (input, ct) => BuildSpec(input.Left.Left, input.Left.Right, input.Right, ct))
            .WithTrackingName(TrackingNames.Spec);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptionsReader.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var features = context.CompilationProvider
            .Select(static (compilation, _) => new TargetFeatures(
                SupportsNullable: compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp8 },
                HasSpan: compilation.GetTypeByMetadataName("System.ReadOnlySpan`1") is not null
                    && compilation.GetTypeByMetadataName("System.MemoryExtensions") is not null,
                HasEnumMember: compilation.GetTypeByMetadataName("System.Runtime.Serialization.EnumMemberAttribute") is not null,
                HasJsonEnumMemberName: compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute") is not null,
                HasSystemTextJson: compilation.GetTypeByMetadataName("System.Text.Json.Utf8JsonReader") is not null,
                HasHttpClient: compilation.GetTypeByMetadataName("System.Net.Http.DelegatingHandler") is not null,
                SupportsUtf8Literals: compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 },
                RedisClientMajorVersion: compilation.GetTypeByMetadataName("StackExchange.Redis.IConnectionMultiplexer")?.ContainingAssembly.Identity.Version.Major ?? 0,
                HasRateLimiting: compilation.GetTypeByMetadataName("System.Threading.RateLimiting.RateLimiter") is not null,
                SupportsInitOnlySetters: compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp9 },
                Integrations: IntegrationDetector.Detect(compilation)))
            .WithTrackingName(TrackingNames.Features);

        context.RegisterSourceOutput(spec.Combine(options).Combine(features), static (output, input) =>
        {
            var ((result, generatorOptions), targetFeatures) = input;
            Emit(output, result, generatorOptions, targetFeatures);
        });
    }

    /// <summary>
    /// Runs once per AdditionalFile, outside <see cref="BuildSpec"/>, so it needs its own guard: an
    /// exception here would otherwise fail the whole generator with CS8785 and no hint of the file.
    /// </summary>
    private static SpecFileCandidate? ReadSpecFile(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        try
        {
            return SpecFileClassifier.Read(file, options, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var path = SafePath(file);
            var location = path is null ? (SourceSpan?)null : SourceSpan.None(path);
            return new SpecFileCandidate(null, DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, location, $"reading the additional file '{path ?? "?"}'", Describe(ex)));
        }
    }

    /// <summary>The message format ends the sentence itself, so a trailing period would double.</summary>
    private static string Describe(Exception exception) => exception.GetType().Name + ": " + exception.Message.TrimEnd('.');

    private static string? SafePath(AdditionalText file)
    {
        try
        {
            return file.Path;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private static SpecResult BuildSpec(ImmutableArray<SpecFile> pages, ImmutableArray<SpecFile> overlays, ImmutableArray<DiagnosticInfo> fileProblems, CancellationToken cancellationToken)
    {
        SpecResult result;
        try
        {
            result = SpecBuilder.Build(pages, overlays, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, "reading the spec", Describe(ex));
            result = new SpecResult(null, new[] { failure }.ToEquatableArray());
        }

        return fileProblems.IsEmpty ? result : result with { Diagnostics = fileProblems.Concat(result.Diagnostics).ToEquatableArray() };
    }

    private static void Emit(SourceProductionContext output, SpecResult result, GeneratorOptions options, TargetFeatures features)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (result.Spec is null)
        {
            return;
        }

        if (options.NamespaceProblem is not null)
        {
            output.ReportDiagnostic(options.NamespaceProblem.ToDiagnostic());
        }

        if (!features.HasSpan)
        {
            output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.SpanApisUnavailable, null).ToDiagnostic());
        }

        if (features.ExceptionsUnavailableReason is { } noExceptions)
        {
            output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.RuntimeNotGenerated, null, "The typed exceptions and the retry handler are", noExceptions).ToDiagnostic());
        }
        else if (features.RetryUnavailableReason is { } noRetry)
        {
            output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.RuntimeNotGenerated, null, "The retry handler and the HttpResponseMessage extensions are", noRetry).ToDiagnostic());
        }
        else
        {
            foreach (var missing in IntegrationDetector.Explain(features.Integrations))
            {
                output.ReportDiagnostic(missing.ToDiagnostic());
            }
        }

        if (features.WantsRedisLimiter && features.RedisLimiterUnavailableReason is { } noRedisLimiter)
        {
            output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.RedisRateLimiterNotGenerated, null, noRedisLimiter).ToDiagnostic());
        }

        try
        {
            var emitContext = new EmitContext(result.Spec, options, features, ToolVersion);
            foreach (var (hintName, source) in SourceEmitter.EmitAll(emitContext))
            {
                output.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, "emitting code", Describe(ex)).ToDiagnostic());
        }
    }
}
