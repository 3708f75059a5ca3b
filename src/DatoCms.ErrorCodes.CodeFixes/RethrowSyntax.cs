using System.Collections.Generic;
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
    /// <param name="location">Where the statement goes.</param>
    /// <param name="readThrough">The expressions the code is read through (<see cref="SwitchValue.Receivers"/>); the first exception among them is rethrown outside a catch.</param>
    /// <param name="model">The document's semantic model.</param>
    public static ThrowStatementSyntax? For(SyntaxNode location, IEnumerable<ExpressionSyntax> readThrough, SemanticModel model)
    {
        if (IsInsideCatch(location))
        {
            return SyntaxFactory.ThrowStatement();
        }

        foreach (var expression in readThrough)
        {
            if (IsPlainName(expression) && model.GetTypeInfo(expression).Type is { } type && IsException(type))
            {
                return SyntaxFactory.ThrowStatement(expression.WithoutTrivia());
            }
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

    /// <summary><c>ex</c>, <c>this.error</c>, <c>result.Exception</c>: naming it again runs nothing (a call could).</summary>
    public static bool IsPlainName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => IsPlainName(access.Expression),
        _ => false,
    };

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
