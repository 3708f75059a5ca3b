using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO005 fix: <c>ex.ApiCode == "ITEM_LOCKED"</c> becomes <c>ex.Code == DatoCmsErrorCode.ItemLocked</c>
/// (also for <c>!=</c>, <c>string.Equals</c>, <c>is</c> and <c>code.ToApiString()</c>). String switches are
/// left to the user: rewriting every section is rarely what they want in one step.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CompareErrorCodeCodeFix))]
public sealed class CompareErrorCodeCodeFix : CodeFixProvider
{
    /// <summary>Identifies this fix for Fix All.</summary>
    public const string EquivalenceKey = "DATO005.CompareErrorCode";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.RawCodeStringComparison.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CodeStringAnalyzer.MemberProperty, out var member) || member is null)
            {
                continue;
            }

            var site = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var (raw, negate, isPattern) = site switch
            {
                BinaryExpressionSyntax binary => (RawSide(binary.Left, binary.Right), binary.IsKind(SyntaxKind.NotEqualsExpression), false),
                InvocationExpressionSyntax { ArgumentList.Arguments: { Count: >= 2 } arguments } invocation when invocation.Expression is MemberAccessExpressionSyntax { Expression: PredefinedTypeSyntax or IdentifierNameSyntax { Identifier.ValueText: "String" } } =>
                    (RawSide(arguments[0].Expression, arguments[1].Expression), false, false),
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var instance } } => (instance, false, false),
                IsPatternExpressionSyntax isExpression => (isExpression.Expression, false, true),
                _ => ((ExpressionSyntax?)null, false, false),
            };

            if (raw is null || CodeExpression(raw) is not { } code || model.GetTypeInfo(code).Type is null)
            {
                continue;
            }

            var enumType = model.GetTypeInfo(code).Type!.ToMinimalDisplayString(model, site.SpanStart);
            var replacement = isPattern
                ? $"{code} is {enumType}.{member}"
                : $"{code} {(negate ? "!=" : "==")} {enumType}.{member}";
            context.RegisterCodeFix(
                CodeAction.Create($"Compare with {enumType}.{member}", ct => ReplaceAsync(context.Document, site, replacement, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The side of a comparison that is not the string literal.</summary>
    private static ExpressionSyntax RawSide(ExpressionSyntax left, ExpressionSyntax right) => left is LiteralExpressionSyntax ? right : left;

    /// <summary><c>ex.ApiCode</c> → <c>ex.Code</c>; <c>code.ToApiString()</c> → <c>code</c>.</summary>
    private static ExpressionSyntax? CodeExpression(ExpressionSyntax raw) => raw switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.ApiCode } access => access.WithName(SyntaxFactory.IdentifierName(GeneratedNames.Members.Code)),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.ToApiString, Expression: var receiver }, ArgumentList.Arguments.Count: 0 } => receiver,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.ToApiString }, ArgumentList.Arguments: { Count: 1 } arguments } => arguments[0].Expression,
        ParenthesizedExpressionSyntax parenthesized => CodeExpression(parenthesized.Expression),
        _ => null,
    };

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode site, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(site).WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root!.ReplaceNode(site, expression));
    }
}
