using System.Collections.Immutable;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO002 fixes. For a catch of <c>DatoCmsApiException</c>: add <c>when (!ex.IsTransient)</c> so
/// transient errors pass through the catch (<see cref="FilterKey"/>), or insert
/// <c>if (ex.IsTransient) throw;</c> at the top of its block (<see cref="RethrowKey"/>). A catch of a
/// transient-only type (<c>DatoCmsTransientApiException</c>, <c>ItemLockedException</c>) has
/// IsTransient always true, so a filter on it could never match: there the only fix is a
/// <c>throw;</c> after what the block does, offered when the end of the block is reachable. A
/// variable the clause lacks gets a name that clashes with nothing in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwallowedCatchCodeFix))]
public sealed class SwallowedCatchCodeFix : DatoCmsCodeFixProvider
{
    /// <summary>Identifies the filter fix for Fix All.</summary>
    public const string FilterKey = "DATO002.AddFilter";

    /// <summary>Identifies the rethrow fix for Fix All.</summary>
    public const string RethrowKey = "DATO002.RethrowTransient";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.SwallowedTransientError.Id);

    private protected override void RegisterFixes(FixSite site)
    {
        if (site.Node.FirstAncestorOrSelf<CatchClauseSyntax>() is not { Declaration: { } declaration } clause
            || site.Model.GetTypeInfo(declaration.Type, site.CancellationToken).Type is not { } caught
            || !ApiExceptionTypes.HasIsTransient(caught))
        {
            return;
        }

        var name = CatchVariable.NameFor(clause, site.Model);
        if (ApiExceptionTypes.IsAlwaysTransient(caught))
        {
            if (EndIsReachable(clause.Block, site.Model))
            {
                site.Offer("Rethrow the transient error after handling it", RethrowKey, clause, () => AppendRethrow(clause));
            }

            return;
        }

        site.Offer("Rethrow transient errors", RethrowKey, clause, () => InsertRethrow(clause, name));
        site.Offer($"Add 'when (!{name}.IsTransient)'", FilterKey, clause, () => AddFilter(clause, name));
    }

    private static bool EndIsReachable(BlockSyntax block, SemanticModel model) =>
        block.Statements.Count == 0 || model.AnalyzeControlFlow(block.Statements.First(), block.Statements.Last()) is { Succeeded: true, EndPointIsReachable: true };

    private static CatchClauseSyntax AddFilter(CatchClauseSyntax clause, string name)
    {
        var named = CatchVariable.Named(clause, name);
        var condition = "!" + name + ".IsTransient";
        if (named.Filter is { } existing)
        {
            var combined = SyntaxFactory.ParseExpression(Precedence.AndOperand(existing.FilterExpression) + " && " + condition);
            return named.WithFilter(existing.WithFilterExpression(combined.WithTriviaFrom(existing.FilterExpression)));
        }

        var filter = SyntaxFactory.CatchFilterClause(SyntaxFactory.ParseExpression(condition));
        return named
            .WithDeclaration(named.Declaration!.WithCloseParenToken(named.Declaration.CloseParenToken.WithTrailingTrivia(SyntaxFactory.Space)))
            .WithFilter(filter.WithTrailingTrivia(named.Declaration.CloseParenToken.TrailingTrivia));
    }

    private static CatchClauseSyntax InsertRethrow(CatchClauseSyntax clause, string name)
    {
        var named = CatchVariable.Named(clause, name);
        var guard = SyntaxFactory.IfStatement(SyntaxFactory.ParseExpression(name + ".IsTransient"), SyntaxFactory.ThrowStatement())
            .WithAdditionalAnnotations(Formatter.Annotation);
        return named.WithBlock(named.Block.WithStatements(named.Block.Statements.Insert(0, guard)));
    }

    private static CatchClauseSyntax AppendRethrow(CatchClauseSyntax clause) =>
        clause.WithBlock(clause.Block.WithStatements(clause.Block.Statements.Add(SyntaxFactory.ThrowStatement().WithAdditionalAnnotations(Formatter.Annotation))));
}
