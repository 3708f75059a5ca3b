using System;
using System.IO;
using System.Threading;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>
/// Decides whether an AdditionalFile is part of the spec: by its <c>DatoCmsSpec</c> metadata
/// (<c>errors</c> or <c>page</c>, <c>overlay</c>, or <c>none</c> to exclude it) or, when the metadata
/// is blank, by its file name. Any other metadata value is reported rather than ignored, since it is
/// nearly always a typo that would silently drop the file from the spec.
/// </summary>
internal static class SpecFileClassifier
{
    public const string PageFileName = "datocms-cma-errors.md";
    public const string OverlayFileName = "datocms-cma-errors.yaml";
    public const string AcceptedMetadataValues = "errors, page, overlay, none";

    /// <summary>Null when the file is not part of the spec and there is nothing to say about it.</summary>
    public static SpecFileCandidate? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var (kind, problem) = Classify(file, options);
        if (problem is not null)
        {
            return new SpecFileCandidate(null, problem);
        }

        return kind == SpecFileKind.None
            ? null
            : new SpecFileCandidate(new SpecFile(file.Path, kind, file.GetText(cancellationToken)?.ToString() ?? string.Empty, IsBundled(file, options)), null);
    }

    public static (SpecFileKind Kind, DiagnosticInfo? Problem) Classify(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        if (options.GetOptions(file).TryGetValue(GeneratorOptions.SpecMetadata, out var metadata) && !string.IsNullOrWhiteSpace(metadata))
        {
            return metadata.Trim().ToLowerInvariant() switch
            {
                "errors" or "page" => (SpecFileKind.ErrorPage, null),
                "overlay" => (SpecFileKind.Overlay, null),
                "none" => (SpecFileKind.None, null),
                _ => (SpecFileKind.None, DiagnosticInfo.Create(DiagnosticDescriptors.UnknownSpecMetadata, SourceSpan.None(file.Path), file.Path, metadata.Trim(), AcceptedMetadataValues)),
            };
        }

        var name = Path.GetFileName(file.Path);
        if (string.Equals(name, PageFileName, StringComparison.OrdinalIgnoreCase))
        {
            return (SpecFileKind.ErrorPage, null);
        }

        if (string.Equals(name, OverlayFileName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "datocms-cma-errors.yml", StringComparison.OrdinalIgnoreCase))
        {
            return (SpecFileKind.Overlay, null);
        }

        return (SpecFileKind.None, null);
    }

    /// <summary>Whether the package's build files added this file as its own copy of the spec.</summary>
    private static bool IsBundled(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(file).TryGetValue(GeneratorOptions.SpecBundledMetadata, out var value)
        && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
