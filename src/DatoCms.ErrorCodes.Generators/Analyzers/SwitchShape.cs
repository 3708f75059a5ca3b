using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// What a switch over DatoCmsErrorCode lists: the codes it names without a <c>when</c> guard (also
/// through <c>or</c> patterns), whether a guard asks about transience, and where its fallback starts
/// (the first statement of the default section, or the value of the discard arm). What the fallback
/// then does is the shared judgement's question, not this class's.
/// </summary>
internal sealed class SwitchShape
{
    private SwitchShape(CodeValueList explicitCodes, bool hasTransientGuard, IOperation? fallback, bool hasFallback)
    {
        ExplicitCodes = explicitCodes;
        HasTransientGuard = hasTransientGuard;
        Fallback = fallback;
        HasFallback = hasFallback;
    }

    public CodeValueList ExplicitCodes { get; }

    /// <summary>A case guard or arm guard checks IsTransient / RetryKind.</summary>
    public bool HasTransientGuard { get; }

    /// <summary>The first operation of the fallback; null for an empty default section or when there is none.</summary>
    public IOperation? Fallback { get; }

    /// <summary>A default section, a discard arm, or a pattern that matches every value.</summary>
    public bool HasFallback { get; }

    public static SwitchShape Of(ISwitchOperation statement, DatoCmsSymbols symbols)
    {
        var codes = new CodeValueList();
        IOperation? fallback = null;
        var hasFallback = false;
        foreach (var section in statement.Cases)
        {
            var isFallback = false;
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case IDefaultCaseClauseOperation:
                        isFallback = true;
                        break;
                    case ISingleValueCaseClauseOperation single:
                        AddConstant(single.Value, codes);
                        break;
                    case IPatternCaseClauseOperation pattern when pattern.Guard is not null:
                        if (TransientChecks.ContainsTransientCheck(pattern.Guard, symbols))
                        {
                            return new SwitchShape(codes, hasTransientGuard: true, null, hasFallback: false);
                        }

                        break;
                    case IPatternCaseClauseOperation pattern:
                        isFallback |= AddPattern(pattern.Pattern, codes);
                        break;
                }
            }

            if (isFallback && !hasFallback)
            {
                hasFallback = true;
                fallback = section.Body.IsEmpty ? null : section.Body[0];
            }
        }

        return new SwitchShape(codes, hasTransientGuard: false, fallback, hasFallback);
    }

    public static SwitchShape Of(ISwitchExpressionOperation expression, DatoCmsSymbols symbols)
    {
        var codes = new CodeValueList();
        foreach (var arm in expression.Arms)
        {
            if (arm.Guard is not null)
            {
                if (TransientChecks.ContainsTransientCheck(arm.Guard, symbols))
                {
                    return new SwitchShape(codes, hasTransientGuard: true, null, hasFallback: false);
                }

                continue;
            }

            if (AddPattern(arm.Pattern, codes))
            {
                return new SwitchShape(codes, hasTransientGuard: false, arm.Value, hasFallback: true);
            }
        }

        return new SwitchShape(codes, hasTransientGuard: false, null, hasFallback: false);
    }

    /// <summary>Adds the codes a pattern names; returns true when the pattern matches everything (a fallback).</summary>
    private static bool AddPattern(IPatternOperation pattern, CodeValueList codes)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                AddConstant(constant.Value, codes);
                return false;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                var left = AddPattern(or.LeftPattern, codes);
                var right = AddPattern(or.RightPattern, codes);
                return left || right;
            case IDiscardPatternOperation:
                return true;
            case IDeclarationPatternOperation { MatchesNull: true }:
                return true;
            default:
                return false;
        }
    }

    private static void AddConstant(IOperation value, CodeValueList codes)
    {
        value = OperationHelpers.Unwrap(value);
        if (value.ConstantValue is { HasValue: true, Value: { } constant } && constant is not string and not bool)
        {
            codes.Add(System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
