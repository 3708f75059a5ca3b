using System;
using System.Collections.Immutable;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// DATO004: a hand-written retry — a catch of a transient error inside a loop, or one that jumps
/// back with <c>goto</c> or calls its own method again — with no wait anywhere in what is repeated.
/// A wait is any call whose name says so (Delay, Sleep, Wait, Backoff), so users' own helpers count.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class RetryWithoutDelayAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] WaitWords = { "Delay", "Sleep", "Wait", "Backoff" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.RetryWithoutDelay);

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
        var catchesTransient = symbols.IsTransientApiException(catchClause.ExceptionType)
            || (symbols.IsApiException(catchClause.ExceptionType) && TransientChecks.ContainsTransientCheck(catchClause.Filter, symbols));
        if (!catchesTransient || catchClause.Syntax is not CatchClauseSyntax { Declaration: { } declaration } syntax)
        {
            return;
        }

        var repeated = RepeatedCode(catchClause, context.ContainingSymbol);
        if (repeated is null || ContainsWait(repeated))
        {
            return;
        }

        var location = Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, declaration.CloseParenToken.Span.End));
        context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.RetryWithoutDelay, location, catchClause.ExceptionType.Name));
    }

    /// <summary>
    /// What runs again after the catch: the enclosing loop's body, the method body for a goto
    /// back, or the catch itself for a recursive call. Null when the catch does not retry.
    /// </summary>
    private static IOperation? RepeatedCode(ICatchClauseOperation catchClause, ISymbol containingSymbol)
    {
        foreach (var operation in catchClause.Handler.Descendants())
        {
            if (operation is IInvocationOperation invocation && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, containingSymbol.OriginalDefinition))
            {
                return catchClause.Handler;
            }
        }

        if (RetryLoops.Enclosing(catchClause) is { } loop)
        {
            return loop.Body;
        }

        IOperation? body = catchClause;
        while (body.Parent is { } parent && parent is not (IMethodBodyOperation or IConstructorBodyOperation or ILocalFunctionOperation or IAnonymousFunctionOperation))
        {
            body = parent;
        }

        foreach (var operation in catchClause.Handler.Descendants())
        {
            if (operation is IBranchOperation { BranchKind: BranchKind.GoTo })
            {
                return body;
            }
        }

        return null;
    }

    private static bool ContainsWait(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation)
            {
                foreach (var word in WaitWords)
                {
                    if (invocation.TargetMethod.Name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
