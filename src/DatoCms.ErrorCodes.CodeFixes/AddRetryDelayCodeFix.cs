using System.Collections.Immutable;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO004 fix: waits before the catch goes on to the next attempt, after its leading guards that
/// leave without retrying (at the top when there are none; <c>await Task.Delay</c> in async methods, lambdas and
/// local functions, <c>Thread.Sleep</c> in synchronous ones; not offered in a method that returns a
/// task without being async) for
/// the server's X-RateLimit-Reset (<c>ex.RateLimitReset</c>, read through <c>as</c> in
/// <c>catch (Exception ex) when (ex is DatoCmsApiException)</c>), or one second when the error
/// carries none, passing the function's CancellationToken (or, in a lambda, the one token of the
/// enclosing method) when there is one. A catch without a variable gets one whose name clashes
/// with nothing in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRetryDelayCodeFix))]
public sealed class AddRetryDelayCodeFix : DatoCmsCodeFixProvider
{
    /// <summary>Identifies this fix for Fix All.</summary>
    public const string EquivalenceKey = "DATO004.AddDelay";

    /// <inheritdoc />
    private protected override ImmutableArray<string> EquivalenceKeys { get; } = ImmutableArray.Create(EquivalenceKey);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.RetryWithoutDelay.Id);

    private protected override void RegisterFixes(FixSite site)
    {
        var model = site.Model;
        if (site.Node.FirstAncestorOrSelf<CatchClauseSyntax>() is not { Declaration: { } declaration } clause
            || model.GetEnclosingSymbol(clause.SpanStart, site.CancellationToken) is not IMethodSymbol method
            || model.GetTypeInfo(declaration.Type, site.CancellationToken).Type is not { } caught)
        {
            return;
        }

        // Synchronous code sleeps: its retry loop blocks its thread between attempts already. A method
        // that returns a task without being async is left alone: a sleep there would block the caller
        // that awaits it, and an await would need the method made async.
        var blocking = !method.IsAsync;
        if (blocking && method.ReturnType.Name is "Task" or "ValueTask")
        {
            return;
        }

        var name = CatchVariable.NameFor(clause, model);
        string reset;
        if (ApiExceptionTypes.HasIsTransient(caught))
        {
            reset = name + "." + RateLimitReset;
        }
        else if (clause.Filter is not null && DatoCmsSymbols.TryCreate(model.Compilation, site.Document.Project.AnalyzerOptions)?.ApiException is { } apiException)
        {
            // catch (Exception ex) when (ex is DatoCmsApiException): the reset is read through a cast.
            reset = $"({name} as {apiException.ToMinimalDisplayString(model, clause.SpanStart)})?.{RateLimitReset}";
        }
        else
        {
            return;
        }

        var position = WaitPosition(clause, method.Name);
        var token = blocking ? null : CancellationTokenFor(method, model, clause.SpanStart);
        var task = TypeNames.Shortest(model, clause.SpanStart, "Task", "System.Threading.Tasks.Task");
        var thread = TypeNames.Shortest(model, clause.SpanStart, "Thread", "System.Threading.Thread");
        var timeSpan = TypeNames.Shortest(model, clause.SpanStart, "TimeSpan", "System.TimeSpan");
        site.Offer("Wait for RateLimitReset before retrying", EquivalenceKey, clause, () =>
        {
            var named = CatchVariable.Named(clause, name);
            var arguments = $"{reset} ?? {timeSpan}.FromSeconds(1)" + (token is null ? string.Empty : ", " + token);
            var delay = SyntaxFactory.ParseStatement(blocking ? $"{thread}.Sleep({arguments});" : $"await {task}.Delay({arguments});")
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return named.WithBlock(named.Block.WithStatements(named.Block.Statements.Insert(position, delay)));
        });
    }

    /// <summary>
    /// Where the wait goes: after the catch's leading guards that leave without retrying (an <c>if</c>
    /// without <c>else</c> whose body throws, returns or breaks out of the loop, such as
    /// <c>if (!ex.IsTransient || attempt >= 5) throw;</c>) and the plain statements among them
    /// (<c>attempt++;</c>, a log line), so that a permanent error or the last attempt leaves at once
    /// instead of waiting first; at the top when there is no such guard. The wait is then on every
    /// path that goes on to the next attempt, as at the top.
    /// </summary>
    private static int WaitPosition(CatchClauseSyntax clause, string function)
    {
        var statements = clause.Block.Statements;
        var position = 0;
        for (var index = 0; index < statements.Count; index++)
        {
            if (statements[index] is IfStatementSyntax { Else: null } guard && Leaves(guard.Statement, clause, function) && !CallsItself(guard.Condition, function))
            {
                position = index + 1;
            }
            else if (!IsPlain(statements[index], function))
            {
                break;
            }
        }

        return position;
    }

    /// <summary>A body that always leaves without running the try again: <c>throw</c>, a <c>return</c> that does not call the function again, a <c>break</c> out of the loop, after plain statements.</summary>
    private static bool Leaves(StatementSyntax statement, CatchClauseSyntax clause, string function) => statement switch
    {
        ThrowStatementSyntax => true,
        ReturnStatementSyntax exit => exit.Expression is null || !CallsItself(exit.Expression, function),
        BreakStatementSyntax => BreaksOutOfALoop(clause),
        BlockSyntax { Statements: { Count: > 0 } inner } => Leaves(inner[inner.Count - 1], clause, function) && inner.Take(inner.Count - 1).All(s => IsPlain(s, function)),
        _ => false,
    };

    /// <summary>A local declaration or an expression statement that cannot run the try again (it does not call the function it is in).</summary>
    private static bool IsPlain(StatementSyntax statement, string function) =>
        statement is LocalDeclarationStatementSyntax or ExpressionStatementSyntax && !CallsItself(statement, function);

    /// <summary>The nearest loop or switch around the catch is a loop: a <c>break</c> leaves it.</summary>
    private static bool BreaksOutOfALoop(CatchClauseSyntax clause)
    {
        foreach (var ancestor in clause.Ancestors())
        {
            switch (ancestor)
            {
                case ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or CommonForEachStatementSyntax:
                    return true;
                case SwitchStatementSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="node"/> calls something named like the function it is in (a recursive retry).</summary>
    private static bool CallsItself(SyntaxNode node, string function) =>
        node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(invocation => invocation.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == function,
            GenericNameSyntax generic => generic.Identifier.ValueText == function,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == function,
            _ => false,
        });

    private const string RateLimitReset = "RateLimitReset";

    /// <summary>
    /// The function's own CancellationToken parameter; else, inside a lambda or local function, the
    /// one such parameter of the enclosing functions in scope (none when there are several: which one
    /// applies is the author's call).
    /// </summary>
    private static string? CancellationTokenFor(IMethodSymbol method, SemanticModel model, int position)
    {
        if (method.Parameters.FirstOrDefault(IsCancellationToken) is { } own)
        {
            return own.Name;
        }

        if (method.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
        {
            return null;
        }

        var inScope = model.LookupSymbols(position).OfType<IParameterSymbol>().Where(IsCancellationToken).ToList();
        return inScope.Count == 1 ? inScope[0].Name : null;
    }

    private static bool IsCancellationToken(IParameterSymbol parameter) => parameter.Type.ToDisplayString() == "System.Threading.CancellationToken";
}
