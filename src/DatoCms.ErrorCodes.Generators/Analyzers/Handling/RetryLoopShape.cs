using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// Tells a retry loop from a loop that processes items, on syntax: the try sits in a <c>for</c>,
/// <c>while</c> or <c>do</c> loop of the same function and its block leaves the loop on success
/// (<c>return</c>, <c>break</c>, or setting a flag the loop condition reads, as in
/// <c>while (!done)</c>). A <c>goto</c> back from the catch is a retry too. A <c>foreach</c> over
/// items that records failures is not.
/// </summary>
internal static class RetryLoopShape
{
    public static bool IsRetry(TryStatementSyntax tryStatement, CatchClauseSyntax catchClause)
    {
        for (SyntaxNode? node = tryStatement.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ForEachStatementSyntax or ForEachVariableStatementSyntax:
                    return false;
                case ForStatementSyntax forLoop:
                    return LeavesOnSuccess(tryStatement.Block, forLoop, forLoop.Condition);
                case WhileStatementSyntax whileLoop:
                    return LeavesOnSuccess(tryStatement.Block, whileLoop, whileLoop.Condition);
                case DoStatementSyntax doLoop:
                    return LeavesOnSuccess(tryStatement.Block, doLoop, doLoop.Condition);
                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                case LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                    return JumpsBack(catchClause);
            }
        }

        return JumpsBack(catchClause);
    }

    private static bool JumpsBack(CatchClauseSyntax catchClause) =>
        SyntaxSearch.AnyDescendant(catchClause.Block, 0, static (node, _) => node is GotoStatementSyntax, intoNestedFunctions: true);

    /// <summary>
    /// The condition of the <c>do</c> loop whose body holds the try, if that is the loop around it:
    /// a <c>do</c> loop tests it at the bottom, before jumping back, so a path from the catch that
    /// leaves the loop there is the retry running out, as it is after the back edge of a <c>while</c>.
    /// </summary>
    public static ExpressionSyntax? DoLoopCondition(TryStatementSyntax tryStatement)
    {
        for (SyntaxNode? node = tryStatement.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case DoStatementSyntax doLoop:
                    return doLoop.Condition;
                case ForEachStatementSyntax or ForEachVariableStatementSyntax or ForStatementSyntax or WhileStatementSyntax:
                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                case LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool LeavesOnSuccess(BlockSyntax tryBlock, StatementSyntax loop, ExpressionSyntax? condition) =>
        SyntaxSearch.AnyDescendant(
            tryBlock,
            new LoopExit(loop, condition),
            static (node, shape) => node switch
            {
                ReturnStatementSyntax => true,
                BreakStatementSyntax breakStatement => InnermostBreakable(breakStatement) == shape.Loop,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } => shape.Condition is not null && Names(shape.Condition, target.Identifier.ValueText),
                _ => false,
            },
            intoNestedFunctions: false);

    /// <summary>
    /// The loop a try block may leave and its condition. A class, not a value tuple: a generic method
    /// over a value tuple is compiled just in time in every compiler process (see CodeValueList).
    /// </summary>
    private sealed class LoopExit
    {
        public LoopExit(StatementSyntax loop, ExpressionSyntax? condition)
        {
            Loop = loop;
            Condition = condition;
        }

        public StatementSyntax Loop { get; }

        public ExpressionSyntax? Condition { get; }
    }

    /// <summary>Whether the loop condition reads a variable of this name (a flag the try block sets on success).</summary>
    private static bool Names(ExpressionSyntax condition, string name) =>
        condition is IdentifierNameSyntax self && self.Identifier.ValueText == name
        || SyntaxSearch.AnyDescendant(condition, name, static (node, name) => node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name, intoNestedFunctions: true);

    private static SyntaxNode? InnermostBreakable(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax or ForEachVariableStatementSyntax or SwitchStatementSyntax)
            {
                return current;
            }
        }

        return null;
    }
}
