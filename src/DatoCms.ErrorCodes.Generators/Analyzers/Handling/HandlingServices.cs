using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>Everything the shared judgement needs for one compilation, created at the first callback that needs it.</summary>
internal sealed class HandlingServices
{
    private HandlingServices(DatoCmsSymbols symbols)
    {
        Symbols = symbols;
        Facts = new ErrorFacts(symbols);
        Conditions = new TransienceConditions(Facts);
        Judge = new HandlingJudge(Facts, Conditions, new WaitCalls());
    }

    public DatoCmsSymbols Symbols { get; }

    public ErrorFacts Facts { get; }

    public TransienceConditions Conditions { get; }

    public HandlingJudge Judge { get; }

    /// <summary>For the rules about caught exceptions: null where the exception types were not generated.</summary>
    public static HandlingServices? TryCreate(Compilation compilation, AnalyzerOptions options) =>
        DatoCmsSymbols.TryCreate(compilation, options) is { ApiException: not null } symbols ? new HandlingServices(symbols) : null;

    /// <summary><see cref="TryCreate"/> at the first callback that needs it (see <see cref="DatoCmsSymbols.Later"/>).</summary>
    public static System.Lazy<HandlingServices?> Later(Compilation compilation, AnalyzerOptions options) =>
        DatoCmsSymbols.Later(compilation, options, symbols => symbols.ApiException is null ? null : new HandlingServices(symbols));

    /// <summary>
    /// Runs <paramref name="analyze"/> on every catch clause of the compilation, with the services made
    /// at the first one (see <see cref="Later"/>) and nothing done where the generated types are missing.
    /// The catch's operation comes from the tree the driver builds once per body and shares with every
    /// operation analyzer; the rules' syntax checks still run before any judgement.
    /// </summary>
    public static void RegisterCatchClauseAction(CompilationStartAnalysisContext start, System.Action<OperationAnalysisContext, HandlingServices> analyze)
    {
        var deferred = Later(start.Compilation, start.Options);
        start.RegisterOperationAction(
            c =>
            {
                if (deferred.Value is { } services)
                {
                    analyze(c, services);
                }
            },
            OperationKind.CatchClause);
    }

    /// <summary>
    /// For the rules about codes, which exist without the exception types: a netstandard2.0 consumer
    /// without System.Text.Json gets only the enum (DATO120) and its switches still need judging.
    /// Every exception fact is null-safe, so such a compilation simply has no exception to recognise.
    /// </summary>
    public static HandlingServices ForCodes(DatoCmsSymbols symbols) => new(symbols);

    public CatchScope ScopeOf(Microsoft.CodeAnalysis.Operations.ICatchClauseOperation catchClause) => CatchScope.Of(catchClause, Facts, Conditions);
}
