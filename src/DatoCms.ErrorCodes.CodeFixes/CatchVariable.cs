using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>The exception variable of a catch clause, named <c>ex</c> when the clause declares none.</summary>
internal static class CatchVariable
{
    public static (CatchClauseSyntax Clause, string Name) Ensure(CatchClauseSyntax clause)
    {
        var declaration = clause.Declaration!;
        if (declaration.Identifier.ValueText.Length > 0)
        {
            return (clause, declaration.Identifier.ValueText);
        }

        var name = "ex";
        var withName = declaration.WithType(declaration.Type.WithoutTrailingTrivia()).WithIdentifier(SyntaxFactory.Identifier(name).WithLeadingTrivia(SyntaxFactory.Space));
        return (clause.WithDeclaration(withName), name);
    }
}
