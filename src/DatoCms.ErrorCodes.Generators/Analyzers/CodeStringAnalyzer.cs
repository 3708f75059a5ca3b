using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// DATO005 and DATO006 over the places where a raw code string (<c>ex.ApiCode</c>,
/// <c>code.ToApiString()</c>) meets a constant string (a literal, a <c>const</c>, a <c>nameof</c>):
/// <c>==</c>/<c>!=</c>, <c>string.Equals</c> (also ignoring case), <c>is</c> patterns with <c>or</c>
/// and string switches; DATO006 also checks constants passed to TryParse, and both rules the code
/// passed to the string overload of the exception's FindError. A known code gets
/// DATO005 (use the enum); an unknown one DATO006 (never matches). A lower-case code compared
/// ignoring case is known. Each operation's syntax is tested first (an equality, a call named
/// Equals, TryParse or FindError, and the node must name ApiCode or ToApiString), so the semantic
/// work is done only where a raw code can be.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class CodeStringAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the enum member a DATO005 comparison should use.</summary>
    public const string MemberProperty = "Member";

    /// <summary>Diagnostic property: the closest code a DATO006 literal may have meant.</summary>
    public const string SuggestionProperty = "Suggestion";

    /// <summary>The operations a raw code string can meet a constant in.</summary>
    private static readonly ImmutableArray<OperationKind> AnalyzedKinds =
        ImmutableArray.Create(OperationKind.Binary, OperationKind.Invocation, OperationKind.IsPattern, OperationKind.Switch, OperationKind.SwitchExpression);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(UsageDiagnosticDescriptors.RawCodeStringComparison, UsageDiagnosticDescriptors.UnknownCodeLiteral);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is never analyzed (no Analyze flag). ReportDiagnostics only says that what we
        // report needs no generated-code check: it is always at the user code just analyzed, and the
        // check would make the driver scan each file with a diagnostic for [GeneratedCode] attributes.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var deferred = DatoCmsSymbols.Later(compilation, start.Options, symbols =>
                symbols.ApiCodes.IsEmpty ? null : new CodeStringState(symbols, compilation.GetTypeByMetadataName("System.StringComparison")));

            // Operation actions, not syntax-node actions that ask the semantic model for one node:
            // every body is bound once for the operation trees the other rules (and the SDK's own
            // analyzers) need anyway, and a node's operation is then read from that tree. Asking
            // from a syntax action binds the same body, only earlier and on this rule's clock.
            // They are registered per body, and only for a body whose syntax names ApiCode,
            // ToApiString, TryParse or FindError (every check below needs one of them): the other bodies,
            // nearly all of a program, cost a binary search (in positions found once per file by a text
            // search, see NamePositions) instead of a callback per call and operator.
            start.RegisterOperationBlockStartAction(block =>
            {
                if (deferred.Value is { } state && state.NamesRawCodeOrCodeParameter(block.OperationBlocks, block.CancellationToken))
                {
                    // One action for every kind, with the delegate and the kinds made once: this runs per body.
                    block.RegisterOperationAction(state.Analyze, AnalyzedKinds);
                }
            });
        });
    }

    private static void Analyze(OperationAnalysisContext context, CodeStringState state)
    {
        switch (context.Operation.Kind)
        {
            case OperationKind.Binary:
                AnalyzeBinary(context, state);
                break;
            case OperationKind.Invocation:
                AnalyzeInvocation(context, state);
                break;
            case OperationKind.IsPattern:
                AnalyzeIsPattern(context, state);
                break;
            default:
                AnalyzeSwitch(context, state);
                break;
        }
    }

    private static void AnalyzeBinary(OperationAnalysisContext context, CodeStringState state)
    {
        // The operator first: most binary operations in a body are arithmetic or logic, and need no syntax walk.
        if (context.Operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
            || binary.Syntax is not BinaryExpressionSyntax || !state.NamesRawCode(binary.Syntax))
        {
            return;
        }

        CheckPair(context, state, binary.LeftOperand, binary.RightOperand, binary.Syntax, ignoreCase: false);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, CodeStringState state)
    {
        if (context.Operation is not IInvocationOperation invocation || invocation.Syntax is not InvocationExpressionSyntax syntax)
        {
            return;
        }

        var name = syntax.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        var isEquals = name == "Equals" && state.NamesRawCode(syntax);
        if (!isEquals && name is not (GeneratedNames.Members.TryParse or GeneratedNames.Members.FindError))
        {
            return;
        }

        var symbols = state.Symbols;
        var method = invocation.TargetMethod;
        if (isEquals && method.ContainingType.SpecialType == SpecialType.System_String)
        {
            var ignoreCase = false;
            foreach (var argument in invocation.Arguments)
            {
                ignoreCase |= IsIgnoreCaseComparison(argument.Value, state.StringComparison);
            }

            if (method.IsStatic && invocation.Arguments.Length >= 2)
            {
                CheckPair(context, state, invocation.Arguments[0].Value, invocation.Arguments[1].Value, invocation.Syntax, ignoreCase);
            }
            else if (!method.IsStatic && invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
            {
                CheckPair(context, state, instance, invocation.Arguments[0].Value, invocation.Syntax, ignoreCase);
            }

            return;
        }

        if (isEquals && method.ContainingType.Name == "StringComparer" && invocation.Arguments.Length == 2)
        {
            var ignoreCase = invocation.Instance is IPropertyReferenceOperation comparer && comparer.Property.Name.EndsWith("IgnoreCase", StringComparison.Ordinal);
            CheckPair(context, state, invocation.Arguments[0].Value, invocation.Arguments[1].Value, invocation.Syntax, ignoreCase);
            return;
        }

        if (method.Name == GeneratedNames.Members.TryParse && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ErrorCodes)
            && invocation.Arguments.Length > 0 && ConstantString(invocation.Arguments[0].Value) is { } constant)
        {
            CheckUnknown(context, state, constant, ignoreCase: false);
            return;
        }

        // ex.FindError("INVALID_FILED"): the string overload compares each error's ApiCode ordinally, so
        // a misspelt code finds nothing. That overload exists for codes newer than the spec, so only
        // a string close to a known code (one with a suggestion) is reported: "FUTURE_CODE" is taken
        // for a new code, not a typo. A known code is a DATO005, as in ex.ApiCode == "ITEM_LOCKED":
        // the enum overload finds the same errors (each error's Code is what TryParse makes of its
        // ApiCode, exactly), with the compiler checking the code.
        if (method.Name == GeneratedNames.Members.FindError && symbols.ApiException is { } apiException
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, apiException)
            && method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
            && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } apiCode
            && ConstantString(apiCode.Value) is { } code
            && !CheckUnknown(context, state, code, ignoreCase: false, onlyWithSuggestion: true)
            && HasEnumOverload(method, symbols))
        {
            ReportKnownFindError(context, symbols, code);
        }
    }

    /// <summary>The exception declares FindError(DatoCmsErrorCode, ...) with the string overload's other parameters, for the fix to call.</summary>
    private static bool HasEnumOverload(IMethodSymbol stringOverload, DatoCmsSymbols symbols)
    {
        foreach (var member in stringOverload.ContainingType.GetMembers(stringOverload.Name))
        {
            if (member is IMethodSymbol candidate && candidate.Parameters.Length == stringOverload.Parameters.Length
                && SymbolEqualityComparer.Default.Equals(candidate.Parameters[0].Type, symbols.ErrorCode)
                && SymbolEqualityComparer.Default.Equals(candidate.ReturnType, stringOverload.ReturnType)
                && candidate.Parameters.Skip(1).Zip(stringOverload.Parameters.Skip(1), (a, b) => a.Name == b.Name && SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>DATO005 on the code string given to FindError, with the member the fix passes instead.</summary>
    private static void ReportKnownFindError(OperationAnalysisContext context, DatoCmsSymbols symbols, IOperation constant)
    {
        var written = (string)constant.ConstantValue.Value!;
        var member = symbols.MemberFor(written)!;

        // Exactly the member's own code: then FindError(member) finds the errors FindError(written) did.
        if (!string.Equals(symbols.CodeOf(member), written, StringComparison.Ordinal))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            UsageDiagnosticDescriptors.RawCodeStringComparison,
            constant.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, member.Name),
            "each error's Code",
            member.ContainingType.Name + "." + member.Name,
            RawCodes(new[] { written })));
    }

    private static void AnalyzeIsPattern(OperationAnalysisContext context, CodeStringState state)
    {
        var symbols = state.Symbols;
        if (context.Operation is not IIsPatternOperation { Syntax: IsPatternExpressionSyntax syntax } isPattern || !state.NamesRawCode(syntax.Expression)
            || !IsRawCodeString(isPattern.Value, symbols, out var ignoreCase))
        {
            return;
        }

        IOperation? firstKnown = null;
        foreach (var constant in PatternConstants(isPattern.Pattern))
        {
            if (!CheckUnknown(context, state, constant, ignoreCase))
            {
                firstKnown ??= constant;
            }
        }

        if (firstKnown is not null && IsConstantsOnly(isPattern.Pattern))
        {
            // One report for the whole test; a single constant also tells the fix which member to use.
            var single = isPattern.Pattern is IConstantPatternOperation;
            ReportKnown(context, symbols, isPattern.Value, firstKnown, isPattern.Syntax, ignoreCase, withMember: single);
        }
    }

    private static void AnalyzeSwitch(OperationAnalysisContext context, CodeStringState state)
    {
        var symbols = state.Symbols;
        var operation = context.Operation;
        var governing = operation.Syntax switch
        {
            SwitchStatementSyntax statement => statement.Expression,
            SwitchExpressionSyntax expression => expression.GoverningExpression,
            _ => null,
        };

        if (governing is null || !state.NamesRawCode(governing) || HeaderLocations.OfSwitch(operation.Syntax) is not { } header)
        {
            return;
        }

        var (value, constants) = operation switch
        {
            ISwitchOperation statement => (statement.Value, statement.Cases.SelectMany(c => c.Clauses).SelectMany(CaseConstants).ToList()),
            ISwitchExpressionOperation expression => (expression.Value, expression.Arms.SelectMany(a => PatternConstants(a.Pattern)).ToList()),
            _ => (null, new List<IOperation>()),
        };

        if (value is null || !IsRawCodeString(value, symbols, out var ignoreCase))
        {
            return;
        }

        List<string>? known = null;
        foreach (var constant in constants)
        {
            if (!CheckUnknown(context, state, constant, ignoreCase))
            {
                known ??= new List<string>();
                var written = (string)constant.ConstantValue.Value!;
                if (!known.Contains(written))
                {
                    known.Add(written);
                }
            }
        }

        if (known is not null)
        {
            // One report for the whole switch, naming its codes: the fix is to switch on Code.
            var member = symbols.MemberFor(known[0], ignoreCase)!;
            context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.RawCodeStringComparison, header, CodeExpressionText(value), "the " + member.ContainingType.Name + " members", RawCodes(known)));
        }
    }

    private static void CheckPair(OperationAnalysisContext context, CodeStringState state, IOperation left, IOperation right, SyntaxNode site, bool ignoreCase)
    {
        var symbols = state.Symbols;
        IOperation? raw = null;
        IOperation? constant = null;
        var lowered = false;
        if (IsRawCodeString(left, symbols, out var leftLowered))
        {
            (raw, constant, lowered) = (left, ConstantString(right), leftLowered);
        }
        else if (IsRawCodeString(right, symbols, out var rightLowered))
        {
            (raw, constant, lowered) = (right, ConstantString(left), rightLowered);
        }

        if (raw is null || constant is null)
        {
            return;
        }

        ignoreCase |= lowered;
        if (!CheckUnknown(context, state, constant, ignoreCase))
        {
            ReportKnown(context, symbols, raw, constant, site, ignoreCase, withMember: true);
        }
    }

    private static void ReportKnown(OperationAnalysisContext context, DatoCmsSymbols symbols, IOperation raw, IOperation constant, SyntaxNode site, bool ignoreCase, bool withMember)
    {
        var written = (string)constant.ConstantValue.Value!;
        var member = symbols.MemberFor(written, ignoreCase)!;
        var apiCode = symbols.CodeOf(member)!;
        var properties = withMember ? ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, member.Name) : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(
            UsageDiagnosticDescriptors.RawCodeStringComparison,
            site.GetLocation(),
            properties,
            CodeExpressionText(raw),
            member.ContainingType.Name + "." + member.Name,
            RawCodes(new[] { apiCode })));
    }

    /// <summary>The codes a report names: <c>string "A"</c>, <c>strings "A" and "B"</c>, <c>strings "A", "B", "C" and 2 more</c>.</summary>
    private static string RawCodes(IReadOnlyList<string> codes)
    {
        if (codes.Count == 1)
        {
            return "string \"" + codes[0] + "\"";
        }

        var shown = codes.Count > 3 ? 3 : codes.Count - 1;
        var text = new System.Text.StringBuilder("strings ");
        for (var i = 0; i < shown; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append('"').Append(codes[i]).Append('"');
        }

        return codes.Count > 3
            ? text.Append(" and ").Append(codes.Count - 3).Append(" more").ToString()
            : text.Append(" and \"").Append(codes[codes.Count - 1]).Append('"').ToString();
    }

    /// <summary>Reports DATO006 when the constant is not a code; returns whether it was unknown.</summary>
    private static bool CheckUnknown(OperationAnalysisContext context, CodeStringState state, IOperation constant, bool ignoreCase, bool onlyWithSuggestion = false)
    {
        var symbols = state.Symbols;
        var value = (string)constant.ConstantValue.Value!;
        if (symbols.MemberFor(value, ignoreCase) is not null)
        {
            return false;
        }

        var accepted = AnalyzerOptionReader.Read(context.Options, constant.Syntax.SyntaxTree, AnalyzerOptionNames.AcceptedCodesKey, AnalyzerOptionNames.AcceptedCodesProperty);
        if (accepted is not null && accepted.Split(',').Any(a => a.Trim() == value))
        {
            return true;
        }

        var suggestion = NamedMemberCode(constant, symbols) ?? state.Suggest(value);
        if (suggestion is null && onlyWithSuggestion)
        {
            return true;
        }

        var properties = suggestion is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(
            UsageDiagnosticDescriptors.UnknownCodeLiteral,
            constant.Syntax.GetLocation(),
            properties,
            value,
            suggestion is null ? string.Empty : $"; did you mean \"{suggestion}\"?"));
        return true;
    }

    /// <summary><c>nameof(DatoCmsErrorCode.ItemLocked)</c> means ITEM_LOCKED.</summary>
    private static string? NamedMemberCode(IOperation constant, DatoCmsSymbols symbols)
    {
        if (constant is INameOfOperation { Argument: IFieldReferenceOperation field } && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, symbols.ErrorCode))
        {
            foreach (var (code, member) in symbols.ApiCodes)
            {
                if (SymbolEqualityComparer.Default.Equals(member, field.Field))
                {
                    return code;
                }
            }
        }

        return null;
    }

    /// <summary>The closest code by edit distance, if it is close enough to be a typo (case is ignored).</summary>
    internal static string? Suggest(string value, DatoCmsSymbols symbols)
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

    /// <summary>
    /// <c>x.ApiCode</c> on a generated type, or <c>code.ToApiString()</c>; <paramref name="lowered"/>
    /// when it is first put in one case (<c>ToLowerInvariant()</c> and the like), which makes the
    /// comparison case-insensitive.
    /// </summary>
    private static bool IsRawCodeString(IOperation operation, DatoCmsSymbols symbols, out bool lowered)
    {
        operation = OperationHelpers.Unwrap(operation);
        lowered = false;
        if (operation is IConditionalAccessOperation conditional)
        {
            // ex.Errors.FirstOrDefault()?.ApiCode: null compares like a string that is no code.
            operation = OperationHelpers.Unwrap(conditional.WhenNotNull);
        }

        if (operation is IInvocationOperation { TargetMethod.Name: "ToLowerInvariant" or "ToUpperInvariant" or "ToLower" or "ToUpper", Instance: { } instance } caseChange
            && caseChange.TargetMethod.ContainingType.SpecialType == SpecialType.System_String)
        {
            lowered = true;
            operation = OperationHelpers.Unwrap(instance);
        }

        return operation switch
        {
            IPropertyReferenceOperation { Property.Name: GeneratedNames.Members.ApiCode, Type.SpecialType: SpecialType.System_String } property =>
                SymbolEqualityComparer.Default.Equals(property.Property.ContainingType.ContainingNamespace, symbols.ErrorCode.ContainingNamespace),
            IInvocationOperation { TargetMethod.Name: GeneratedNames.Members.ToApiString } invocation =>
                SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.ErrorCodes),
            _ => false,
        };
    }

    private static bool IsIgnoreCaseComparison(IOperation argument, INamedTypeSymbol? stringComparison) =>
        SymbolEqualityComparer.Default.Equals(argument.Type, stringComparison)
        && argument.ConstantValue is { HasValue: true, Value: int comparison }
        && comparison is 1 or 3 or 5;

    /// <summary>How the fixed code reads the enum: <c>ex.Code</c> for <c>ex.ApiCode</c>, <c>code</c> for <c>code.ToApiString()</c>.</summary>
    private static string CodeExpressionText(IOperation raw)
    {
        raw = OperationHelpers.Unwrap(raw);
        var nullConditional = false;
        if (raw is IConditionalAccessOperation conditional)
        {
            raw = OperationHelpers.Unwrap(conditional.WhenNotNull);
            nullConditional = true;
        }

        if (raw is IInvocationOperation { TargetMethod.Name: "ToLowerInvariant" or "ToUpperInvariant" or "ToLower" or "ToUpper", Instance: { } instance })
        {
            raw = OperationHelpers.Unwrap(instance);
        }

        return raw switch
        {
            IPropertyReferenceOperation { Instance: { } owner } => owner.Syntax + (nullConditional ? "?.Code" : ".Code"),
            IInvocationOperation { Arguments.Length: > 0 } invocation => invocation.Arguments[0].Value.Syntax.ToString(),
            _ => raw.Syntax.ToString(),
        };
    }

    private static bool IsConstantsOnly(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation => true,
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => IsConstantsOnly(or.LeftPattern) && IsConstantsOnly(or.RightPattern),
        _ => false,
    };

    private static IEnumerable<IOperation> CaseConstants(ICaseClauseOperation clause) => clause switch
    {
        ISingleValueCaseClauseOperation single when ConstantString(single.Value) is { } constant => new[] { constant },
        IPatternCaseClauseOperation pattern => PatternConstants(pattern.Pattern),
        _ => Enumerable.Empty<IOperation>(),
    };

    private static IEnumerable<IOperation> PatternConstants(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant when ConstantString(constant.Value) is { } value => new[] { value },
        IBinaryPatternOperation binary => PatternConstants(binary.LeftPattern).Concat(PatternConstants(binary.RightPattern)),
        INegatedPatternOperation negated => PatternConstants(negated.Pattern),
        _ => Enumerable.Empty<IOperation>(),
    };

    /// <summary>A string literal, a <c>const</c> local or field, or a <c>nameof</c>: what the compiler knows as a constant string.</summary>
    private static IOperation? ConstantString(IOperation operation)
    {
        operation = OperationHelpers.Unwrap(operation);
        return operation is ILiteralOperation or INameOfOperation or ILocalReferenceOperation or IFieldReferenceOperation
            && operation.ConstantValue is { HasValue: true, Value: string }
            ? operation
            : null;
    }

    /// <summary>
    /// What the rule keeps for one compilation: the generated symbols, where each tree names a raw
    /// code, TryParse or FindError, and the "did you mean" answers already worked out.
    /// </summary>
    private sealed class CodeStringState
    {
        private static readonly string[] RawCodeNames = { GeneratedNames.Members.ApiCode, GeneratedNames.Members.ToApiString };
        private static readonly string[] CodeParameterNames = { GeneratedNames.Members.TryParse, GeneratedNames.Members.FindError };

        private readonly ConcurrentDictionary<string, string?> _suggestions = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<SyntaxTree, NamePositions> _rawCodes = new();
        private readonly ConcurrentDictionary<SyntaxTree, NamePositions> _codeParameters = new();

        public CodeStringState(DatoCmsSymbols symbols, INamedTypeSymbol? stringComparison)
        {
            Symbols = symbols;
            StringComparison = stringComparison;
            Analyze = context => CodeStringAnalyzer.Analyze(context, this);
        }

        public DatoCmsSymbols Symbols { get; }

        /// <summary><c>System.StringComparison</c>, looked up once.</summary>
        public INamedTypeSymbol? StringComparison { get; }

        /// <summary>The operation action, made once per compilation rather than once per body.</summary>
        public Action<OperationAnalysisContext> Analyze { get; }

        /// <summary>The same misspelling is usually written many times; the edit distances are computed once per text.</summary>
        public string? Suggest(string value) => _suggestions.GetOrAdd(value, v => CodeStringAnalyzer.Suggest(v, Symbols));

        /// <summary>
        /// Whether the node's tokens name ApiCode or ToApiString: the cheap test before any semantic
        /// work. Each tree's text is searched once (see <see cref="NamePositions"/>); then it is a binary search.
        /// </summary>
        public bool NamesRawCode(SyntaxNode node) => RawCodes(node.SyntaxTree, CancellationToken.None).AnyWithin(node.Span);

        /// <summary>Whether a body names ApiCode, ToApiString, TryParse or FindError: every check of the rule needs one of them.</summary>
        public bool NamesRawCodeOrCodeParameter(ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
        {
            foreach (var block in blocks)
            {
                var tree = block.Syntax.SyntaxTree;
                if (RawCodes(tree, cancellationToken).AnyWithin(block.Syntax.Span) || Positions(_codeParameters, tree, CodeParameterNames, cancellationToken).AnyWithin(block.Syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private NamePositions RawCodes(SyntaxTree tree, CancellationToken cancellationToken) => Positions(_rawCodes, tree, RawCodeNames, cancellationToken);

        /// <summary>Looks up first, so that the common case (the tree was searched already) allocates no factory.</summary>
        private static NamePositions Positions(ConcurrentDictionary<SyntaxTree, NamePositions> cache, SyntaxTree tree, string[] names, CancellationToken cancellationToken) =>
            cache.TryGetValue(tree, out var positions) ? positions : cache.GetOrAdd(tree, NamePositions.Of(tree, names, cancellationToken));
    }
}
