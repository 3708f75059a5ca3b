using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>When an expression a fix combines with <c>&amp;&amp;</c> needs parentheses to keep its meaning.</summary>
internal static class Precedence
{
    /// <summary>Whether <c>x &amp;&amp; expression</c> (or <c>expression &amp;&amp; x</c>) would parse differently without parentheses.</summary>
    public static bool BindsLooserThanAnd(ExpressionSyntax expression) =>
        expression.IsKind(SyntaxKind.LogicalOrExpression)
        || expression.IsKind(SyntaxKind.CoalesceExpression)
        || expression is ConditionalExpressionSyntax or AssignmentExpressionSyntax or LambdaExpressionSyntax;

    /// <summary>The expression's text, in parentheses when <see cref="BindsLooserThanAnd"/>.</summary>
    public static string AndOperand(ExpressionSyntax expression)
    {
        var text = expression.WithoutTrivia().ToFullString();
        return BindsLooserThanAnd(expression) ? "(" + text + ")" : text;
    }
}
