using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// Recognises code that asks whether an error is transient: <c>ex.IsTransient</c>,
/// <c>ex.RetryKind</c>, <c>code.IsTransient()</c>, <c>code.GetRetryKind()</c>, on the generated types.
/// </summary>
internal static class TransientChecks
{
    public static bool IsTransientCheck(IOperation operation, DatoCmsSymbols symbols) => operation switch
    {
        IPropertyReferenceOperation property => property.Property.Name is GeneratedNames.Members.IsTransient or GeneratedNames.Members.RetryKind && IsGenerated(property.Property.ContainingType, symbols),
        IInvocationOperation invocation => invocation.TargetMethod.Name is GeneratedNames.Members.IsTransient or GeneratedNames.Members.GetRetryKind && IsGenerated(invocation.TargetMethod.ContainingType, symbols),
        _ => false,
    };

    public static bool ContainsTransientCheck(IOperation? root, DatoCmsSymbols symbols)
    {
        if (root is null)
        {
            return false;
        }

        if (IsTransientCheck(root, symbols))
        {
            return true;
        }

        foreach (var descendant in root.Descendants())
        {
            if (IsTransientCheck(descendant, symbols))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether code that runs before <paramref name="operation"/> in the same method already
    /// checked transience: an earlier statement of an enclosing block, the condition of an
    /// enclosing if, or the filter of the enclosing catch.
    /// </summary>
    public static bool IsGuardedBefore(IOperation operation, DatoCmsSymbols symbols)
    {
        for (var node = operation; node.Parent is { } parent; node = parent)
        {
            switch (parent)
            {
                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (statement == node)
                        {
                            break;
                        }

                        if (ContainsTransientCheck(statement, symbols))
                        {
                            return true;
                        }
                    }

                    break;
                case IConditionalOperation conditional when conditional.Condition != node && ContainsTransientCheck(conditional.Condition, symbols):
                    return true;
                case ICatchClauseOperation { Filter: { } filter } when ContainsTransientCheck(filter, symbols):
                    return true;
                case IMethodBodyOperation or IConstructorBodyOperation or ILocalFunctionOperation or IAnonymousFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    private static bool IsGenerated(INamedTypeSymbol? type, DatoCmsSymbols symbols) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, symbols.ErrorCode.ContainingNamespace);
}
