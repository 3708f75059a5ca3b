using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Analyzers.Handling;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// DATO001: a switch over an error's <c>Code</c> (also <c>ex.Errors.FirstOrDefault()?.Code</c>) that
/// lists specific codes and lets the transient ones fall to a fallback — the default section, the
/// discard arm, or the code after a switch without default — from which some path drops the error
/// (see <see cref="HandlingJudge"/>). A guard that asks about transience, a check before the switch,
/// or a catch that only sees transient (or only permanent) errors makes the switch deliberate.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class TransientSwitchAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property with the missing member names, comma-separated, for the code fix.</summary>
    public const string MissingCodesProperty = "MissingCodes";

    private const int NamesInMessage = 5;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.TransientCodesNotHandledInSwitch);

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
            // Made at the first switch (see DatoCmsSymbols.Later), not here.
            var deferred = DatoCmsSymbols.Later(start.Compilation, start.Options, symbols => symbols.TransientCodes.IsEmpty ? null : new SwitchRuleState(symbols));
            start.RegisterOperationAction(
                c =>
                {
                    if (deferred.Value is { } state)
                    {
                        Analyze(c, state.Services, state.EveryCodeMissing);
                    }
                },
                OperationKind.Switch,
                OperationKind.SwitchExpression);
        });
    }

    private static void Analyze(OperationAnalysisContext context, HandlingServices services, Lazy<MissingCodesText> everyCodeMissing)
    {
        var symbols = services.Symbols;
        var operation = context.Operation;
        if (HeaderLocations.OfSwitch(operation.Syntax) is not { } location)
        {
            return;
        }

        var value = operation switch
        {
            ISwitchOperation statement => statement.Value,
            ISwitchExpressionOperation expression => expression.Value,
            _ => null,
        };

        value = OperationHelpers.UnwrapOrNull(value);
        if (value is null || !IsErrorCode(value.Type, symbols))
        {
            return;
        }

        var scope = AnalyzerOptionReader.Read(context.Options, operation.Syntax.SyntaxTree, AnalyzerOptionNames.SwitchScopeKey, AnalyzerOptionNames.SwitchScopeProperty);
        if (!string.Equals(scope, "all", StringComparison.OrdinalIgnoreCase) && !ComesFromAnApiError(value, services.Facts))
        {
            return;
        }

        var shape = operation is ISwitchOperation switchStatement ? SwitchShape.Of(switchStatement, symbols) : SwitchShape.Of((ISwitchExpressionOperation)operation, symbols);
        if (shape.ExplicitCodes.Count == 0 || shape.HasTransientGuard)
        {
            return;
        }

        var missing = MissingTransientCodes(symbols, shape.ExplicitCodes);
        if (missing.Count == 0 || TransientChecks.IsGuardedBefore(operation, symbols))
        {
            return;
        }

        if (OperationHelpers.EnclosingCatch(operation) is { } catchClause && services.ScopeOf(catchClause) is { IsOurs: true } catchScope && catchScope.State != ErrorState.Maybe)
        {
            // Inside a catch that only sees permanent errors, or only transient ones: the switch is a deliberate choice.
            return;
        }

        if (!FallbackDrops(operation, shape, services, context))
        {
            return;
        }

        var text = missing.Count == symbols.TransientCodes.Length ? everyCodeMissing.Value : new MissingCodesText(JoinNames(missing), Describe(missing));
        var properties = ImmutableDictionary<string, string?>.Empty.Add(MissingCodesProperty, text.Names);
        context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.TransientCodesNotHandledInSwitch, location, properties, text.Message));
    }

    /// <summary>Whether some path from where the unlisted codes go leaves without propagating or retrying.</summary>
    private static bool FallbackDrops(IOperation switchOperation, SwitchShape shape, HandlingServices services, OperationAnalysisContext context)
    {
        SyntaxNode? entry;
        if (switchOperation is ISwitchExpressionOperation)
        {
            if (!shape.HasFallback || shape.Fallback is null)
            {
                // No fallback arm: an unlisted code throws SwitchExpressionException.
                return false;
            }

            entry = shape.Fallback.Syntax;
        }
        else
        {
            entry = shape.HasFallback ? shape.Fallback?.Syntax : null;
            if (entry is null || entry is BreakStatementSyntax)
            {
                entry = StatementAfter((SwitchStatementSyntax)switchOperation.Syntax, out var fallsOffTheEnd);
                if (entry is null)
                {
                    return fallsOffTheEnd;
                }
            }
        }

        var catchLocal = OperationHelpers.EnclosingCatch(switchOperation)?.Locals.FirstOrDefault();
        switch (entry)
        {
            case ThrowStatementSyntax or ThrowExpressionSyntax:
                return false;
            case ReturnStatementSyntax { Expression: null }:
                return true;
            case ReturnStatementSyntax { Expression: { } returned } when switchOperation.SemanticModel?.GetOperation(returned, context.CancellationToken) is { } value:
                // What a return hands back needs no graph.
                return !services.Judge.HandsOnTheError(value, catchLocal);
            case ContinueStatementSyntax or GotoStatementSyntax or BreakStatementSyntax:
                return false;
        }

        if (switchOperation is ISwitchExpressionOperation && IsReturnedDirectly(switchOperation.Syntax) && shape.Fallback is { } armValue)
        {
            return !services.Judge.HandsOnTheError(armValue, catchLocal);
        }

        var verdict = services.Judge.JudgeFrom(switchOperation, entry, ErrorState.Maybe, context.ContainingSymbol, context.CancellationToken);
        return !verdict.IsUnsure && verdict.Drops;
    }

    /// <summary>The switch expression is what the function returns: <c>return x switch {...}</c> or <c>=> x switch {...}</c>.</summary>
    private static bool IsReturnedDirectly(SyntaxNode switchExpression)
    {
        var parent = switchExpression.Parent;
        while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is ReturnStatementSyntax || (parent is ArrowExpressionClauseSyntax && parent.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax);
    }

    /// <summary>
    /// The statement a switch without default falls out into; null with <paramref name="fallsOffTheEnd"/>
    /// when it is the last statement of a function body, null without it when we cannot tell (a loop body).
    /// </summary>
    private static SyntaxNode? StatementAfter(SwitchStatementSyntax statement, out bool fallsOffTheEnd)
    {
        fallsOffTheEnd = false;
        if (statement.Parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit)
        {
            var index = unit.Members.IndexOf(global);
            var next = unit.Members.Skip(index + 1).OfType<GlobalStatementSyntax>().FirstOrDefault();
            fallsOffTheEnd = next is null;
            return next?.Statement;
        }

        if (statement.Parent is not BlockSyntax block)
        {
            return null;
        }

        var position = block.Statements.IndexOf(statement);
        if (position + 1 < block.Statements.Count)
        {
            return block.Statements[position + 1];
        }

        fallsOffTheEnd = block.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax;
        return null;
    }

    /// <summary>The transient members the switch does not list, in declaration order (values read once per compilation).</summary>
    private static List<IFieldSymbol> MissingTransientCodes(DatoCmsSymbols symbols, CodeValueList listed)
    {
        var missing = new List<IFieldSymbol>();
        for (var i = 0; i < symbols.TransientCodes.Length; i++)
        {
            if (!listed.Contains(symbols.TransientValue(i)))
            {
                missing.Add(symbols.TransientCodes[i]);
            }
        }

        return missing;
    }

    private static string JoinNames(IReadOnlyList<IFieldSymbol> members) => string.Join(",", members.Select(m => m.Name));

    private static string Describe(IReadOnlyList<IFieldSymbol> missing)
    {
        var names = string.Join(", ", missing.Take(NamesInMessage).Select(m => m.Name));
        var codes = missing.Count == 1 ? "code " : "codes ";
        return missing.Count > NamesInMessage ? codes + names + " +" + (missing.Count - NamesInMessage) + " more" : codes + names;
    }

    private static bool IsErrorCode(ITypeSymbol? type, DatoCmsSymbols symbols)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return SymbolEqualityComparer.Default.Equals(type, symbols.ErrorCode);
    }

    private static bool FromErrorsOrConstants(IOperation first, IOperation second, ErrorFacts facts)
    {
        first = OperationHelpers.Unwrap(first);
        second = OperationHelpers.Unwrap(second);
        var firstFromError = first is not ILocalReferenceOperation && ComesFromAnApiError(first, facts);
        var secondFromError = second is not ILocalReferenceOperation && ComesFromAnApiError(second, facts);
        return (firstFromError && (secondFromError || second.ConstantValue.HasValue))
            || (secondFromError && first.ConstantValue.HasValue);
    }

    /// <summary>
    /// <c>ex.Code</c>, <c>error.Code</c>, <c>ex.Errors.FirstOrDefault()?.Code</c>, a choice between
    /// them (<c>?:</c>, <c>??</c>), or a local initialised from one of them.
    /// </summary>
    private static bool ComesFromAnApiError(IOperation value, ErrorFacts facts)
    {
        if (facts.IsCodeRead(value))
        {
            return true;
        }

        // first is null ? ex.Code : first.Code, or first?.Code ?? DatoCmsErrorCode.Unknown: every
        // branch is an error's code or a constant, and at least one is a code.
        switch (value)
        {
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return FromErrorsOrConstants(conditional.WhenTrue, whenFalse, facts);
            case ICoalesceOperation coalesce:
                return FromErrorsOrConstants(coalesce.Value, coalesce.WhenNull, facts);
        }

        if (value is ILocalReferenceOperation local && value.SemanticModel is { } model)
        {
            foreach (var reference in local.Local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer } && model.SyntaxTree == initializer.SyntaxTree)
                {
                    var initial = OperationHelpers.UnwrapOrNull(model.GetOperation(initializer));
                    if (initial is not null && initial is not ILocalReferenceOperation && ComesFromAnApiError(initial, facts))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>What the rule keeps for one compilation once it has the generated symbols.</summary>
    private sealed class SwitchRuleState
    {
        public SwitchRuleState(DatoCmsSymbols symbols)
        {
            Services = HandlingServices.ForCodes(symbols);

            // Most reported switches list no transient code at all: their message and fix property are the same text.
            EveryCodeMissing = new Lazy<MissingCodesText>(() => new MissingCodesText(JoinNames(symbols.TransientCodes), Describe(symbols.TransientCodes)));
        }

        public HandlingServices Services { get; }

        public Lazy<MissingCodesText> EveryCodeMissing { get; }
    }

    /// <summary>
    /// The codes a switch misses, as the fix reads them and as the message says them. A class, not a
    /// value tuple: a Lazy of a value tuple is compiled just in time in every compiler process.
    /// </summary>
    private sealed class MissingCodesText
    {
        public MissingCodesText(string names, string message)
        {
            Names = names;
            Message = message;
        }

        public string Names { get; }

        public string Message { get; }
    }
}
