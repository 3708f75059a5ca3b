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
/// DATO002 fixes: add <c>when (!ex.IsTransient)</c> so transient errors pass through the catch, or
/// insert <c>if (ex.IsTransient) throw;</c> at the top of its block.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwallowedCatchCodeFix))]
public sealed class SwallowedCatchCodeFix : CodeFixProvider
{
    /// <summary>Identifies the filter fix for Fix All.</summary>
    public const string FilterKey = "DATO002.AddFilter";

    /// <summary>Identifies the rethrow fix for Fix All.</summary>
    public const string RethrowKey = "DATO002.RethrowTransient";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.SwallowedTransientError.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<CatchClauseSyntax>() is not { Declaration: not null } clause)
            {
                continue;
            }

            context.RegisterCodeFix(CodeAction.Create("Add 'when (!ex.IsTransient)'", ct => AddFilterAsync(context.Document, clause, ct), FilterKey), diagnostic);
            context.RegisterCodeFix(CodeAction.Create("Rethrow transient errors", ct => InsertRethrowAsync(context.Document, clause, ct), RethrowKey), diagnostic);
        }
    }

    private static async Task<Document> AddFilterAsync(Document document, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var (named, name) = CatchVariable.Ensure(clause);
        var filter = SyntaxFactory.CatchFilterClause(SyntaxFactory.ParseExpression($"!{name}.IsTransient"));
        var updated = named
            .WithDeclaration(named.Declaration!.WithCloseParenToken(named.Declaration.CloseParenToken.WithTrailingTrivia(SyntaxFactory.Space)))
            .WithFilter(filter.WithTrailingTrivia(named.Declaration.CloseParenToken.TrailingTrivia));
        return document.WithSyntaxRoot(root!.ReplaceNode(clause, updated));
    }

    private static async Task<Document> InsertRethrowAsync(Document document, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var (named, name) = CatchVariable.Ensure(clause);
        var guard = SyntaxFactory.IfStatement(SyntaxFactory.ParseExpression($"{name}.IsTransient"), SyntaxFactory.ThrowStatement())
            .WithAdditionalAnnotations(Formatter.Annotation);
        var updated = named.WithBlock(named.Block.WithStatements(named.Block.Statements.Insert(0, guard)));
        var changed = document.WithSyntaxRoot(root!.ReplaceNode(clause, updated));
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
