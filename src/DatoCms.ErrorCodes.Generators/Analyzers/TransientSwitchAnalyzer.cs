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
/// DATO001: a switch over an error's <c>Code</c> that lists specific codes but lets the transient
/// ones fall to a default that neither rethrows nor checks IsTransient.
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = DatoCmsSymbols.TryCreate(start.Compilation, start.Options);
            if (symbols is null || symbols.TransientCodes.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Switch, OperationKind.SwitchExpression);
        });
    }

    private static void Analyze(OperationAnalysisContext context, DatoCmsSymbols symbols)
    {
        var (value, location) = context.Operation switch
        {
            ISwitchOperation { Syntax: SwitchStatementSyntax syntax } statement => (statement.Value, Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.SwitchKeyword.SpanStart, syntax.CloseParenToken.Span.End))),
            ISwitchExpressionOperation { Syntax: SwitchExpressionSyntax syntax } expression => (expression.Value, Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.GoverningExpression.SpanStart, syntax.SwitchKeyword.Span.End))),
            _ => (null, null),
        };

        value = Unwrap(value);
        if (value is null || location is null || !SymbolEqualityComparer.Default.Equals(value.Type, symbols.ErrorCode))
        {
            return;
        }

        var scope = AnalyzerOptionReader.Read(context.Options, context.Operation.Syntax.SyntaxTree, AnalyzerOptionNames.SwitchScopeKey, AnalyzerOptionNames.SwitchScopeProperty);
        if (!string.Equals(scope, "all", StringComparison.OrdinalIgnoreCase) && !ComesFromAnApiError(value, symbols))
        {
            return;
        }

        var shape = context.Operation is ISwitchOperation switchStatement ? SwitchShape.Of(switchStatement, symbols) : SwitchShape.Of((ISwitchExpressionOperation)context.Operation, symbols);
        if (shape.ExplicitCodes.Count == 0 || shape.IsHandled)
        {
            return;
        }

        var missing = symbols.TransientCodes.Where(f => !shape.ExplicitCodes.Contains(Convert.ToInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (missing.Count == 0 || TransientChecks.IsGuardedBefore(context.Operation, symbols))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(MissingCodesProperty, string.Join(",", missing.Select(m => m.Name)));
        context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.TransientCodesNotHandledInSwitch, location, properties, Describe(missing)));
    }

    private static string Describe(IReadOnlyList<IFieldSymbol> missing)
    {
        var names = string.Join(", ", missing.Take(NamesInMessage).Select(m => m.Name));
        var codes = missing.Count == 1 ? "code " : "codes ";
        return missing.Count > NamesInMessage ? codes + names + " +" + (missing.Count - NamesInMessage) + " more" : codes + names;
    }

    /// <summary><c>ex.Code</c>, <c>error.Code</c>, or a local initialised from one of them.</summary>
    private static bool ComesFromAnApiError(IOperation value, DatoCmsSymbols symbols)
    {
        if (value is IPropertyReferenceOperation { Property.Name: GeneratedNames.Members.Code } property)
        {
            return symbols.IsApiErrorCarrier(property.Property.ContainingType) || symbols.IsApiErrorCarrier(property.Instance?.Type);
        }

        if (value is ILocalReferenceOperation local && value.SemanticModel is { } model)
        {
            foreach (var reference in local.Local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer } && model.SyntaxTree == initializer.SyntaxTree)
                {
                    var initial = Unwrap(model.GetOperation(initializer));
                    if (initial is not null && initial is not ILocalReferenceOperation && ComesFromAnApiError(initial, symbols))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
