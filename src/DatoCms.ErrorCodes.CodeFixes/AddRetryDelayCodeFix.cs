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
/// DATO004 fix, for async methods: waits at the top of the catch for the server's
/// X-RateLimit-Reset (<c>ex.RateLimitReset</c>), or one second when the error carries none,
/// passing the method's CancellationToken when it has one. A catch without a variable gets one
/// whose name clashes with nothing in scope.
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
            || model.GetEnclosingSymbol(clause.SpanStart, site.CancellationToken) is not IMethodSymbol { IsAsync: true } method
            || model.GetTypeInfo(declaration.Type, site.CancellationToken).Type is not { } caught
            || !ApiExceptionTypes.HasIsTransient(caught))
        {
            return;
        }

        var token = method.Parameters.FirstOrDefault(p => p.Type.ToDisplayString() == "System.Threading.CancellationToken")?.Name;
        var task = TypeNames.Shortest(model, clause.SpanStart, "Task", "System.Threading.Tasks.Task");
        var timeSpan = TypeNames.Shortest(model, clause.SpanStart, "TimeSpan", "System.TimeSpan");
        var name = CatchVariable.NameFor(clause, model);
        site.Offer("Wait for RateLimitReset before retrying", EquivalenceKey, clause, () =>
        {
            var named = CatchVariable.Named(clause, name);
            var arguments = $"{name}.RateLimitReset ?? {timeSpan}.FromSeconds(1)" + (token is null ? string.Empty : ", " + token);
            var delay = SyntaxFactory.ParseStatement($"await {task}.Delay({arguments});")
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return named.WithBlock(named.Block.WithStatements(named.Block.Statements.Insert(0, delay)));
        });
    }
}
