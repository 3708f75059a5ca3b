using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>Operation-tree chores every analyzer repeats: unwrapping conversions and finding function boundaries.</summary>
internal static class OperationHelpers
{
    /// <summary>Strips the implicit conversions the compiler inserts (to object, to nullable, to an interface).</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <inheritdoc cref="Unwrap(IOperation)"/>
    public static IOperation? UnwrapOrNull(IOperation? operation) => operation is null ? null : Unwrap(operation);

    /// <summary>Whether <paramref name="operation"/> starts a body of its own: a member body, a local function or a lambda.</summary>
    public static bool IsFunctionBoundary(IOperation operation) =>
        operation is IMethodBodyOperation or IConstructorBodyOperation or ILocalFunctionOperation or IAnonymousFunctionOperation;

    /// <summary>The lambda, local function or member body <paramref name="operation"/> is written in (the root when there is none).</summary>
    public static IOperation EnclosingFunction(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent is ILocalFunctionOperation or IAnonymousFunctionOperation)
            {
                return parent;
            }

            current = parent;
        }

        return current;
    }

    /// <summary>The catch clause whose handler holds <paramref name="operation"/>, in the same function; null when there is none.</summary>
    public static ICatchClauseOperation? EnclosingCatch(IOperation operation)
    {
        for (var node = operation; node.Parent is { } parent; node = parent)
        {
            if (parent is ICatchClauseOperation catchClause && catchClause.Handler == node)
            {
                return catchClause;
            }

            if (IsFunctionBoundary(parent))
            {
                return null;
            }
        }

        return null;
    }
}
