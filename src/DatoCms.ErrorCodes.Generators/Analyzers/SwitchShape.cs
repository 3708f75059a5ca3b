using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// What a switch over DatoCmsErrorCode covers: the codes it names without a <c>when</c> guard, and
/// whether anything in it already handles transient errors (a guard that checks IsTransient, or a
/// fallback that rethrows or checks IsTransient).
/// </summary>
internal sealed class SwitchShape
{
    private SwitchShape(HashSet<long> explicitCodes, bool isHandled)
    {
        ExplicitCodes = explicitCodes;
        IsHandled = isHandled;
    }

    public HashSet<long> ExplicitCodes { get; }

    public bool IsHandled { get; }

    public static SwitchShape Of(ISwitchOperation statement, DatoCmsSymbols symbols)
    {
        var codes = new HashSet<long>();
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
                            return new SwitchShape(codes, isHandled: true);
                        }

                        break;
                    case IPatternCaseClauseOperation pattern:
                        isFallback |= AddPattern(pattern.Pattern, codes);
                        break;
                }
            }

            if (isFallback && HandlesTransient(section.Body, symbols))
            {
                return new SwitchShape(codes, isHandled: true);
            }
        }

        return new SwitchShape(codes, isHandled: false);
    }

    public static SwitchShape Of(ISwitchExpressionOperation expression, DatoCmsSymbols symbols)
    {
        var codes = new HashSet<long>();
        foreach (var arm in expression.Arms)
        {
            if (arm.Guard is not null)
            {
                if (TransientChecks.ContainsTransientCheck(arm.Guard, symbols))
                {
                    return new SwitchShape(codes, isHandled: true);
                }

                continue;
            }

            if (AddPattern(arm.Pattern, codes) && HandlesTransient(new[] { arm.Value }, symbols))
            {
                return new SwitchShape(codes, isHandled: true);
            }
        }

        return new SwitchShape(codes, isHandled: false);
    }

    /// <summary>A fallback handles transient errors when it throws (rethrow or wrap) or checks transience.</summary>
    private static bool HandlesTransient(IEnumerable<IOperation> body, DatoCmsSymbols symbols)
    {
        foreach (var operation in body)
        {
            if (operation is IThrowOperation || TransientChecks.ContainsTransientCheck(operation, symbols))
            {
                return true;
            }

            foreach (var descendant in operation.Descendants())
            {
                if (descendant is IThrowOperation)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Adds the codes a pattern names; returns true when the pattern matches everything (a fallback).</summary>
    private static bool AddPattern(IPatternOperation pattern, HashSet<long> codes)
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

    private static void AddConstant(IOperation value, HashSet<long> codes)
    {
        if (value.ConstantValue is { HasValue: true, Value: { } constant })
        {
            codes.Add(System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
