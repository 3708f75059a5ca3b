using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>Everything the shared judgement needs for one compilation, created at compilation start.</summary>
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

    public static HandlingServices? TryCreate(Compilation compilation, AnalyzerOptions options) =>
        DatoCmsSymbols.TryCreate(compilation, options) is { ApiException: not null } symbols ? new HandlingServices(symbols) : null;

    public CatchScope ScopeOf(Microsoft.CodeAnalysis.Operations.ICatchClauseOperation catchClause) => CatchScope.Of(catchClause, Facts, Conditions);
}
