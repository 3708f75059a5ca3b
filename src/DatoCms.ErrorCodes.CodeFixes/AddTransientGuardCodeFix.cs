using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO001 fix: puts <c>if (ex.IsTransient) throw;</c> (or <c>code.IsTransient()</c>) right before
/// the statement that holds the switch, so transient errors leave before any code is matched.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddTransientGuardCodeFix))]
public sealed class AddTransientGuardCodeFix : CodeFixProvider
{
    /// <summary>Identifies this fix for Fix All.</summary>
    public const string EquivalenceKey = "DATO001.AddIsTransientGuard";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.TransientCodesNotHandledInSwitch.Id);

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false);
            var value = node switch
            {
                SwitchStatementSyntax statement => statement.Expression,
                SwitchExpressionSyntax expression => expression.GoverningExpression,
                _ => node.FirstAncestorOrSelf<SwitchExpressionSyntax>()?.GoverningExpression,
            };
            var statementToGuard = node.FirstAncestorOrSelf<StatementSyntax>();
            if (value is null || statementToGuard?.Parent is not (BlockSyntax or SwitchSectionSyntax))
            {
                continue;
            }

            var receiver = SwitchValue.CodeReceiver(value);
            if (RethrowSyntax.For(statementToGuard, receiver, model) is not { } rethrow)
            {
                continue;
            }

            var condition = receiver is not null && HasIsTransientProperty(model.GetTypeInfo(receiver).Type)
                ? $"{receiver.WithoutTrivia()}.IsTransient"
                : $"{value.WithoutTrivia()}.IsTransient()";
            context.RegisterCodeFix(
                CodeAction.Create("Add an IsTransient guard", ct => InsertGuardAsync(context.Document, statementToGuard, condition, rethrow, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static bool HasIsTransientProperty(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(GeneratedNames.Members.IsTransient))
            {
                if (member is IPropertySymbol)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static async Task<Document> InsertGuardAsync(Document document, StatementSyntax statement, string condition, StatementSyntax rethrow, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var guard = SyntaxFactory.IfStatement(SyntaxFactory.ParseExpression(condition), rethrow)
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        var updated = root!.InsertNodesBefore(statement, new[] { guard });
        return await Formatter.FormatAsync(document.WithSyntaxRoot(updated), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
