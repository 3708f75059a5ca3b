using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// Tells a retry loop from a loop that processes items: the catch sits in a <c>for</c>, <c>while</c>
/// or <c>do</c> loop of the same method, and its try block leaves the loop on success
/// (<c>return</c> or <c>break</c>). A <c>foreach</c> over items that records failures is not a retry.
/// </summary>
internal static class RetryLoops
{
    public static ILoopOperation? Enclosing(ICatchClauseOperation catchClause)
    {
        var tryOperation = catchClause.Parent as ITryOperation;
        for (var parent = catchClause.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IForEachLoopOperation:
                    return null;
                case ILoopOperation loop:
                    return tryOperation is not null && LeavesOnSuccess(tryOperation.Body, loop) ? loop : null;
                case IMethodBodyOperation or IConstructorBodyOperation or ILocalFunctionOperation or IAnonymousFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    private static bool LeavesOnSuccess(IBlockOperation tryBody, ILoopOperation loop)
    {
        foreach (var operation in tryBody.Descendants())
        {
            if (operation is IReturnOperation { Kind: OperationKind.Return }
                || (operation is IBranchOperation { BranchKind: BranchKind.Break } branch && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel)))
            {
                return true;
            }
        }

        return false;
    }
}
