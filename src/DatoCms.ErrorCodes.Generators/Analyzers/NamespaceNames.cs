using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// Namespace comparisons part by part. <c>ToDisplayString()</c> would build the name through the
/// compiler's symbol display, whose first use costs a fresh compiler process milliseconds inside the
/// analyzers' time, for a comparison that needs none of it.
/// </summary>
internal static class NamespaceNames
{
    /// <summary>Whether <paramref name="ns"/> is exactly the namespace <paramref name="dotted"/> (for example <c>Polly.Retry</c>).</summary>
    public static bool Is(INamespaceSymbol? ns, string dotted)
    {
        var end = dotted.Length;
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            var start = dotted.LastIndexOf('.', end - 1) + 1;
            var name = current.Name;
            if (end - start != name.Length || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return current.ContainingNamespace is null || current.ContainingNamespace.IsGlobalNamespace;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>The name of the outermost namespace holding <paramref name="ns"/> (<c>Polly</c> for <c>Polly.Retry</c>); empty for the global namespace.</summary>
    public static string Outermost(INamespaceSymbol ns)
    {
        var current = ns;
        while (current.ContainingNamespace is { IsGlobalNamespace: false } outer)
        {
            current = outer;
        }

        return current.IsGlobalNamespace ? string.Empty : current.Name;
    }
}
