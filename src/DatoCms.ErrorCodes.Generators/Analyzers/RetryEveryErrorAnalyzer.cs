using System;
using System.Collections.Immutable;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// DATO003: a Polly retry that handles DatoCmsApiException as a whole, so permanent errors are
/// retried too. Two shapes: an exception clause — <c>Handle&lt;T&gt;()</c>, <c>HandleInner</c>,
/// <c>Or</c>, <c>OrInner</c> on the v8 PredicateBuilder or the v7 Policy/PolicyBuilder — and a
/// hand-written v8 predicate that tests <c>args.Outcome.Exception</c> for the type. Only
/// DatoCmsApiException itself counts: the transient base and specific codes' exceptions are
/// choices, and Exception is too broad to judge. A predicate that looks at the kind of error
/// (see <see cref="ErrorKindChecks"/>) is compliant, and so is a clause that visibly feeds a
/// circuit breaker or a fallback rather than a retry.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class RetryEveryErrorAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.RetryOnEveryApiError);

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
            // The references first: without Polly there is nothing to judge, and that answer needs no
            // type lookup, which at compilation start would wait for the source to be declared.
            if (!PollySymbols.IsReferenced(start.Compilation) || PollySymbols.TryCreate(start.Compilation) is not { } polly)
            {
                return;
            }

            var symbols = DatoCmsSymbols.TryCreate(start.Compilation, start.Options);
            if (symbols?.ApiException is null)
            {
                return;
            }

            // Syntax first: only calls named like an exception clause, and type tests on something
            // called Outcome, are bound; the rest of the compilation costs this rule nothing.
            start.RegisterOperationAction(c => AnalyzeExceptionClause(c, symbols, polly), OperationKind.Invocation);
            if (polly.Outcome is not null)
            {
                start.RegisterOperationAction(c => AnalyzeTypeTests(c, symbols, polly), OperationKind.IsType, OperationKind.IsPattern, OperationKind.SwitchExpression);
            }
        });
    }

    private static void AnalyzeExceptionClause(OperationAnalysisContext context, DatoCmsSymbols symbols, PollySymbols polly)
    {
        if (ClauseName(context.Operation.Syntax) is not { Identifier.ValueText: "Handle" or "HandleInner" or "Or" or "OrInner" }
            || context.Operation is not IInvocationOperation invocation)
        {
            return;
        }

        var method = invocation.TargetMethod;
        if (method.Name is not ("Handle" or "HandleInner" or "Or" or "OrInner")
            || method.TypeArguments.Length != 1
            || !SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], symbols.ApiException)
            || !polly.DeclaresExceptionClauses(method.ContainingType))
        {
            return;
        }

        if (invocation.Arguments.Length > 0 && !IsBlindPredicate(invocation.Arguments[0].Value, symbols))
        {
            return;
        }

        if (!MayFeedARetry(invocation, polly) || ClauseName(invocation.Syntax) is not { } name)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.RetryOnEveryApiError, name.GetLocation(), symbols.ApiException!.Name));
    }

    /// <summary>
    /// A predicate that never looks at the kind of error: a lambda, a local initialised with one, or
    /// a method group of this compilation, read one level deep. A predicate we cannot read (a
    /// parameter, a method in metadata or another file) is someone's own decision and counts as looking.
    /// </summary>
    private static bool IsBlindPredicate(IOperation predicate, DatoCmsSymbols symbols)
    {
        predicate = OperationHelpers.Unwrap(predicate);
        if (predicate is IDelegateCreationOperation creation)
        {
            predicate = OperationHelpers.Unwrap(creation.Target);
        }

        switch (predicate)
        {
            case IAnonymousFunctionOperation lambda:
                return !ErrorKindChecks.LooksAtErrorKind(lambda.Body, symbols);
            case IMethodReferenceOperation method:
                return MethodBody(method.Method, predicate.SemanticModel) is { } body && !ErrorKindChecks.LooksAtErrorKind(body, symbols);
            case ILocalReferenceOperation local when predicate.SemanticModel is { } model:
                foreach (var reference in local.Local.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == model.SyntaxTree && reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                        && model.GetOperation(initializer) is { } initial && !IsAssignedAgain(local.Local, reference.GetSyntax()))
                    {
                        return IsBlindPredicate(initial, symbols);
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static IOperation? MethodBody(IMethodSymbol method, SemanticModel? model)
    {
        if (model is null)
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            SyntaxNode? body = reference.GetSyntax() switch
            {
                MethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
                _ => null,
            };

            if (body is not null)
            {
                return model.GetOperation(body);
            }
        }

        return null;
    }

    /// <summary>A delegate local written again after its declaration is not the lambda it started with.</summary>
    private static bool IsAssignedAgain(ILocalSymbol local, SyntaxNode declarator)
    {
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>();
        if (scope is null)
        {
            return true;
        }

        foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Follows the builder chain to what consumes it: a v8 predicate conversion says which
    /// strategy it is for, a v7 extension method says it by name (Retry, WaitAndRetry, ...).
    /// When the builder is stored, returned or passed on we cannot tell, and assume a retry, the
    /// common case.
    /// </summary>
    private static bool MayFeedARetry(IOperation clause, PollySymbols polly)
    {
        var current = clause;
        while (true)
        {
            switch (current.Parent)
            {
                case IConversionOperation conversion:
                    if (conversion.Type is INamedTypeSymbol { DelegateInvokeMethod.Parameters: { Length: 1 } parameters })
                    {
                        if (polly.IsRetryPredicateArguments(parameters[0].Type))
                        {
                            return true;
                        }

                        if (polly.IsOtherPredicateArguments(parameters[0].Type))
                        {
                            return false;
                        }
                    }

                    current = conversion;
                    break;
                case IInvocationOperation next when next.Instance == current && polly.IsBuilder(next.Type):
                    current = next;
                    break;
                case IArgumentOperation { Parent: IInvocationOperation consumer } argument when consumer.TargetMethod.IsExtensionMethod && consumer.Arguments.Length > 0 && consumer.Arguments[0] == argument:
                    if (polly.IsBuilder(consumer.Type))
                    {
                        current = consumer;
                        break;
                    }

                    return consumer.TargetMethod.Name.IndexOf("Retry", StringComparison.Ordinal) >= 0;
                default:
                    return true;
            }
        }
    }

    /// <summary>The <c>Handle&lt;DatoCmsApiException&gt;</c> part of the call: where the user chose the type.</summary>
    private static SimpleNameSyntax? ClauseName(SyntaxNode syntax) => syntax is InvocationExpressionSyntax invocation
        ? invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax name => name,
            _ => null,
        }
        : null;

    private static void AnalyzeTypeTests(OperationAnalysisContext context, DatoCmsSymbols symbols, PollySymbols polly)
    {
        var node = context.Operation.Syntax;
        var tested = node switch
        {
            BinaryExpressionSyntax isExpression => isExpression.Left,
            IsPatternExpressionSyntax isPattern => isPattern.Expression,
            SwitchExpressionSyntax switchExpression => switchExpression.GoverningExpression,
            _ => null,
        };

        if (tested is null || !tested.DescendantTokens().Any(t => t.ValueText == "Outcome"))
        {
            return;
        }

        var root = context.Operation;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IIsTypeOperation or ITypePatternOperation or IDeclarationPatternOperation or IRecursivePatternOperation
                && operation.Syntax.AncestorsAndSelf().FirstOrDefault(n => n is IsPatternExpressionSyntax or SwitchExpressionSyntax || n.IsKind(SyntaxKind.IsExpression)) == node)
            {
                AnalyzeTypeTest(context, operation, symbols, polly);
            }
        }
    }

    private static void AnalyzeTypeTest(OperationAnalysisContext context, IOperation operation, DatoCmsSymbols symbols, PollySymbols polly)
    {
        var (matched, typeSyntax) = operation switch
        {
            IIsTypeOperation isType => (isType.TypeOperand, (isType.Syntax as BinaryExpressionSyntax)?.Right),
            ITypePatternOperation pattern => (pattern.MatchedType, TypeOfTypePattern(pattern.Syntax)),
            IDeclarationPatternOperation pattern => (pattern.MatchedType, (pattern.Syntax as DeclarationPatternSyntax)?.Type),
            IRecursivePatternOperation pattern => (pattern.MatchedType, (ExpressionSyntax?)(pattern.Syntax as RecursivePatternSyntax)?.Type),
            _ => ((ITypeSymbol?)null, (ExpressionSyntax?)null),
        };

        if (typeSyntax is null || !SymbolEqualityComparer.Default.Equals(matched, symbols.ApiException) || !RetryOutcomeTypeTests.AcceptsRetriedException(operation, polly))
        {
            return;
        }

        if (ErrorKindChecks.LooksAtErrorKind(OperationHelpers.EnclosingFunction(operation), symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.RetryOnEveryApiError, typeSyntax.GetLocation(), symbols.ApiException!.Name));
    }

    /// <summary>
    /// A bare type in a pattern is often parsed as a constant pattern (a name, or a member access
    /// when qualified) and bound as a type pattern.
    /// </summary>
    private static ExpressionSyntax? TypeOfTypePattern(SyntaxNode syntax) => syntax switch
    {
        TypePatternSyntax typePattern => typePattern.Type,
        ConstantPatternSyntax constant => constant.Expression,
        _ => syntax as ExpressionSyntax,
    };
}
