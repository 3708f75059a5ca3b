using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// Syntax-only answers that spare building a flow graph where the shape already decides:
/// a handler that ends in a throw with no other way out, and a catch that cannot run its try again.
/// </summary>
internal static class CatchShortcuts
{
    /// <summary>Every path out of the handler is its final throw: nothing returns, breaks, continues or jumps.</summary>
    public static bool AlwaysThrows(CatchClauseSyntax catchClause)
    {
        var statements = catchClause.Block.Statements;
        if (statements.Count == 0 || statements[statements.Count - 1] is not ThrowStatementSyntax)
        {
            return false;
        }

        // Lambdas and local functions are not searched: their statements are not the handler's.
        return !SyntaxSearch.AnyDescendant(
            catchClause.Block,
            0,
            static (node, _) => node is ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax or YieldStatementSyntax,
            intoNestedFunctions: false);
    }

    /// <summary>
    /// Whether the try can run again after this catch: it sits in a retry loop, the handler jumps
    /// back with goto, or it calls something named like the function it is in.
    /// </summary>
    public static bool MayRunAgain(CatchClauseSyntax catchClause)
    {
        if (catchClause.Parent is TryStatementSyntax tryStatement && RetryLoopShape.IsRetry(tryStatement, catchClause))
        {
            return true;
        }

        SyntaxNode? function = catchClause.Parent;
        while (function is not null and not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax))
        {
            function = function.Parent;
        }

        var name = function switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            LocalFunctionStatementSyntax local => local.Identifier.ValueText,
            _ => null,
        };

        if (name is null)
        {
            return false;
        }

        return SyntaxSearch.AnyDescendant(
            catchClause.Block,
            name,
            static (node, name) => node is InvocationExpressionSyntax invocation && invocation.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                GenericNameSyntax generic => generic.Identifier.ValueText == name,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == name,
                _ => false,
            },
            intoNestedFunctions: true);
    }

    /// <summary>
    /// A handler without branches or exits of its own (no if, switch, loop, return, throw, break,
    /// continue or goto) and nothing that may hand the error on (an assignment, a SetException, an
    /// add to a collection): every path out of it is the same fall-through that drops the error, so
    /// the flow graph can be skipped when what follows is simple too.
    /// </summary>
    public static bool IsStraightLine(CatchClauseSyntax catchClause)
    {
        // Lambdas and local functions are not searched: their statements are not the handler's.
        return !SyntaxSearch.AnyDescendant(
            catchClause.Block,
            0,
            static (n, _) => n is IfStatementSyntax or SwitchStatementSyntax or SwitchExpressionSyntax or ConditionalExpressionSyntax
                or ReturnStatementSyntax or ThrowStatementSyntax or ThrowExpressionSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax
                or YieldStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or CommonForEachStatementSyntax
                or AssignmentExpressionSyntax or TryStatementSyntax
                || n is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } }
                    && (name is "Throw" or "SetException" or "TrySetException" || CollectionAdds.IsAddingName(name)),
            intoNestedFunctions: false);
    }

    /// <summary>
    /// A straight-line handler of a try that is the last statement of a member or local function body
    /// and not inside any loop: the error is dropped when the handler ends, for certain.
    /// </summary>
    public static bool FallsOffTheEnd(CatchClauseSyntax catchClause) =>
        IsStraightLine(catchClause)
        && catchClause.Parent is TryStatementSyntax { Finally: null } tryStatement
        && tryStatement.Parent is BlockSyntax block
        && block.Statements.Count > 0 && block.Statements[block.Statements.Count - 1] == tryStatement
        && block.Parent is MethodDeclarationSyntax { ReturnType: var returnType }
        && IsVoidLike(returnType);

    /// <summary>
    /// A straight-line handler directly in the body of a for, while or do retry loop whose body has
    /// no other statement than the try: after the handler the loop runs the try again.
    /// </summary>
    public static bool LoopsStraightBack(CatchClauseSyntax catchClause) =>
        IsStraightLine(catchClause)
        && catchClause.Parent is TryStatementSyntax { Finally: null } tryStatement
        && tryStatement.Parent is BlockSyntax { Statements.Count: 1 } body
        && body.Parent is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax
        && RetryLoopShape.IsRetry(tryStatement, catchClause);

    private static bool IsVoidLike(TypeSyntax type) =>
        type is PredefinedTypeSyntax { Keyword.ValueText: "void" } || type is IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" } || type is QualifiedNameSyntax { Right.Identifier.ValueText: "Task" or "ValueTask" };
}
