using System;
using System.IO;
using System.Threading;
using DatoCms.ErrorCodes.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>
/// Decides whether an AdditionalFile is part of the spec: by its <c>DatoCmsSpec</c> metadata
/// (<c>errors</c>, <c>overlay</c>, or <c>none</c> to exclude it) or, failing that, by its file name.
/// </summary>
internal static class SpecFileClassifier
{
    public const string PageFileName = "datocms-cma-errors.md";
    public const string OverlayFileName = "datocms-cma-errors.yaml";

    public static SpecFileKind Classify(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        if (options.GetOptions(file).TryGetValue(GeneratorOptions.SpecMetadata, out var metadata) && !string.IsNullOrWhiteSpace(metadata))
        {
            return metadata.Trim().ToLowerInvariant() switch
            {
                "errors" or "page" => SpecFileKind.ErrorPage,
                "overlay" => SpecFileKind.Overlay,
                _ => SpecFileKind.None,
            };
        }

        var name = Path.GetFileName(file.Path);
        if (string.Equals(name, PageFileName, StringComparison.OrdinalIgnoreCase))
        {
            return SpecFileKind.ErrorPage;
        }

        if (string.Equals(name, OverlayFileName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "datocms-cma-errors.yml", StringComparison.OrdinalIgnoreCase))
        {
            return SpecFileKind.Overlay;
        }

        return SpecFileKind.None;
    }

    public static SpecFile Read(AdditionalText file, SpecFileKind kind, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken) =>
        new(file.Path, kind, file.GetText(cancellationToken)?.ToString() ?? string.Empty, IsBundled(file, options));

    /// <summary>Whether the package's build files added this file as its own copy of the spec.</summary>
    private static bool IsBundled(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(file).TryGetValue(GeneratorOptions.SpecBundledMetadata, out var value)
        && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
