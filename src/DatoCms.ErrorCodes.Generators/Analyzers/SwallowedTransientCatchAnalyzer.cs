using System.Collections.Immutable;
using DatoCms.ErrorCodes.Generators.Analyzers.Handling;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// DATO002: a catch that can receive a transient API error and has a path out that neither
/// propagates it nor retries (see <see cref="HandlingJudge"/>). Catches that cannot see a transient
/// error, catches of one specific transient exception (a deliberate choice), filters we cannot
/// classify, and catches whose code is examined by a switch (DATO001's) are left alone. Bare catches
/// and catch (Exception) without a filter on our types are out of scope.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class SwallowedTransientCatchAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.SwallowedTransientError);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is never analyzed (no Analyze flag). ReportDiagnostics only says that what we
        // report needs no generated-code check: it is always at the user code just analyzed, and the
        // check would make the driver scan each file with a diagnostic for [GeneratedCode] attributes.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start => HandlingServices.RegisterCatchClauseAction(start, Analyze));
    }

    private static void Analyze(OperationAnalysisContext context, HandlingServices services)
    {
        if (context.Operation is not ICatchClauseOperation catchClause || catchClause.Syntax is not CatchClauseSyntax syntax)
        {
            return;
        }

        if (syntax.Declaration is null || CatchShortcuts.AlwaysThrows(syntax))
        {
            return;
        }

        var scope = services.ScopeOf(catchClause);
        if (!scope.IsOurs || !scope.FilterUnderstood || !ErrorStates.DropLosesTransient(scope.State) || SwitchesOnTheCode(catchClause.Handler, services.Facts))
        {
            return;
        }

        if (!CatchShortcuts.FallsOffTheEnd(syntax))
        {
            var verdict = services.Judge.JudgeCatch(catchClause, scope.State, context.ContainingSymbol, context.CancellationToken);
            if (verdict.IsUnsure || !verdict.Drops)
            {
                return;
            }
        }

        // The header location (never null once there is a declaration) is built only for a report. A
        // catch that lets only transient errors in has checked IsTransient already: the message says so.
        var how = scope.State == ErrorState.Only ? UsageDiagnosticDescriptors.SwallowedOnlyTransient : UsageDiagnosticDescriptors.SwallowedAnyError;
        // catch (Exception ex) when (ex is DatoCmsApiException) is named for what its filter lets in.
        var caught = scope.NarrowedByFilter && services.Symbols.ApiException is { } apiException ? apiException.Name : catchClause.ExceptionType.Name;
        context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.SwallowedTransientError, HeaderLocations.OfCatch(syntax), caught, how));
    }

    /// <summary>A switch over the error's code in the handler is judged by DATO001, which says which codes are missing.</summary>
    private static bool SwitchesOnTheCode(IBlockOperation handler, ErrorFacts facts)
    {
        foreach (var operation in handler.Descendants())
        {
            var value = operation switch
            {
                ISwitchOperation statement => statement.Value,
                ISwitchExpressionOperation expression => expression.Value,
                _ => null,
            };

            if (value is not null && (facts.IsCodeRead(value) || IsErrorCode(value.Type, facts)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsErrorCode(ITypeSymbol? type, ErrorFacts facts)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return SymbolEqualityComparer.Default.Equals(type, facts.Symbols.ErrorCode);
    }
}
