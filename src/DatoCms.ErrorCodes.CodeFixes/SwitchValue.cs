using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>Reads the parts of a switch's governing expression that the fixes reuse.</summary>
internal static class SwitchValue
{
    /// <summary>For <c>ex.Code</c>, the <c>ex</c>; otherwise null.</summary>
    public static ExpressionSyntax? CodeReceiver(ExpressionSyntax value) =>
        value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: GeneratedNames.Members.Code } access ? access.Expression : null;

    /// <summary>
    /// The expressions the code is read through, outermost first: for
    /// <c>ex.Errors.FirstOrDefault()?.Code</c>, <c>ex.Errors.FirstOrDefault()</c>, <c>ex.Errors</c> and
    /// <c>ex</c>, so a fix outside a catch can find the exception to rethrow.
    /// </summary>
    public static IEnumerable<ExpressionSyntax> Receivers(ExpressionSyntax value)
    {
        for (var current = Receiver(value); current is not null; current = Receiver(current))
        {
            yield return current;
        }
    }

    private static ExpressionSyntax? Receiver(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Expression,
        ConditionalAccessExpressionSyntax conditional => conditional.Expression,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
        ElementAccessExpressionSyntax element => element.Expression,
        ParenthesizedExpressionSyntax parenthesized => parenthesized.Expression,
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed => suppressed.Operand,
        _ => null,
    };

    /// <summary>
    /// How to name an enum member in this file: the type as the switch's own case labels write it
    /// (so the user's style and usings are kept), else the shortest name that binds here. A
    /// nullable code (<c>error?.Code</c>) names the enum itself.
    /// </summary>
    public static string EnumTypeName(SyntaxNode switchNode, ExpressionSyntax value, SemanticModel model)
    {
        var enumType = Unwrapped(model.GetTypeInfo(value).Type);
        foreach (var node in switchNode.DescendantNodes())
        {
            if (node is MemberAccessExpressionSyntax access && model.GetSymbolInfo(access).Symbol is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } field
                && SymbolEqualityComparer.Default.Equals(field.ContainingType, enumType))
            {
                return access.Expression.ToString();
            }
        }

        return enumType?.ToMinimalDisplayString(model, value.SpanStart) ?? GeneratedNames.ErrorCode;
    }

    private static ITypeSymbol? Unwrapped(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: { Length: 1 } arguments } ? arguments[0] : type;
}
