using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Validation;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators;

/// <summary>Reads the MSBuild properties that configure the generated code.</summary>
internal static class GeneratorOptionsReader
{
    public static GeneratorOptions Read(AnalyzerConfigOptions options)
    {
        var isPublic = IsTrue(options, GeneratorOptions.PublicProperty);
        var omitTemplates = IsTrue(options, GeneratorOptions.OmitTemplatesProperty);

        if (!options.TryGetValue(GeneratorOptions.NamespaceProperty, out var ns) || string.IsNullOrWhiteSpace(ns))
        {
            return new GeneratorOptions(GeneratorOptions.DefaultNamespace, isPublic, null, omitTemplates);
        }

        ns = ns.Trim();
        if (CSharpNames.IsValidNamespace(ns))
        {
            return new GeneratorOptions(ns, isPublic, null, omitTemplates);
        }

        var problem = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNamespace, null, ns, GeneratorOptions.DefaultNamespace);
        return new GeneratorOptions(GeneratorOptions.DefaultNamespace, isPublic, problem, omitTemplates);
    }

    private static bool IsTrue(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue(property, out var value)
        && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
