using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// How a condition on the error narrows what the code after it holds: <c>ex.IsTransient</c>,
/// <c>ex is DatoCmsTransientApiException</c>, <c>ex.Code == X</c> (also as patterns and switch
/// cases), <c>ex.RetryKind == None</c>, a transient status. A condition about anything else leaves
/// the state as it is and is reported as not recognised.
/// </summary>
internal readonly struct Narrowing
{
    public Narrowing(ErrorState whenTrue, ErrorState whenFalse, bool recognized)
    {
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
        Recognized = recognized;
    }

    public ErrorState WhenTrue { get; }

    public ErrorState WhenFalse { get; }

    public bool Recognized { get; }

    public static Narrowing None(ErrorState state) => new(state, state, recognized: false);

    public Narrowing Negate() => new(WhenFalse, WhenTrue, Recognized);
}

internal sealed class TransienceConditions
{
    private readonly ErrorFacts _facts;

    public TransienceConditions(ErrorFacts facts)
    {
        _facts = facts;
    }

    /// <param name="condition">The condition, as written or as the flow graph lowered it.</param>
    /// <param name="state">What is known before it.</param>
    /// <param name="inFilter">
    /// A catch filter: a test that takes all transient errors means the catch sees Only them; in the
    /// body, the same test is a branch the author chose deliberately.
    /// </param>
    /// <param name="resolve">Looks through the flow graph's captures to the value captured.</param>
    public Narrowing Evaluate(IOperation condition, ErrorState state, bool inFilter, Func<IOperation, IOperation>? resolve = null)
    {
        resolve ??= o => o;
        var operation = OperationHelpers.Unwrap(resolve(condition));
        switch (operation)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Evaluate(not.Operand, state, inFilter, resolve).Negate();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
            {
                var left = Evaluate(and.LeftOperand, state, inFilter, resolve);
                var right = Evaluate(and.RightOperand, left.WhenTrue, inFilter, resolve);
                return new Narrowing(right.WhenTrue, ErrorStates.Join(left.WhenFalse, right.WhenFalse), left.Recognized || right.Recognized);
            }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
            {
                var left = Evaluate(or.LeftOperand, state, inFilter, resolve);
                var right = Evaluate(or.RightOperand, left.WhenFalse, inFilter, resolve);
                return new Narrowing(ErrorStates.Join(left.WhenTrue, right.WhenTrue), right.WhenFalse, left.Recognized && right.Recognized);
            }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
            {
                var result = Compare(resolve(binary.LeftOperand), resolve(binary.RightOperand), state, inFilter);
                return binary.OperatorKind == BinaryOperatorKind.NotEquals ? result.Negate() : result;
            }

            case IIsTypeOperation isType when _facts.IsErrorValue(resolve(isType.ValueOperand)) || IsExceptionValue(isType.ValueOperand):
                return isType.IsNegated ? TypeTest(isType.TypeOperand, state, inFilter).Negate() : TypeTest(isType.TypeOperand, state, inFilter);
            case IIsPatternOperation isPattern:
                return Pattern(resolve(isPattern.Value), isPattern.Pattern, state, inFilter);
            default:
                if (_facts.IsTransientQuestion(operation))
                {
                    return TransientTest(state, inFilter);
                }

                return Narrowing.None(state);
        }
    }

    private Narrowing Compare(IOperation left, IOperation right, ErrorState state, bool inFilter)
    {
        if (right.ConstantValue.HasValue is false && left.ConstantValue.HasValue)
        {
            (left, right) = (right, left);
        }

        if (!right.ConstantValue.HasValue)
        {
            return Narrowing.None(state);
        }

        var constant = right.ConstantValue.Value;
        if (_facts.IsCodeRead(left))
        {
            return CodeTest(new[] { constant }, state, inFilter);
        }

        if (_facts.IsTransientQuestion(left) && constant is bool yes)
        {
            return yes ? TransientTest(state, inFilter) : TransientTest(state, inFilter).Negate();
        }

        if (_facts.IsRetryKindRead(left) && constant is not null)
        {
            // RetryKind None is every permanent code; any other kind is a decision about retrying.
            var isNone = Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) == 0;
            return isNone ? TransientTest(state, inFilter).Negate() : Deliberately(state);
        }

        if (_facts.IsStatusRead(left) && constant is not null && IsTransientStatus(Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture)))
        {
            return new Narrowing(Chosen(state), state, recognized: true);
        }

        return Narrowing.None(state);
    }

    private Narrowing Pattern(IOperation value, IPatternOperation pattern, ErrorState state, bool inFilter)
    {
        if (pattern is INegatedPatternOperation negated)
        {
            return Pattern(value, negated.Pattern, state, inFilter).Negate();
        }

        if (_facts.IsCodeRead(value))
        {
            var codes = new List<object?>();
            return CodesOf(pattern, codes) ? CodeTest(codes, state, inFilter) : Narrowing.None(state);
        }

        if (_facts.IsTransientQuestion(value) && pattern is IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool yes } })
        {
            return yes ? TransientTest(state, inFilter) : TransientTest(state, inFilter).Negate();
        }

        if (_facts.IsRetryKindRead(value))
        {
            return RetryKindTest(pattern, state, inFilter);
        }

        if (!_facts.IsErrorValue(value) && !IsExceptionValue(value))
        {
            return Narrowing.None(state);
        }

        switch (pattern)
        {
            case ITypePatternOperation type:
                return TypeTest(type.MatchedType, state, inFilter);
            case IDeclarationPatternOperation declaration when declaration.MatchedType is not null:
                return TypeTest(declaration.MatchedType, state, inFilter);
            case IRecursivePatternOperation recursive:
            {
                var narrowing = recursive.MatchedType is null ? Narrowing.None(state) : TypeTest(recursive.MatchedType, state, inFilter);
                var current = narrowing.WhenTrue;
                var recognized = narrowing.Recognized;
                foreach (var sub in recursive.PropertySubpatterns)
                {
                    if (sub.Member is IPropertyReferenceOperation member)
                    {
                        var inner = Pattern(member, sub.Pattern, current, inFilter);
                        current = inner.WhenTrue;
                        recognized |= inner.Recognized;
                    }
                }

                // A property pattern is a chain of tests joined by &&: it fails where its type test fails
                // (never, for the value's own type or a base of it; a value that is no API exception is
                // no transient error) or, the tests before passing, where one of its subpatterns does.
                var whenFalse = state;
                if (recursive.DeconstructionSubpatterns.IsEmpty && recursive.PropertySubpatterns.All(p => p.Member is IPropertyReferenceOperation))
                {
                    whenFalse = recursive.MatchedType is null || AlwaysOfType(value, recursive.MatchedType) || _facts.IsApiExceptionItself(recursive.MatchedType)
                        ? ErrorState.Never
                        : narrowing.WhenFalse;
                    var passed = narrowing.WhenTrue;
                    foreach (var sub in recursive.PropertySubpatterns)
                    {
                        var inner = Pattern(sub.Member, sub.Pattern, passed, inFilter);
                        whenFalse = ErrorStates.Join(whenFalse, inner.WhenFalse);
                        passed = inner.WhenTrue;
                    }
                }

                return new Narrowing(current, whenFalse, recognized);
            }

            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
            {
                var left = Pattern(value, or.LeftPattern, state, inFilter);
                var right = Pattern(value, or.RightPattern, left.WhenFalse, inFilter);
                return new Narrowing(ErrorStates.Join(left.WhenTrue, right.WhenTrue), right.WhenFalse, left.Recognized && right.Recognized);
            }

            default:
                return Narrowing.None(state);
        }
    }

    /// <summary>
    /// <c>ex.RetryKind is DatoCmsRetryKind.None</c> (also <c>or</c> of kinds, and inside a property pattern
    /// <c>{ RetryKind: ... }</c>), as <see cref="Compare"/> reads <c>==</c>: None is every permanent code,
    /// any other kind a decision about retrying; a pattern mixing both decides nothing.
    /// </summary>
    private static Narrowing RetryKindTest(IPatternOperation pattern, ErrorState state, bool inFilter)
    {
        var kinds = new List<object?>();
        if (!CodesOf(pattern, kinds) || kinds.Count == 0 || kinds.Contains(null))
        {
            return Narrowing.None(state);
        }

        var nones = 0;
        foreach (var kind in kinds)
        {
            if (Convert.ToInt64(kind, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                nones++;
            }
        }

        if (nones == kinds.Count)
        {
            return TransientTest(state, inFilter).Negate();
        }

        return nones == 0 ? Deliberately(state) : Narrowing.None(state);
    }

    /// <summary>The value's static type is <paramref name="type"/> or derives from it: only null fails the type test.</summary>
    private static bool AlwaysOfType(IOperation value, ITypeSymbol type)
    {
        for (var current = value.Type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Collects the constants of a pattern made of constants and <c>or</c>; false for anything else.</summary>
    private static bool CodesOf(IPatternOperation pattern, List<object?> codes)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant when constant.Value.ConstantValue.HasValue:
                codes.Add(constant.Value.ConstantValue.Value);
                return true;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                return CodesOf(or.LeftPattern, codes) && CodesOf(or.RightPattern, codes);
            default:
                return false;
        }
    }

    private Narrowing CodeTest(IEnumerable<object?> constants, ErrorState state, bool inFilter)
    {
        var anyTransient = false;
        foreach (var constant in constants)
        {
            if (constant is null)
            {
                continue;
            }

            if (_facts.IsTransientCode(constant) == true)
            {
                anyTransient = true;
            }
        }

        if (state == ErrorState.Only)
        {
            // A code test inside a catch that only sees transient errors: every branch is a choice.
            return new Narrowing(ErrorState.Deliberate, ErrorState.Deliberate, recognized: true);
        }

        return anyTransient
            ? new Narrowing(Chosen(state), state, recognized: true)
            : new Narrowing(Lower(state, ErrorState.Never), state, recognized: true);
    }

    private Narrowing TypeTest(ITypeSymbol type, ErrorState state, bool inFilter)
    {
        if (_facts.IsTransientBase(type))
        {
            return new Narrowing(inFilter ? Lower(state, ErrorState.Only) : Chosen(state), Lower(state, ErrorState.Never), recognized: true);
        }

        if (_facts.IsSpecificTransientException(type))
        {
            return new Narrowing(Chosen(state), state == ErrorState.Only ? ErrorState.Deliberate : state, recognized: true);
        }

        if (_facts.IsPermanentException(type))
        {
            return new Narrowing(Lower(state, ErrorState.Never), state, recognized: true);
        }

        if (_facts.IsApiExceptionItself(type))
        {
            // The same as catching it: any API error.
            return new Narrowing(state, state, recognized: true);
        }

        return Narrowing.None(state);
    }

    private static Narrowing TransientTest(ErrorState state, bool inFilter) =>
        new(inFilter ? Lower(state, ErrorState.Only) : Chosen(state), Lower(state, ErrorState.Never), recognized: true);

    private static Narrowing Deliberately(ErrorState state) => new(Chosen(state), state, recognized: true);

    private static ErrorState Chosen(ErrorState state) => Lower(state, ErrorState.Deliberate);

    private static ErrorState Lower(ErrorState state, ErrorState bound) => state < bound ? state : bound;

    private static bool IsExceptionValue(IOperation operation)
    {
        operation = OperationHelpers.Unwrap(operation);
        if (operation is not (ILocalReferenceOperation or IParameterReferenceOperation))
        {
            return false;
        }

        for (var type = operation.Type; type is not null; type = type.BaseType)
        {
            if (type.Name == "Exception" && NamespaceNames.Is(type.ContainingNamespace, "System"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The HTTP statuses a retry may cure (a pattern, not a HashSet&lt;long&gt;: see CodeValueList).</summary>
    private static bool IsTransientStatus(long status) => status is 429 or 502 or 503 or 504;
}
