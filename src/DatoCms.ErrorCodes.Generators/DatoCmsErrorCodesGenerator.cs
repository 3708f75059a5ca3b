using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Emitting;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.SpecParsing;
using DatoCms.ErrorCodes.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
            .Select(static (pair, ct) =>
            {
                var kind = SpecFileClassifier.Classify(pair.Left, pair.Right);
                return kind == SpecFileKind.None ? null : SpecFileClassifier.Read(pair.Left, kind, pair.Right, ct);
            })
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var pages = specFiles.Where(static f => f.Kind == SpecFileKind.ErrorPage).Collect();
        var overlays = specFiles.Where(static f => f.Kind == SpecFileKind.Overlay).Collect();

        var spec = pages.Combine(overlays)
            .Select(static (pair, ct) => BuildSpec(pair.Left, pair.Right, ct))
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
                HasHttpClient: compilation.GetTypeByMetadataName("System.Net.Http.DelegatingHandler") is not null))
            .WithTrackingName(TrackingNames.Features);

        context.RegisterSourceOutput(spec.Combine(options).Combine(features), static (output, input) =>
        {
            var ((result, generatorOptions), targetFeatures) = input;
            Emit(output, result, generatorOptions, targetFeatures);
        });
    }

    private static SpecResult BuildSpec(ImmutableArray<SpecFile> pages, ImmutableArray<SpecFile> overlays, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return SpecBuilder.Build(pages, overlays, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, "reading the spec", ex.GetType().Name + ": " + ex.Message);
            return new SpecResult(null, new[] { failure }.ToEquatableArray());
        }
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
            output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, "emitting code", ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
        }
    }
}
