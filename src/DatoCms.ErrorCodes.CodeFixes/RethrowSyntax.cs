using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// The statement that hands a transient error back to the caller at a given place: <c>throw;</c>
/// inside a catch clause, or <c>throw ex;</c> when the code being switched on is read from an
/// exception that is not the one being caught. Null when there is nothing to rethrow.
/// </summary>
internal static class RethrowSyntax
{
    public static ThrowStatementSyntax? For(SyntaxNode location, ExpressionSyntax? exceptionExpression, SemanticModel model)
    {
        if (IsInsideCatch(location))
        {
            return SyntaxFactory.ThrowStatement();
        }

        if (exceptionExpression is not null && model.GetTypeInfo(exceptionExpression).Type is { } type && IsException(type))
        {
            return SyntaxFactory.ThrowStatement(exceptionExpression.WithoutTrivia());
        }

        return null;
    }

    /// <summary>
    /// In a catch block, where 'throw;' is allowed: not inside a lambda or local function, nor in a
    /// finally clause nested in the catch (CS0724).
    /// </summary>
    public static bool IsInsideCatch(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case CatchClauseSyntax:
                    return true;
                case FinallyClauseSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsException(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == "System.Exception")
            {
                return true;
            }
        }

        return false;
    }
}
