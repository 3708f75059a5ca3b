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
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO003 fix: make the retry handle transient errors only. An exception clause gets the
/// predicate (<c>Handle&lt;DatoCmsApiException&gt;(ex =&gt; ex.IsTransient)</c>, or
/// <c>ex.IsTransient &amp;&amp;</c> in front of an expression-bodied predicate it already has); a type
/// test in a hand-written predicate gets <c>{ IsTransient: true }</c> (C# 8 and later). A method group or
/// a delegate in a variable is called for transient errors only (<c>ex =&gt; ex.IsTransient &amp;&amp;
/// ShouldRetry(ex)</c>), and a block-bodied predicate starts with <c>if (!ex.IsTransient) return false;</c>.
/// Not offered for a predicate whose parameter is <c>_</c> and that does more than return true.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetryOnlyTransientCodeFix))]
public sealed class RetryOnlyTransientCodeFix : DatoCmsCodeFixProvider
{
    /// <summary>Identifies this fix for Fix All.</summary>
    public const string EquivalenceKey = "DATO003.RetryOnlyTransient";

    private const string Title = "Retry only transient errors (IsTransient)";

    private static readonly string[] ParameterNames = { "ex", "exception", "apiException", "error", "apiError" };

    /// <inheritdoc />
    private protected override ImmutableArray<string> EquivalenceKeys { get; } = ImmutableArray.Create(EquivalenceKey);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.RetryOnEveryApiError.Id);

    private protected override void RegisterFixes(FixSite site)
    {
        var node = site.Node;
        if (ClauseInvocation(node) is { } invocation)
        {
            if (PredicateArguments(invocation.ArgumentList, site.Model) is { } arguments)
            {
                site.Offer(Title, EquivalenceKey, invocation.ArgumentList, () => arguments);
            }
        }
        else if (node is ExpressionSyntax type && site.Root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 } && TransientSubpattern(type) is { } change)
        {
            site.Offer(Title, EquivalenceKey, ct => AddSubpatternAsync(site.Document, change, ct));
        }
    }

    /// <summary>The call whose name the diagnostic marks: <c>Handle&lt;T&gt;</c> in <c>Policy.Handle&lt;T&gt;()</c>.</summary>
    private static InvocationExpressionSyntax? ClauseInvocation(SyntaxNode node) => node switch
    {
        SimpleNameSyntax { Parent: InvocationExpressionSyntax invocation } name when invocation.Expression == name => invocation,
        SimpleNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } member } name when member.Name == name && invocation.Expression == member => invocation,
        SimpleNameSyntax { Parent: MemberBindingExpressionSyntax { Parent: InvocationExpressionSyntax invocation } binding } name when binding.Name == name && invocation.Expression == binding => invocation,
        _ => null,
    };

    /// <summary><c>(ex =&gt; ex.IsTransient)</c> for an empty list; the existing lambda with the check in front; else null.</summary>
    private static ArgumentListSyntax? PredicateArguments(ArgumentListSyntax arguments, SemanticModel model)
    {
        if (arguments.Arguments.Count == 0)
        {
            var name = FreeName(model, arguments.SpanStart);
            return SyntaxFactory.ParseArgumentList($"({name} => {name}.IsTransient)").WithTriviaFrom(arguments);
        }

        if (arguments.Arguments.Count != 1)
        {
            return null;
        }

        var argument = arguments.Arguments[0].Expression;
        if (IsNamedPredicate(argument, model))
        {
            // A method group or a delegate in a variable: called for transient errors only.
            var name = FreeName(model, arguments.SpanStart);
            var wrapped = SyntaxFactory.ParseExpression($"{name} => {name}.IsTransient && {argument.WithoutTrivia()}({name})").WithTriviaFrom(argument);
            return arguments.ReplaceNode(argument, wrapped);
        }

        if (BlockPredicate(argument) is { } block)
        {
            // A block body decides after the check; what it did before (logging, say) now sees transient errors only.
            // Laid out like the first statement: its indentation before, what follows '{' after.
            var guard = SyntaxFactory.ParseStatement($"if (!{block.Parameter}.IsTransient) return false;");
            guard = block.Body.Statements.Count == 0
                ? guard.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)
                : guard.WithLeadingTrivia(block.Body.Statements[0].GetLeadingTrivia()).WithTrailingTrivia(block.Body.OpenBraceToken.TrailingTrivia);
            return arguments.ReplaceNode(block.Body, block.Body.WithStatements(block.Body.Statements.Insert(0, guard)));
        }

        if (Predicate(argument) is not { } predicate)
        {
            return null;
        }

        var (lambda, parameter, body) = predicate;

        ExpressionSyntax checkedBody;
        if (body.IsKind(SyntaxKind.TrueLiteralExpression))
        {
            if (parameter == "_")
            {
                var name = FreeName(model, arguments.SpanStart);
                var replacement = SyntaxFactory.ParseExpression($"{name} => {name}.IsTransient").WithTriviaFrom(lambda);
                return arguments.ReplaceNode(lambda, replacement);
            }

            checkedBody = SyntaxFactory.ParseExpression($"{parameter}.IsTransient");
        }
        else if (parameter == "_")
        {
            return null;
        }
        else
        {
            checkedBody = SyntaxFactory.ParseExpression($"{parameter}.IsTransient && {Precedence.AndOperand(body)}");
        }

        return arguments.ReplaceNode(body, checkedBody.WithTriviaFrom(body));
    }

    /// <summary><c>ShouldRetry</c> (a method group) or <c>retryAll</c> (a local, parameter, field or property holding a delegate).</summary>
    private static bool IsNamedPredicate(ExpressionSyntax argument, SemanticModel model) =>
        argument is IdentifierNameSyntax or MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression }
        && model.GetSymbolInfo(argument).Symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Ordinary, Parameters.Length: 1 } => true,
            ILocalSymbol { Type.TypeKind: TypeKind.Delegate } or IParameterSymbol { Type.TypeKind: TypeKind.Delegate }
                or IFieldSymbol { Type.TypeKind: TypeKind.Delegate } or IPropertySymbol { Type.TypeKind: TypeKind.Delegate } => true,
            _ => false,
        };

    /// <summary>A one-parameter lambda with a block body whose parameter is named (not <c>_</c>).</summary>
    private static (string Parameter, BlockSyntax Body)? BlockPredicate(ExpressionSyntax argument) => argument switch
    {
        SimpleLambdaExpressionSyntax { Block: { } block, Parameter.Identifier.ValueText: var name } when name != "_" => (name, block),
        ParenthesizedLambdaExpressionSyntax { Block: { } block, ParameterList.Parameters: { Count: 1 } parameters } when parameters[0].Identifier.ValueText != "_" => (parameters[0].Identifier.ValueText, block),
        _ => null,
    };

    private static (LambdaExpressionSyntax Lambda, string Parameter, ExpressionSyntax Body)? Predicate(ExpressionSyntax argument) => argument switch
    {
        SimpleLambdaExpressionSyntax { ExpressionBody: { } body } simple => (simple, simple.Parameter.Identifier.ValueText, body),
        ParenthesizedLambdaExpressionSyntax { ExpressionBody: { } body, ParameterList.Parameters.Count: 1 } parenthesized
            => (parenthesized, parenthesized.ParameterList.Parameters[0].Identifier.ValueText, body),
        _ => null,
    };

    /// <summary>
    /// A lambda parameter name that no local or parameter in scope already uses. Sibling lambdas
    /// may share a name, so only what is in scope at the argument list counts.
    /// </summary>
    private static string FreeName(SemanticModel model, int position) => FreeNames.Pick(model, position, covered: null, ParameterNames);

    /// <summary>
    /// The text change that makes the type test also require IsTransient: <c>{ IsTransient: true }</c>
    /// after the type (or its positional clause), or a first subpattern in the property clause it has.
    /// </summary>
    private static TextChange? TransientSubpattern(ExpressionSyntax type)
    {
        const string Subpattern = "IsTransient: true";
        switch (type.Parent)
        {
            case BinaryExpressionSyntax isExpression when isExpression.IsKind(SyntaxKind.IsExpression) && isExpression.Right == type:
            case TypePatternSyntax or ConstantPatternSyntax or DeclarationPatternSyntax:
                return new TextChange(new TextSpan(type.Span.End, 0), " { " + Subpattern + " }");
            case RecursivePatternSyntax recursive when recursive.Type == type:
                if (recursive.PropertyPatternClause is not { } clause)
                {
                    var end = recursive.PositionalPatternClause?.Span.End ?? type.Span.End;
                    return new TextChange(new TextSpan(end, 0), " { " + Subpattern + " }");
                }

                return clause.Subpatterns.Count == 0
                    ? new TextChange(clause.Span, "{ " + Subpattern + " }")
                    : new TextChange(new TextSpan(clause.Subpatterns[0].SpanStart, 0), Subpattern + ", ");
            default:
                return null;
        }
    }

    private static async Task<Document> AddSubpatternAsync(Document document, TextChange change, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(change));
    }
}
