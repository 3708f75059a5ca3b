using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// Picks a name for a variable a fix introduces that clashes with nothing: no local, parameter or
/// range variable in scope where it is declared (an outer <c>catch (HttpRequestException ex)</c>, a
/// local declared anywhere in an enclosing block), and no declaration inside the code the new
/// variable will cover (CS0136 either way).
/// </summary>
internal static class FreeNames
{
    /// <summary>The names a fix tries for an exception variable, in order.</summary>
    public static readonly IReadOnlyList<string> ForException = new[] { "ex", "exception", "apiException", "error" };

    /// <param name="model">The document's semantic model.</param>
    /// <param name="position">A position inside the new variable's scope, in the document as it is.</param>
    /// <param name="covered">The code the new variable's scope covers (a catch clause, a lambda), whose own declarations clash too.</param>
    /// <param name="candidates">Names to try in order; numbered forms of the first follow.</param>
    public static string Pick(SemanticModel model, int position, SyntaxNode? covered, IReadOnlyList<string> candidates)
    {
        var declared = covered is null ? new HashSet<string>() : DeclaredNames(covered);
        foreach (var name in candidates.Concat(Numbered(candidates[0])))
        {
            if (!declared.Contains(name) && !model.LookupSymbols(position, name: name).Any(IsVariable))
            {
                return name;
            }
        }

        return candidates[0];
    }

    private static IEnumerable<string> Numbered(string stem)
    {
        for (var i = 2; i < 100; i++)
        {
            yield return stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static bool IsVariable(ISymbol symbol) => symbol.Kind is SymbolKind.Local or SymbolKind.Parameter or SymbolKind.RangeVariable;

    private static HashSet<string> DeclaredNames(SyntaxNode scope)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var node in scope.DescendantNodesAndSelf())
        {
            var identifier = node switch
            {
                VariableDeclaratorSyntax declarator => declarator.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                ForEachStatementSyntax forEach => forEach.Identifier,
                CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier,
                LocalFunctionStatementSyntax localFunction => localFunction.Identifier,
                FromClauseSyntax from => from.Identifier,
                LetClauseSyntax let => let.Identifier,
                JoinClauseSyntax join => join.Identifier,
                JoinIntoClauseSyntax into => into.Identifier,
                QueryContinuationSyntax continuation => continuation.Identifier,
                LabeledStatementSyntax label => label.Identifier,
                _ => default,
            };
            if (identifier.ValueText.Length > 0)
            {
                names.Add(identifier.ValueText);
            }
        }

        return names;
    }
}
