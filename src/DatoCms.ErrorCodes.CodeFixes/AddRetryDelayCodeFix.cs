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
/// DATO004 fix: waits at the top of the catch (<c>await Task.Delay</c> in async methods, lambdas and
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
            return named.WithBlock(named.Block.WithStatements(named.Block.Statements.Insert(0, delay)));
        });
    }

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
