using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// "Is there a descendant node such that…", answered by a recursive walk over the child lists'
/// struct enumerators: the same nodes <c>DescendantNodes()</c> yields, without its iterator and
/// stack allocations, which the catch shortcuts paid several times for every catch clause.
/// </summary>
internal static class SyntaxSearch
{
    /// <summary>Whether a descendant of <paramref name="node"/> (not the node itself) matches.</summary>
    /// <param name="node">Where to search.</param>
    /// <param name="state">Passed to <paramref name="match"/>, so that it can be a static lambda.</param>
    /// <param name="match">The test for each descendant.</param>
    /// <param name="intoNestedFunctions">False to leave out the bodies of lambdas and local functions (the functions themselves are still tested).</param>
    public static bool AnyDescendant<TState>(SyntaxNode node, TState state, Func<SyntaxNode, TState, bool> match, bool intoNestedFunctions)
    {
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is not { } inner)
            {
                continue;
            }

            if (match(inner, state))
            {
                return true;
            }

            if ((intoNestedFunctions || inner is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                && AnyDescendant(inner, state, match, intoNestedFunctions))
            {
                return true;
            }
        }

        return false;
    }
}
