using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// What reaches a catch clause: its type, narrowed by its filter and by the earlier clauses of the
/// same try. <c>catch (Exception ex) when (ex is DatoCmsApiException)</c> is the same as catching
/// DatoCmsApiException; a catch that cannot see our errors at all is not ours.
/// </summary>
internal readonly struct CatchScope
{
    private CatchScope(bool isOurs, ErrorState state, bool filterUnderstood, bool narrowedByFilter = false)
    {
        IsOurs = isOurs;
        State = state;
        FilterUnderstood = filterUnderstood;
        NarrowedByFilter = narrowedByFilter;
    }

    /// <summary>The catch can receive an API exception.</summary>
    public bool IsOurs { get; }

    public ErrorState State { get; }

    /// <summary>False when a filter narrows the errors in a way we cannot classify (status codes, attempt counters).</summary>
    public bool FilterUnderstood { get; }

    /// <summary>A broad catch whose filter's type test makes it a catch of the API exception (<c>catch (Exception ex) when (ex is DatoCmsApiException)</c>).</summary>
    public bool NarrowedByFilter { get; }

    public static CatchScope Of(ICatchClauseOperation catchClause, ErrorFacts facts, TransienceConditions conditions)
    {
        var caught = catchClause.ExceptionType;
        ErrorState state;
        var narrowedByFilter = false;
        if (facts.IsApiExceptionItself(caught))
        {
            state = ErrorState.Maybe;
        }
        else if (facts.IsTransientBase(caught))
        {
            state = ErrorState.Only;
        }
        else if (facts.IsSpecificTransientException(caught))
        {
            state = ErrorState.Deliberate;
        }
        else if (facts.IsPermanentException(caught))
        {
            state = ErrorState.Never;
        }
        else if (IsBroadException(caught) && catchClause.Filter is { } broadFilter && TestsForApiException(broadFilter, facts))
        {
            // catch (Exception ex) when (ex is DatoCmsApiException ...): the filter's type test is the catch type.
            state = ErrorState.Maybe;
            narrowedByFilter = true;
        }
        else
        {
            return new CatchScope(isOurs: false, ErrorState.Never, filterUnderstood: true);
        }

        var understood = true;
        if (catchClause.Filter is { } filter)
        {
            var narrowing = conditions.Evaluate(filter, state, inFilter: true);
            state = narrowing.WhenTrue;
            understood = narrowing.Recognized || narrowedByFilter;
            if (narrowedByFilter && !narrowing.Recognized)
            {
                understood = IsOnlyATypeTest(filter);
            }
        }

        if (state > ErrorState.Never && EarlierClauseTakesTransient(catchClause, facts, conditions))
        {
            state = ErrorState.Never;
        }

        return new CatchScope(isOurs: true, state, understood, narrowedByFilter);
    }

    private static bool EarlierClauseTakesTransient(ICatchClauseOperation catchClause, ErrorFacts facts, TransienceConditions conditions)
    {
        if (catchClause.Parent is not ITryOperation tryOperation)
        {
            return false;
        }

        foreach (var earlier in tryOperation.Catches)
        {
            if (earlier == catchClause)
            {
                return false;
            }

            if (facts.IsTransientBase(earlier.ExceptionType) && earlier.Filter is null)
            {
                return true;
            }

            if ((facts.IsApiExceptionItself(earlier.ExceptionType) || IsBroadException(earlier.ExceptionType)) && earlier.Filter is { } filter
                && conditions.Evaluate(filter, ErrorState.Maybe, inFilter: true) is { Recognized: true, WhenTrue: ErrorState.Only, WhenFalse: ErrorState.Never })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBroadException(ITypeSymbol? type) =>
        type is { Name: "Exception", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } or { SpecialType: SpecialType.System_Object };

    private static bool TestsForApiException(IOperation filter, ErrorFacts facts)
    {
        foreach (var operation in filter.DescendantsAndSelf())
        {
            var type = operation switch
            {
                IIsTypeOperation isType => isType.TypeOperand,
                ITypePatternOperation pattern => pattern.MatchedType,
                IDeclarationPatternOperation pattern => pattern.MatchedType,
                IRecursivePatternOperation pattern => pattern.MatchedType,
                _ => null,
            };

            if (facts.Symbols.IsApiException(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOnlyATypeTest(IOperation filter) =>
        OperationHelpers.Unwrap(filter) is IIsTypeOperation or IIsPatternOperation { Pattern: ITypePatternOperation or IDeclarationPatternOperation };
}
