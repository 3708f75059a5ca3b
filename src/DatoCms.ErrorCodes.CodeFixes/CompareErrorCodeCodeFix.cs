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
/// (also for <c>!=</c>, <c>string.Equals</c>, <c>x.Equals</c>, <c>is "..."</c>, <c>error?.ApiCode</c>,
/// <c>code.ToApiString()</c> and a code string upper- or lower-cased before the comparison). A pattern
/// of several codes (<c>is "A" or "B"</c>) and a switch over the string (statement or expression)
/// become the same test of the enum, constant for constant, when every constant is a code and the
/// rest is <c>or</c>, parentheses, discards and defaults; anything else (a <c>null</c> case,
/// a type pattern, two constants that name one member, a <c>goto case</c>) keeps the string. The code
/// string passed to <c>ex.FindError("ITEM_LOCKED", ...)</c> becomes the member, which calls the enum
/// overload (a named <c>apiCode:</c> becomes its parameter's name). Everything the fix reads
/// from the semantic model it reads from the user's own nodes, never from the replacement it builds.
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
        var node = site.Node;
        if (!site.Diagnostic.Properties.TryGetValue(CodeStringAnalyzer.MemberProperty, out var member) || member is null)
        {
            // Several constants: a pattern of codes, or a switch over the string.
            RegisterConstantsRewrite(site, node is SwitchStatementSyntax or SwitchExpressionSyntax or IsPatternExpressionSyntax ? node : null);
            return;
        }

        if (FindErrorArgument(node) is { } findErrorArgument)
        {
            RegisterFindErrorRewrite(site, findErrorArgument, member);
            return;
        }

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
    /// <c>ex.ApiCode is "A" or "B"</c>, <c>switch (ex.ApiCode)</c> or <c>ex.ApiCode switch</c>: the code
    /// expression in place of the string, and each constant replaced with its member.
    /// </summary>
    private static void RegisterConstantsRewrite(FixSite site, SyntaxNode? target)
    {
        var (governing, patterns) = target switch
        {
            IsPatternExpressionSyntax isPattern => (isPattern.Expression, new[] { isPattern.Pattern }),
            SwitchExpressionSyntax expression => (expression.GoverningExpression, expression.Arms.Select(a => a.Pattern).ToArray()),
            SwitchStatementSyntax statement => (statement.Expression, System.Array.Empty<PatternSyntax>()),
            _ => (null, System.Array.Empty<PatternSyntax>()),
        };

        if (target is null || governing is null || CodeExpression(governing, site.Model) is not { } code
            || DatoCmsSymbols.TryCreate(site.Model.Compilation, site.Document.Project.AnalyzerOptions) is not { } symbols)
        {
            return;
        }

        var ignoreCase = IsCaseChange(governing);
        var enumName = code.EnumType.ToMinimalDisplayString(site.Model, target.SpanStart);
        var constants = new System.Collections.Generic.Dictionary<ExpressionSyntax, string>();
        var members = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        bool Add(ExpressionSyntax constant)
        {
            // Two constants for one member would be a duplicate case (an error) or a redundant pattern.
            if (site.Model.GetConstantValue(constant, site.CancellationToken) is not { HasValue: true, Value: string value }
                || symbols.MemberFor(value, ignoreCase) is not { } field || !members.Add(field.Name))
            {
                return false;
            }

            constants[constant] = enumName + "." + field.Name;
            return true;
        }

        bool Walk(PatternSyntax pattern) => pattern switch
        {
            ConstantPatternSyntax constant => Add(constant.Expression),
            BinaryPatternSyntax binary when binary.OperatorToken.IsKind(SyntaxKind.OrKeyword) => Walk(binary.Left) && Walk(binary.Right),
            ParenthesizedPatternSyntax parenthesized => Walk(parenthesized.Pattern),
            DiscardPatternSyntax => target is SwitchExpressionSyntax,
            _ => false,
        };

        var shapes = patterns.All(Walk);
        if (target is SwitchStatementSyntax switchStatement)
        {
            // 'goto case "ITEM_LOCKED";' would name a string in a switch over the enum.
            if (switchStatement.DescendantNodes().Any(n => n.IsKind(SyntaxKind.GotoCaseStatement)))
            {
                return;
            }

            shapes = switchStatement.Sections.SelectMany(s => s.Labels).All(label => label switch
            {
                CaseSwitchLabelSyntax value => Add(value.Value),
                CasePatternSwitchLabelSyntax pattern => Walk(pattern.Pattern),
                DefaultSwitchLabelSyntax => true,
                _ => false,
            });
        }

        if (!shapes || constants.Count == 0)
        {
            return;
        }

        var title = target is IsPatternExpressionSyntax ? $"Compare with {enumName} members" : $"Switch on {code.Text}";
        site.Offer(title, EquivalenceKey, target, () => target
            .ReplaceNodes(
                constants.Keys.Append(governing),
                (original, _) => (original == governing
                    ? SyntaxFactory.ParseExpression(code.Text)
                    : SyntaxFactory.ParseExpression(constants[original])).WithTriviaFrom(original))
            .WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary><c>ex.FindError("ITEM_LOCKED")</c>, <c>ex?.FindError(apiCode: "ITEM_LOCKED", ...)</c>: the argument the diagnostic marks the code of.</summary>
    private static ArgumentSyntax? FindErrorArgument(SyntaxNode node)
    {
        var argument = node as ArgumentSyntax ?? node.Parent as ArgumentSyntax;
        return argument is { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: var called } } }
            && called is MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.FindError }
                or MemberBindingExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.FindError }
            ? argument
            : null;
    }

    /// <summary>
    /// The code string becomes the member, so the call binds to FindError(DatoCmsErrorCode, ...): it
    /// finds the same errors (each error's Code is its ApiCode parsed exactly) and keeps the details
    /// predicate as it is.
    /// </summary>
    private static void RegisterFindErrorRewrite(FixSite site, ArgumentSyntax argument, string member)
    {
        var invocation = (InvocationExpressionSyntax)argument.Parent!.Parent!;
        if (site.Model.GetSymbolInfo(invocation, site.CancellationToken).Symbol is not IMethodSymbol stringOverload)
        {
            return;
        }

        var enumOverload = stringOverload.ContainingType.GetMembers(stringOverload.Name).OfType<IMethodSymbol>()
            .FirstOrDefault(m => m.Parameters.Length == stringOverload.Parameters.Length && IsErrorCodeEnum(m.Parameters[0].Type) is not null);
        if (enumOverload is null)
        {
            return;
        }

        var enumName = enumOverload.Parameters[0].Type.ToMinimalDisplayString(site.Model, argument.SpanStart);
        site.Offer($"Use {enumName}.{member}", EquivalenceKey, argument, () =>
        {
            var replacement = argument.WithExpression(SyntaxFactory.ParseExpression(enumName + "." + member).WithTriviaFrom(argument.Expression));
            return argument.NameColon is { } name
                ? replacement.WithNameColon(name.WithName(SyntaxFactory.IdentifierName(enumOverload.Parameters[0].Name).WithTriviaFrom(name.Name)))
                : replacement;
        });
    }

    /// <summary>Whether the code string is upper- or lower-cased first (its comparison then ignores case).</summary>
    private static bool IsCaseChange(ExpressionSyntax expression) =>
        expression is ParenthesizedExpressionSyntax parenthesized ? IsCaseChange(parenthesized.Expression) : CaseChanged(expression) is not null;

    /// <summary>The string that <c>x.ToLowerInvariant()</c> (or ToUpperInvariant, ToLower, ToUpper, without arguments) changes the case of.</summary>
    private static ExpressionSyntax? CaseChanged(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToLowerInvariant" or "ToUpperInvariant" or "ToLower" or "ToUpper" } access }
            ? access.Expression
            : null;

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
            case InvocationExpressionSyntax invocation when CaseChanged(invocation) is { } changed && model.GetTypeInfo(changed).Type?.SpecialType == SpecialType.System_String:
                return CodeExpression(changed, model);
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
