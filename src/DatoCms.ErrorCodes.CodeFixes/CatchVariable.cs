using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>The exception variable of a catch clause, and a free name for it when the clause declares none.</summary>
internal static class CatchVariable
{
    /// <summary>The declared name, or a name that clashes with nothing in scope (see <see cref="FreeNames"/>).</summary>
    public static string NameFor(CatchClauseSyntax clause, SemanticModel model) =>
        clause.Declaration is { Identifier.ValueText.Length: > 0 } declaration
            ? declaration.Identifier.ValueText
            : FreeNames.Pick(model, clause.Block.OpenBraceToken.Span.End, clause, FreeNames.ForException);

    /// <summary>The clause with its variable named <paramref name="name"/> (unchanged when it already has one).</summary>
    public static CatchClauseSyntax Named(CatchClauseSyntax clause, string name)
    {
        var declaration = clause.Declaration!;
        if (declaration.Identifier.ValueText.Length > 0)
        {
            return clause;
        }

        var withName = declaration.WithType(declaration.Type.WithoutTrailingTrivia()).WithIdentifier(SyntaxFactory.Identifier(name).WithLeadingTrivia(SyntaxFactory.Space));
        return clause.WithDeclaration(withName);
    }
}
