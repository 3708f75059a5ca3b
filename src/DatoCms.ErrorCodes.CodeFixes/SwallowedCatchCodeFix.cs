using System.Collections.Immutable;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Analyzers.Handling;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO002 fixes, for what reaches the catch as DATO002 judges it (the catch type narrowed by its
/// filter). Where any API error can arrive: insert <c>if (ex.IsTransient) throw;</c> at the top of
/// the block (<see cref="RethrowKey"/>), or add <c>when (!ex.IsTransient)</c>, joined with
/// <c>&amp;&amp;</c> to a filter the clause has (<see cref="FilterKey"/>); for
/// <c>catch (Exception ex) when (ex is DatoCmsApiException)</c> both test
/// <c>ex is DatoCmsTransientApiException</c> instead (the type every transient error is thrown
/// as). Where only transient errors arrive (<c>DatoCmsTransientApiException</c>,
/// <c>when (ex.IsTransient)</c>), a filter could never be true and a guard would skip the whole
/// block: the only fix is a <c>throw;</c> after what the block does, offered when the end of the
/// block is reachable and the code after the try stays reachable. Neither is offered for a block
/// that puts work on a queue or channel. A variable the clause lacks gets a name that clashes with
/// nothing in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwallowedCatchCodeFix))]
public sealed class SwallowedCatchCodeFix : DatoCmsCodeFixProvider
{
    /// <summary>Identifies the filter fix for Fix All.</summary>
    public const string FilterKey = "DATO002.AddFilter";

    /// <summary>Identifies the rethrow fix for Fix All.</summary>
    public const string RethrowKey = "DATO002.RethrowTransient";

    /// <summary>The rethrow first: it is offered on every catch, the filter only where one can be true.</summary>
    private protected override ImmutableArray<string> EquivalenceKeys { get; } = ImmutableArray.Create(RethrowKey, FilterKey);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.SwallowedTransientError.Id);

    private protected override void RegisterFixes(FixSite site)
    {
        var model = site.Model;
        if (site.Node.FirstAncestorOrSelf<CatchClauseSyntax>() is not { Declaration: { } declaration } clause
            || model.GetTypeInfo(declaration.Type, site.CancellationToken).Type is not { } caught
            || model.GetOperation(clause, site.CancellationToken) is not ICatchClauseOperation operation
            || HandlingServices.TryCreate(model.Compilation, site.Document.Project.AnalyzerOptions) is not { } services)
        {
            return;
        }

        // What reaches the block, judged as DATO002 judges it: the catch type narrowed by the filter.
        // In work started and forgotten (_ = Task.Run(async () => ...)) a rethrow reaches no one: the
        // task's exception goes unobserved, and the fix would only hide the diagnostic.
        var scope = services.ScopeOf(operation);
        if (!scope.IsOurs || RunsUnobserved(clause))
        {
            return;
        }

        if (scope.State == ErrorState.Only)
        {
            // Only transient errors get here (the transient base, a filter on IsTransient): a filter
            // excluding them could never be true, and a guard at the top would skip the whole block.
            // A block that puts work back on a queue or channel retries it that way: a throw after it
            // would end the consumer instead, so nothing is offered there.
            if (EndIsReachable(clause.Block, model) && CodeAfterStaysReachable(clause, model) && !Queues(clause.Block))
            {
                site.Offer("Rethrow the transient error after handling it", RethrowKey, clause, () => AppendRethrow(clause));
            }

            return;
        }

        // A block that puts the work on a queue or channel whatever the error (parking it, or
        // requeueing it) needs its own decision: a rethrow of transient errors would end the
        // consumer on the errors worth requeueing, a filter would stop requeueing them, and either
        // would leave the permanent ones requeued for ever (a new user's trial, 2026-12-03).
        if (scope.State != ErrorState.Maybe || Queues(clause.Block))
        {
            return;
        }

        var name = CatchVariable.NameFor(clause, model);
        if (ApiExceptionTypes.HasIsTransient(caught))
        {
            site.Offer("Rethrow transient errors", RethrowKey, clause, () => InsertRethrow(clause, name, name + ".IsTransient"));
            site.Offer($"Add 'when (!{name}.IsTransient)'", FilterKey, clause, () => AddFilter(clause, name, "!" + name + ".IsTransient"));
            return;
        }

        // catch (Exception ex) when (ex is DatoCmsApiException): the generated factory throws every
        // transient error as DatoCmsTransientApiException, so a type test is the transient check.
        if (services.Symbols.TransientApiException is not { } transientType)
        {
            return;
        }

        var typeName = transientType.ToMinimalDisplayString(model, clause.SpanStart);
        var transient = $"{name} is {typeName}";
        var notTransient = clause.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 }
            ? $"{name} is not {typeName}"
            : $"!({transient})";
        site.Offer("Rethrow transient errors", RethrowKey, clause, () => InsertRethrow(clause, name, transient));
        site.Offer($"Add '{notTransient}' to the filter", FilterKey, clause, () => AddFilter(clause, name, notTransient));
    }

    /// <summary>
    /// Whether a <c>throw;</c> at the end of the block leaves the code after the try reachable: the
    /// try block or another catch still falls through, or nothing follows. Otherwise that code would
    /// become dead (CS0162, an error under TreatWarningsAsErrors), so the fix is not offered.
    /// </summary>
    private static bool CodeAfterStaysReachable(CatchClauseSyntax clause, SemanticModel model)
    {
        if (clause.Parent is not TryStatementSyntax tryStatement || !HasNextStatement(tryStatement))
        {
            return true;
        }

        return EndIsReachable(tryStatement.Block, model) || tryStatement.Catches.Any(c => c != clause && EndIsReachable(c.Block, model));
    }

    private static bool HasNextStatement(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => block.Statements.IndexOf(statement) < block.Statements.Count - 1,
        SwitchSectionSyntax section => section.Statements.IndexOf(statement) < section.Statements.Count - 1,
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global => unit.Members.IndexOf(global) < unit.Members.Count - 1,
        _ => false,
    };

    /// <summary>
    /// The catch is in a lambda given to <c>Task.Run</c> or <c>TaskFactory.StartNew</c> whose task is
    /// dropped (a statement of its own, or assigned to the discard <c>_</c>): nothing awaits what it throws.
    /// </summary>
    private static bool RunsUnobserved(CatchClauseSyntax clause)
    {
        if (clause.Ancestors().FirstOrDefault(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax) is not AnonymousFunctionExpressionSyntax lambda
            || lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax start } }
            || start.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" or "StartNew" })
        {
            return false;
        }

        return start.Parent switch
        {
            ExpressionStatementSyntax => true,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax } => true,
            _ => false,
        };
    }

    /// <summary>The block calls <c>Enqueue</c>, <c>TryWrite</c> or <c>WriteAsync</c> (outside lambdas and local functions).</summary>
    private static bool Queues(BlockSyntax block) =>
        SyntaxSearch.AnyDescendant(
            block,
            0,
            static (node, _) => node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Enqueue" or "TryWrite" or "WriteAsync" } },
            intoNestedFunctions: false);

    private static bool EndIsReachable(BlockSyntax block, SemanticModel model) =>
        block.Statements.Count == 0 || model.AnalyzeControlFlow(block.Statements.First(), block.Statements.Last()) is { Succeeded: true, EndPointIsReachable: true };

    private static CatchClauseSyntax AddFilter(CatchClauseSyntax clause, string name, string condition)
    {
        var named = CatchVariable.Named(clause, name);
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

    private static CatchClauseSyntax InsertRethrow(CatchClauseSyntax clause, string name, string condition)
    {
        var named = CatchVariable.Named(clause, name);
        var guard = SyntaxFactory.IfStatement(SyntaxFactory.ParseExpression(condition), SyntaxFactory.ThrowStatement())
            .WithAdditionalAnnotations(Formatter.Annotation);
        return named.WithBlock(named.Block.WithStatements(named.Block.Statements.Insert(0, guard)));
    }

    private static CatchClauseSyntax AppendRethrow(CatchClauseSyntax clause) =>
        clause.WithBlock(clause.Block.WithStatements(clause.Block.Statements.Add(SyntaxFactory.ThrowStatement().WithAdditionalAnnotations(Formatter.Annotation))));
}
