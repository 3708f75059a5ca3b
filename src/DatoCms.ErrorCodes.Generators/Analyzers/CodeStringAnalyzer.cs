using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// DATO005 and DATO006 over the places where a raw code string (<c>ex.ApiCode</c>,
/// <c>code.ToApiString()</c>) meets a string literal: <c>==</c>/<c>!=</c>, <c>string.Equals</c>,
/// <c>is</c> patterns and string switches; DATO006 also checks literals passed to TryParse.
/// A known code gets DATO005 (use the enum); an unknown one DATO006 (never matches).
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class CodeStringAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the enum member a DATO005 comparison should use.</summary>
    public const string MemberProperty = "Member";

    /// <summary>Diagnostic property: the closest code a DATO006 literal may have meant.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(UsageDiagnosticDescriptors.RawCodeStringComparison, UsageDiagnosticDescriptors.UnknownCodeLiteral);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = DatoCmsSymbols.TryCreate(start.Compilation, start.Options);
            if (symbols is null || symbols.ApiCodes.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeBinary(c, symbols), OperationKind.Binary);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeIsPattern(c, symbols), OperationKind.IsPattern);
            start.RegisterOperationAction(c => AnalyzeSwitch(c, symbols), OperationKind.Switch, OperationKind.SwitchExpression);
        });
    }

    private static void AnalyzeBinary(OperationAnalysisContext context, DatoCmsSymbols symbols)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            CheckPair(context, symbols, binary.LeftOperand, binary.RightOperand, binary.Syntax);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DatoCmsSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == "Equals" && method.ContainingType.SpecialType == SpecialType.System_String)
        {
            if (method.IsStatic && invocation.Arguments.Length >= 2)
            {
                CheckPair(context, symbols, invocation.Arguments[0].Value, invocation.Arguments[1].Value, invocation.Syntax);
            }
            else if (!method.IsStatic && invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
            {
                CheckPair(context, symbols, instance, invocation.Arguments[0].Value, invocation.Syntax);
            }

            return;
        }

        if (method.Name == GeneratedNames.Members.TryParse && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ErrorCodes)
            && invocation.Arguments.Length > 0 && StringLiteral(invocation.Arguments[0].Value) is { } literal)
        {
            CheckUnknown(context, symbols, literal);
        }
    }

    private static void AnalyzeIsPattern(OperationAnalysisContext context, DatoCmsSymbols symbols)
    {
        var isPattern = (IIsPatternOperation)context.Operation;
        if (!IsRawCodeString(isPattern.Value, symbols))
        {
            return;
        }

        foreach (var literal in PatternLiterals(isPattern.Pattern))
        {
            if (!CheckUnknown(context, symbols, literal) && isPattern.Pattern is IConstantPatternOperation)
            {
                ReportKnown(context, symbols, isPattern.Value, literal, isPattern.Syntax);
            }
        }
    }

    private static void AnalyzeSwitch(OperationAnalysisContext context, DatoCmsSymbols symbols)
    {
        var (value, literals, header) = context.Operation switch
        {
            ISwitchOperation { Syntax: SwitchStatementSyntax syntax } statement => (
                statement.Value,
                statement.Cases.SelectMany(c => c.Clauses).SelectMany(CaseLiterals).ToList(),
                Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.SwitchKeyword.SpanStart, syntax.CloseParenToken.Span.End))),
            ISwitchExpressionOperation { Syntax: SwitchExpressionSyntax syntax } expression => (
                expression.Value,
                expression.Arms.SelectMany(a => PatternLiterals(a.Pattern)).ToList(),
                Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.GoverningExpression.SpanStart, syntax.SwitchKeyword.Span.End))),
            _ => (null, new List<ILiteralOperation>(), null),
        };

        if (value is null || header is null || !IsRawCodeString(value, symbols))
        {
            return;
        }

        ILiteralOperation? firstKnown = null;
        foreach (var literal in literals)
        {
            if (!CheckUnknown(context, symbols, literal))
            {
                firstKnown ??= literal;
            }
        }

        if (firstKnown is not null)
        {
            // One report for the whole switch: the fix is to switch on Code.
            var member = symbols.MemberFor((string)firstKnown.ConstantValue.Value!)!;
            context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.RawCodeStringComparison, header, CodeExpressionText(value), "the " + member.ContainingType.Name + " members", (string)firstKnown.ConstantValue.Value!));
        }
    }

    private static void CheckPair(OperationAnalysisContext context, DatoCmsSymbols symbols, IOperation left, IOperation right, SyntaxNode site)
    {
        var (raw, literal) = IsRawCodeString(left, symbols) ? (left, StringLiteral(right)) : IsRawCodeString(right, symbols) ? (right, StringLiteral(left)) : (null, null);
        if (raw is null || literal is null)
        {
            return;
        }

        if (!CheckUnknown(context, symbols, literal))
        {
            ReportKnown(context, symbols, raw, literal, site);
        }
    }

    private static void ReportKnown(OperationAnalysisContext context, DatoCmsSymbols symbols, IOperation raw, ILiteralOperation literal, SyntaxNode site)
    {
        var apiCode = (string)literal.ConstantValue.Value!;
        var member = symbols.MemberFor(apiCode)!;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, member.Name);
        context.ReportDiagnostic(Diagnostic.Create(
            UsageDiagnosticDescriptors.RawCodeStringComparison,
            site.GetLocation(),
            properties,
            CodeExpressionText(raw),
            member.ContainingType.Name + "." + member.Name,
            apiCode));
    }

    /// <summary>Reports DATO006 when the literal is not a code; returns whether it was unknown.</summary>
    private static bool CheckUnknown(OperationAnalysisContext context, DatoCmsSymbols symbols, ILiteralOperation literal)
    {
        var value = (string)literal.ConstantValue.Value!;
        if (symbols.MemberFor(value) is not null)
        {
            return false;
        }

        var accepted = AnalyzerOptionReader.Read(context.Options, literal.Syntax.SyntaxTree, AnalyzerOptionNames.AcceptedCodesKey, AnalyzerOptionNames.AcceptedCodesProperty);
        if (accepted is not null && accepted.Split(',').Any(a => a.Trim() == value))
        {
            return true;
        }

        var suggestion = Suggest(value, symbols);
        var properties = suggestion is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(
            UsageDiagnosticDescriptors.UnknownCodeLiteral,
            literal.Syntax.GetLocation(),
            properties,
            value,
            suggestion is null ? string.Empty : $"; did you mean \"{suggestion}\"?"));
        return true;
    }

    /// <summary>The closest code by edit distance, if it is close enough to be a typo (case is ignored).</summary>
    private static string? Suggest(string value, DatoCmsSymbols symbols)
    {
        var upper = value.ToUpperInvariant().Replace('-', '_').Replace(' ', '_');
        var limit = Math.Max(2, upper.Length / 4);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (code, _) in symbols.ApiCodes)
        {
            if (Math.Abs(code.Length - upper.Length) > limit)
            {
                continue;
            }

            var distance = EditDistance.Between(upper, code);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (code, distance);
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary><c>x.ApiCode</c> on a generated type, or <c>code.ToApiString()</c>.</summary>
    private static bool IsRawCodeString(IOperation operation, DatoCmsSymbols symbols)
    {
        operation = Unwrap(operation);
        return operation switch
        {
            IPropertyReferenceOperation { Property.Name: GeneratedNames.Members.ApiCode, Type.SpecialType: SpecialType.System_String } property =>
                SymbolEqualityComparer.Default.Equals(property.Property.ContainingType.ContainingNamespace, symbols.ErrorCode.ContainingNamespace),
            IInvocationOperation { TargetMethod.Name: GeneratedNames.Members.ToApiString } invocation =>
                SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.ErrorCodes),
            _ => false,
        };
    }

    /// <summary>How the fixed code reads the enum: <c>ex.Code</c> for <c>ex.ApiCode</c>, <c>code</c> for <c>code.ToApiString()</c>.</summary>
    private static string CodeExpressionText(IOperation raw)
    {
        raw = Unwrap(raw);
        return raw switch
        {
            IPropertyReferenceOperation { Instance: { } instance } => instance.Syntax + ".Code",
            IInvocationOperation { Arguments.Length: > 0 } invocation => invocation.Arguments[0].Value.Syntax.ToString(),
            _ => raw.Syntax.ToString(),
        };
    }

    private static IEnumerable<ILiteralOperation> CaseLiterals(ICaseClauseOperation clause) => clause switch
    {
        ISingleValueCaseClauseOperation single when StringLiteral(single.Value) is { } literal => new[] { literal },
        IPatternCaseClauseOperation pattern => PatternLiterals(pattern.Pattern),
        _ => Enumerable.Empty<ILiteralOperation>(),
    };

    private static IEnumerable<ILiteralOperation> PatternLiterals(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant when StringLiteral(constant.Value) is { } literal => new[] { literal },
        IBinaryPatternOperation binary => PatternLiterals(binary.LeftPattern).Concat(PatternLiterals(binary.RightPattern)),
        INegatedPatternOperation negated => PatternLiterals(negated.Pattern),
        _ => Enumerable.Empty<ILiteralOperation>(),
    };

    private static ILiteralOperation? StringLiteral(IOperation operation) =>
        Unwrap(operation) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string } } literal ? literal : null;

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
