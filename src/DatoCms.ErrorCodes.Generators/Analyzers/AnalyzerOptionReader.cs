using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>Reads an analyzer option: the .editorconfig key for the file first, then the MSBuild property.</summary>
internal static class AnalyzerOptionReader
{
    public static string? Read(AnalyzerOptions options, SyntaxTree tree, string editorConfigKey, string buildProperty)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        if (provider.GetOptions(tree).TryGetValue(editorConfigKey, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        return provider.GlobalOptions.TryGetValue(buildProperty, out value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
