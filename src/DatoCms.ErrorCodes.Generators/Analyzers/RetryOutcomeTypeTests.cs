using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// Decides whether a type test (<c>is T</c>, or a type in a pattern) says yes to the exception of
/// a v8 retry or hedging predicate: <c>args.Outcome.Exception is T</c>, a switch expression arm on
/// <c>args.Outcome.Exception</c>, or <c>args.Outcome is { Exception: T }</c> / the same as an arm of a
/// switch on <c>args.Outcome</c>. Negated tests and arms that answer false are not a yes.
/// </summary>
internal static class RetryOutcomeTypeTests
{
    public static bool AcceptsRetriedException(IOperation typeTest, PollySymbols polly)
    {
        if (typeTest is IIsTypeOperation isType)
        {
            return !IsNegated(isType) && IsRetriedException(isType.ValueOperand, polly);
        }

        return typeTest is IPatternOperation pattern && AcceptsInput(pattern, polly, testsOutcome: false);
    }

    /// <summary>
    /// Climbs from a pattern through <c>and</c>/<c>or</c> to the value it tests: the outcome's
    /// exception, or (<paramref name="testsOutcome"/>) the outcome itself, for the pattern that
    /// holds a <c>{ Exception: T }</c> subpattern.
    /// </summary>
    private static bool AcceptsInput(IPatternOperation pattern, PollySymbols polly, bool testsOutcome)
    {
        IOperation top = pattern;
        while (top.Parent is IBinaryPatternOperation binary)
        {
            top = binary;
        }

        switch (top.Parent)
        {
            case IIsPatternOperation isPattern:
                return !IsNegated(isPattern) && IsInput(isPattern.Value, polly, testsOutcome);
            case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } arm:
                return !AnswersFalse(arm.Value) && IsInput(switchExpression.Value, polly, testsOutcome);
            case IPropertySubpatternOperation { Member: IPropertyReferenceOperation member, Parent: IRecursivePatternOperation outer }
                when !testsOutcome && member.Property.Name == "Exception" && polly.IsOutcome(member.Property.ContainingType):
                return AcceptsInput(outer, polly, testsOutcome: true);
            default:
                return false;
        }
    }

    private static bool IsInput(IOperation value, PollySymbols polly, bool testsOutcome) =>
        testsOutcome ? IsRetryOutcome(value, polly) : IsRetriedException(value, polly);

    /// <summary><c>args.Outcome.Exception</c> where args is a retry or hedging predicate's argument.</summary>
    private static bool IsRetriedException(IOperation value, PollySymbols polly) =>
        OperationHelpers.Unwrap(value) is IPropertyReferenceOperation { Property.Name: "Exception", Instance: { } outcome } exception
        && polly.IsOutcome(exception.Property.ContainingType)
        && IsRetryOutcome(outcome, polly);

    private static bool IsRetryOutcome(IOperation value, PollySymbols polly) =>
        OperationHelpers.Unwrap(value) is IPropertyReferenceOperation { Property.Name: "Outcome" } outcome
        && polly.IsRetryPredicateArguments(outcome.Property.ContainingType);

    private static bool IsNegated(IOperation test) => test.Parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not };

    /// <summary><c>false</c>, <c>PredicateResult.False()</c> or <c>ValueTask.FromResult(false)</c>.</summary>
    private static bool AnswersFalse(IOperation value)
    {
        value = OperationHelpers.Unwrap(value);
        if (value.ConstantValue is { HasValue: true, Value: false })
        {
            return true;
        }

        return value is IInvocationOperation invocation
            && (invocation.TargetMethod.Name == "False"
                || (invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: false }));
    }
}
