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
        var isPublic = options.TryGetValue(GeneratorOptions.PublicProperty, out var publicValue)
            && string.Equals(publicValue?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

        if (!options.TryGetValue(GeneratorOptions.NamespaceProperty, out var ns) || string.IsNullOrWhiteSpace(ns))
        {
            return new GeneratorOptions(GeneratorOptions.DefaultNamespace, isPublic, null);
        }

        ns = ns.Trim();
        if (CSharpNames.IsValidNamespace(ns))
        {
            return new GeneratorOptions(ns, isPublic, null);
        }

        var problem = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNamespace, null, ns, GeneratorOptions.DefaultNamespace);
        return new GeneratorOptions(GeneratorOptions.DefaultNamespace, isPublic, problem);
    }
}
