using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// Whether a compilation references an assembly, asked of its references alone: unlike a type
/// lookup, that answer does not wait for the source to be declared, so a rule can ask it at
/// compilation start (see <see cref="DatoCmsSymbols.Later"/>) and return at once where the package
/// it judges is missing.
/// </summary>
internal static class ReferencedAssemblies
{
    /// <summary>Whether <paramref name="compilation"/> references an assembly named <paramref name="name"/>.</summary>
    public static bool Contain(Compilation compilation, string name)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (assembly.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
