using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// Puts a new statement right before an existing one, wherever that one stands: in a block or a
/// switch section, as a top-level statement, or as the body of an <c>if</c>/loop written without
/// braces (which then gets them, so the new statement runs under the same condition).
/// </summary>
internal static class StatementInsertion
{
    /// <summary>Whether <see cref="InsertBefore"/> can place a statement before <paramref name="statement"/>.</summary>
    public static bool CanInsertBefore(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax or SwitchSectionSyntax => true,
        GlobalStatementSyntax { Parent: CompilationUnitSyntax } => true,
        IfStatementSyntax or ElseClauseSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax
            or CommonForEachStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax => true,
        _ => false,
    };

    public static SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax statement, StatementSyntax inserted)
    {
        inserted = inserted.WithAdditionalAnnotations(Formatter.Annotation);
        switch (statement.Parent)
        {
            case BlockSyntax or SwitchSectionSyntax:
                return root.InsertNodesBefore(statement, new[] { inserted.WithLeadingTrivia(statement.GetLeadingTrivia()) });
            case GlobalStatementSyntax global:
                var newGlobal = SyntaxFactory.GlobalStatement(inserted.WithLeadingTrivia(statement.GetLeadingTrivia())).WithAdditionalAnnotations(Formatter.Annotation);
                return root.InsertNodesBefore(global, new[] { newGlobal });
            default:
                var block = SyntaxFactory.Block(inserted, statement.WithoutLeadingTrivia().WithoutTrailingTrivia())
                    .WithLeadingTrivia(statement.GetLeadingTrivia())
                    .WithTrailingTrivia(statement.GetTrailingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return root.ReplaceNode(statement, block);
        }
    }

    /// <summary>The statement that holds <paramref name="node"/> in the same function (never one outside a lambda or local function).</summary>
    public static StatementSyntax? EnclosingStatement(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case StatementSyntax statement:
                    return statement;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax or ArrowExpressionClauseSyntax:
                    return null;
            }
        }

        return null;
    }
}
