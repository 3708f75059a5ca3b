using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// The Polly types DATO003 looks at, resolved once per compilation: the v8 <c>PredicateBuilder</c>
/// and predicate arguments (Polly.Core) and the v7 <c>Policy</c> / <c>PolicyBuilder</c> API
/// (the Polly package). Either half may be missing; both missing means Polly is not referenced.
/// </summary>
internal sealed class PollySymbols
{
    private PollySymbols(Compilation compilation)
    {
        PredicateBuilder = compilation.GetTypeByMetadataName("Polly.PredicateBuilder`1");
        Outcome = compilation.GetTypeByMetadataName("Polly.Outcome`1");
        RetryPredicateArguments = compilation.GetTypeByMetadataName("Polly.Retry.RetryPredicateArguments`1");
        HedgingPredicateArguments = compilation.GetTypeByMetadataName("Polly.Hedging.HedgingPredicateArguments`1");
        Policy = compilation.GetTypeByMetadataName("Polly.Policy");
        GenericPolicy = compilation.GetTypeByMetadataName("Polly.Policy`1");
        PolicyBuilder = compilation.GetTypeByMetadataName("Polly.PolicyBuilder");
        GenericPolicyBuilder = compilation.GetTypeByMetadataName("Polly.PolicyBuilder`1");
    }

    /// <summary>v8: <c>PredicateBuilder&lt;TResult&gt;</c>, where <c>Handle&lt;T&gt;</c> is declared (the non-generic one derives from it).</summary>
    public INamedTypeSymbol? PredicateBuilder { get; }

    /// <summary>v8: <c>Outcome&lt;TResult&gt;</c>, whose <c>Exception</c> a hand-written predicate tests.</summary>
    public INamedTypeSymbol? Outcome { get; }

    public INamedTypeSymbol? RetryPredicateArguments { get; }

    public INamedTypeSymbol? HedgingPredicateArguments { get; }

    /// <summary>v7: <c>Policy.Handle&lt;T&gt;()</c>.</summary>
    public INamedTypeSymbol? Policy { get; }

    /// <summary>v7: <c>Policy&lt;TResult&gt;.Handle&lt;T&gt;()</c>.</summary>
    public INamedTypeSymbol? GenericPolicy { get; }

    /// <summary>v7: <c>.Or&lt;T&gt;()</c> on what <c>Handle</c> returns.</summary>
    public INamedTypeSymbol? PolicyBuilder { get; }

    public INamedTypeSymbol? GenericPolicyBuilder { get; }

    /// <summary>
    /// Whether the compilation references the Polly or Polly.Core assembly (see
    /// <see cref="ReferencedAssemblies"/>): a rule asks this at compilation start, before <see cref="TryCreate"/>.
    /// </summary>
    public static bool IsReferenced(Compilation compilation) =>
        ReferencedAssemblies.Contain(compilation, "Polly") || ReferencedAssemblies.Contain(compilation, "Polly.Core");

    /// <summary>Null when the compilation references neither Polly.Core nor Polly.</summary>
    public static PollySymbols? TryCreate(Compilation compilation)
    {
        var symbols = new PollySymbols(compilation);
        return symbols.PredicateBuilder is null && symbols.Policy is null ? null : symbols;
    }

    /// <summary>Whether <paramref name="type"/> declares the exception clauses (Handle, HandleInner, Or, OrInner).</summary>
    public bool DeclaresExceptionClauses(INamedTypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        return definition is not null
            && (Is(definition, PredicateBuilder) || Is(definition, Policy) || Is(definition, GenericPolicy) || Is(definition, PolicyBuilder) || Is(definition, GenericPolicyBuilder));
    }

    /// <summary>Whether <paramref name="type"/> is what an exception clause returns, so a chain goes on.</summary>
    public bool IsBuilder(ITypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        for (var current = definition as INamedTypeSymbol; current is not null; current = current.BaseType?.OriginalDefinition)
        {
            if (Is(current, PredicateBuilder) || Is(current, PolicyBuilder) || Is(current, GenericPolicyBuilder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is the argument of a retry or hedging predicate: both repeat the call.</summary>
    public bool IsRetryPredicateArguments(ITypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        return definition is not null && (Is(definition, RetryPredicateArguments) || Is(definition, HedgingPredicateArguments));
    }

    /// <summary>Whether <paramref name="type"/> is the argument of some other v8 strategy's predicate (circuit breaker, fallback).</summary>
    public bool IsOtherPredicateArguments(ITypeSymbol? type) =>
        type is INamedTypeSymbol { ContainingNamespace: { } ns } named
        && !IsRetryPredicateArguments(named)
        && named.Name.EndsWith("PredicateArguments", System.StringComparison.Ordinal)
        && NamespaceNames.Outermost(ns).StartsWith("Polly", System.StringComparison.Ordinal);

    public bool IsOutcome(ITypeSymbol? type) => type?.OriginalDefinition is { } definition && Is(definition, Outcome);

    private static bool Is(ITypeSymbol type, INamedTypeSymbol? candidate) =>
        candidate is not null && SymbolEqualityComparer.Default.Equals(type, candidate);
}
