using System.Collections.Immutable;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// DATO002: a catch of DatoCmsApiException (or the transient base, or a transient code's
/// exception) whose body swallows it. A catch counts as handling when it has a filter, throws
/// (rethrow or wrap), checks IsTransient / RetryKind / Code, or sits in a loop that retries.
/// Bare catches and catch (Exception) are out of scope: they are not about our errors.
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = DatoCmsSymbols.TryCreate(start.Compilation, start.Options);
            if (symbols?.ApiException is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.CatchClause);
        });
    }

    private static void Analyze(OperationAnalysisContext context, DatoCmsSymbols symbols)
    {
        var catchClause = (ICatchClauseOperation)context.Operation;
        var caught = catchClause.ExceptionType;
        var catchesOurError = SymbolEqualityComparer.Default.Equals(caught, symbols.ApiException) || symbols.IsTransientApiException(caught);
        if (!catchesOurError || catchClause.Filter is not null || catchClause.Syntax is not CatchClauseSyntax { Declaration: { } declaration } syntax)
        {
            return;
        }

        if (Handles(catchClause.Handler, symbols) || RetryLoops.Enclosing(catchClause) is not null)
        {
            return;
        }

        var location = Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, declaration.CloseParenToken.Span.End));
        context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.SwallowedTransientError, location, caught.Name));
    }

    /// <summary>Throws anything, or looks at IsTransient / RetryKind / Code of our types.</summary>
    private static bool Handles(IBlockOperation handler, DatoCmsSymbols symbols)
    {
        foreach (var operation in handler.Descendants())
        {
            switch (operation)
            {
                case IThrowOperation:
                    return true;
                case IPropertyReferenceOperation { Property.Name: GeneratedNames.Members.Code } code when symbols.IsApiErrorCarrier(code.Property.ContainingType):
                    return true;
                default:
                    if (TransientChecks.IsTransientCheck(operation, symbols))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }
}
