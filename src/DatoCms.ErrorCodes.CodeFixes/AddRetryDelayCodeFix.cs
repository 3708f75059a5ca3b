using System.Collections.Immutable;
using System.Linq;
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
/// DATO004 fix, for async methods: waits at the top of the catch for the server's
/// X-RateLimit-Reset (<c>ex.RateLimitReset</c>), or one second when the error carries none,
/// passing the method's CancellationToken when it has one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRetryDelayCodeFix))]
public sealed class AddRetryDelayCodeFix : CodeFixProvider
{
    /// <summary>Identifies this fix for Fix All.</summary>
    public const string EquivalenceKey = "DATO004.AddDelay";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.RetryWithoutDelay.Id);

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
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<CatchClauseSyntax>() is not { Declaration: not null } clause
                || model.GetEnclosingSymbol(clause.SpanStart, context.CancellationToken) is not IMethodSymbol { IsAsync: true } method)
            {
                continue;
            }

            var token = method.Parameters.FirstOrDefault(p => p.Type.ToDisplayString() == "System.Threading.CancellationToken")?.Name;
            var task = TypeNames.Shortest(model, clause.SpanStart, "Task", "System.Threading.Tasks.Task");
            var timeSpan = TypeNames.Shortest(model, clause.SpanStart, "TimeSpan", "System.TimeSpan");
            context.RegisterCodeFix(
                CodeAction.Create("Wait for RateLimitReset before retrying", ct => AddDelayAsync(context.Document, clause, task, timeSpan, token, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddDelayAsync(Document document, CatchClauseSyntax clause, string task, string timeSpan, string? cancellationToken, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var (named, name) = CatchVariable.Ensure(clause);
        var arguments = $"{name}.RateLimitReset ?? {timeSpan}.FromSeconds(1)" + (cancellationToken is null ? string.Empty : ", " + cancellationToken);
        var delay = SyntaxFactory.ParseStatement($"await {task}.Delay({arguments});")
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var updated = named.WithBlock(named.Block.WithStatements(named.Block.Statements.Insert(0, delay)));
        var changed = document.WithSyntaxRoot(root!.ReplaceNode(clause, updated));
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: ct).ConfigureAwait(false);
    }
}
