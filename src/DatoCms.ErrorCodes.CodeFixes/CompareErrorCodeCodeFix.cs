using System.Collections.Immutable;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO005 fix: <c>ex.ApiCode == "ITEM_LOCKED"</c> becomes <c>ex.Code == DatoCmsErrorCode.ItemLocked</c>
/// (also for <c>!=</c>, <c>string.Equals</c>, <c>x.Equals</c>, <c>is "..."</c>, <c>error?.ApiCode</c> and
/// <c>code.ToApiString()</c>). String switches and <c>is "A" or "B"</c> patterns are left to the user:
/// rewriting every section is rarely what they want in one step. Everything the fix reads from the
/// semantic model it reads from the user's own nodes, never from the replacement it builds.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CompareErrorCodeCodeFix))]
public sealed class CompareErrorCodeCodeFix : DatoCmsCodeFixProvider
{
    /// <summary>Identifies this fix for Fix All.</summary>
    public const string EquivalenceKey = "DATO005.CompareErrorCode";

    /// <inheritdoc />
    private protected override ImmutableArray<string> EquivalenceKeys { get; } = ImmutableArray.Create(EquivalenceKey);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.RawCodeStringComparison.Id);

    private protected override void RegisterFixes(FixSite site)
    {
        if (!site.Diagnostic.Properties.TryGetValue(CodeStringAnalyzer.MemberProperty, out var member) || member is null)
        {
            return;
        }

        var node = site.Node;
        var (operands, negate, isPattern) = node switch
        {
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression) =>
                (new[] { binary.Left, binary.Right }, binary.IsKind(SyntaxKind.NotEqualsExpression), false),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: nameof(string.Equals) } access } invocation =>
                (new[] { access.Expression }.Concat(invocation.ArgumentList.Arguments.Select(a => a.Expression)).ToArray(), false, false),
            IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax } isExpression => (new[] { isExpression.Expression }, false, true),
            _ => (System.Array.Empty<ExpressionSyntax>(), false, false),
        };

        var found = operands.Select(o => CodeExpression(o, site.Model)).FirstOrDefault(c => c is not null);
        if (found is not { } code)
        {
            return;
        }

        // !string.Equals(...) becomes one '!=' comparison rather than !(... == ...).
        var target = node;
        if (node is InvocationExpressionSyntax && node.Parent is PrefixUnaryExpressionSyntax not && not.IsKind(SyntaxKind.LogicalNotExpression))
        {
            target = not;
            negate = true;
        }

        var enumName = code.EnumType.ToMinimalDisplayString(site.Model, node.SpanStart);
        var text = isPattern
            ? $"{code.Text} is {enumName}.{member}"
            : $"{code.Text} {(negate ? "!=" : "==")} {enumName}.{member}";
        site.Offer($"Compare with {enumName}.{member}", EquivalenceKey, target, () =>
        {
            // A call (x.Equals(...)) may sit where only a primary expression fits (before '.', after
            // a cast): parenthesise, and let the simplifier drop the parentheses where not needed.
            var comparison = SyntaxFactory.ParseExpression(text);
            var replacement = target is InvocationExpressionSyntax or PrefixUnaryExpressionSyntax
                ? SyntaxFactory.ParenthesizedExpression(comparison).WithAdditionalAnnotations(Simplifier.Annotation)
                : comparison;
            return replacement.WithTriviaFrom(target).WithAdditionalAnnotations(Formatter.Annotation);
        });
    }

    /// <summary>
    /// <c>ex.ApiCode</c> → <c>ex.Code</c>, <c>error?.ApiCode</c> → <c>error?.Code</c>,
    /// <c>code.ToApiString()</c> and <c>ToApiString(code)</c> → <c>code</c>, with the enum type read from
    /// the original receiver.
    /// </summary>
    private static (string Text, ITypeSymbol EnumType)? CodeExpression(ExpressionSyntax raw, SemanticModel model)
    {
        switch (raw)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return CodeExpression(parenthesized.Expression, model);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.ApiCode } access
                when CodeProperty(model.GetTypeInfo(access.Expression).Type) is { } type:
                return (access.WithName(SyntaxFactory.IdentifierName(GeneratedNames.Members.Code)).WithoutTrivia().ToString(), type);
            case ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.ApiCode } } conditional
                when CodeProperty(model.GetTypeInfo(conditional.Expression).Type) is { } type:
                return (conditional.Expression.WithoutTrivia() + "?." + GeneratedNames.Members.Code, type);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.ToApiString, Expression: var receiver }, ArgumentList.Arguments.Count: 0 }
                when IsErrorCodeEnum(model.GetTypeInfo(receiver).Type) is { } type:
                return (Primary(receiver), type);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.ToApiString }, ArgumentList.Arguments: { Count: 1 } arguments }
                when IsErrorCodeEnum(model.GetTypeInfo(arguments[0].Expression).Type) is { } type:
                return (Primary(arguments[0].Expression), type);
            default:
                return null;
        }
    }

    /// <summary>The type of the <c>Code</c> property next to <c>ApiCode</c>, when it is the generated enum.</summary>
    private static ITypeSymbol? CodeProperty(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(GeneratedNames.Members.Code))
            {
                if (member is IPropertySymbol property)
                {
                    return IsErrorCodeEnum(property.Type);
                }
            }
        }

        return null;
    }

    private static ITypeSymbol? IsErrorCodeEnum(ITypeSymbol? type) => type is { TypeKind: TypeKind.Enum, Name: GeneratedNames.ErrorCode } ? type : null;

    private static string Primary(ExpressionSyntax expression)
    {
        var text = expression.WithoutTrivia().ToString();
        return expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
            ? text
            : "(" + text + ")";
    }
}
