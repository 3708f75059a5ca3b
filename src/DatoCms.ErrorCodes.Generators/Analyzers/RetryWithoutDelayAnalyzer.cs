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
/// DATO004: a hand-written retry of a possibly transient error — the enclosing loop runs the try
/// again, a <c>goto</c> jumps back, or the function calls itself — where no path from the catch to
/// the next attempt waits (see <see cref="WaitCalls"/> for what counts as a wait). Uses the shared
/// judgement (<see cref="HandlingJudge"/>), so <c>while (!done)</c>, <c>do … while</c>, recursive
/// local functions and the "rethrow permanent errors, loop on the rest" catch are all recognised.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class RetryWithoutDelayAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.RetryWithoutDelay);

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

        if (syntax.Declaration is null || !CatchShortcuts.MayRunAgain(syntax))
        {
            return;
        }

        var scope = services.ScopeOf(catchClause);
        if (!scope.IsOurs || scope.State == ErrorState.Never)
        {
            return;
        }

        var retriesWithoutWait = CatchShortcuts.LoopsStraightBack(syntax)
            ? !services.Judge.LoopWaits(catchClause, context.ContainingSymbol)
            : services.Judge.JudgeCatch(catchClause, scope.State, context.ContainingSymbol, context.CancellationToken).RetriesOnlyWithoutWait;
        if (retriesWithoutWait)
        {
            // The header location (never null once there is a declaration) is built only for a report.
            context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.RetryWithoutDelay, HeaderLocations.OfCatch(syntax), catchClause.ExceptionType.Name));
        }
    }
}
