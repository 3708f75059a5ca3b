using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// Where the rules put their squiggles: the header of a switch (<c>switch (x)</c>, <c>x switch</c>)
/// and of a catch (<c>catch (T ex)</c>), never the whole body, so a diagnostic stays readable and
/// the code fixes find the node they rewrite.
/// </summary>
internal static class HeaderLocations
{
    public static Location? OfSwitch(SyntaxNode syntax) => syntax switch
    {
        SwitchStatementSyntax statement => Location.Create(statement.SyntaxTree, TextSpan.FromBounds(statement.SwitchKeyword.SpanStart, statement.CloseParenToken.Span.End)),
        SwitchExpressionSyntax expression => Location.Create(expression.SyntaxTree, TextSpan.FromBounds(expression.GoverningExpression.SpanStart, expression.SwitchKeyword.Span.End)),
        _ => null,
    };

    public static Location? OfCatch(SyntaxNode syntax) => syntax is CatchClauseSyntax { Declaration: { } declaration } catchClause
        ? Location.Create(catchClause.SyntaxTree, TextSpan.FromBounds(catchClause.CatchKeyword.SpanStart, declaration.CloseParenToken.Span.End))
        : null;
}
