using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>Writes a type the way the user's file can: the short name when it binds there, else fully qualified.</summary>
internal static class TypeNames
{
    public static string Shortest(SemanticModel model, int position, string shortName, string metadataName)
    {
        var type = model.Compilation.GetTypeByMetadataName(metadataName);
        var bound = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseTypeName(shortName), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
        return type is not null && SymbolEqualityComparer.Default.Equals(bound, type) ? shortName : "global::" + metadataName;
    }
}
