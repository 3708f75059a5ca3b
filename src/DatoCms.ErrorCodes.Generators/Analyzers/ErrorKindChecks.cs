using DatoCms.ErrorCodes.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// Recognises a retry predicate that decides per error instead of taking every API error: it
/// checks IsTransient / RetryKind, reads Code, ApiCode, StatusCode, Errors or RateLimitReset, tests for a more
/// specific exception type, or hands the error to a bool-returning helper of the user's own (which
/// we take as their classification: we cannot see into it).
/// </summary>
internal static class ErrorKindChecks
{
    public static bool LooksAtErrorKind(IOperation root, DatoCmsSymbols symbols)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (TransientChecks.IsTransientCheck(operation, symbols))
            {
                return true;
            }

            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: GeneratedNames.Members.Code or GeneratedNames.Members.ApiCode or GeneratedNames.Members.StatusCode or GeneratedNames.Members.Errors or "RateLimitReset" } property when symbols.IsApiErrorCarrier(property.Property.ContainingType):
                case IIsTypeOperation isType when IsNarrowerException(isType.TypeOperand, symbols):
                case ITypePatternOperation typePattern when IsNarrowerException(typePattern.MatchedType, symbols):
                case IDeclarationPatternOperation declaration when IsNarrowerException(declaration.MatchedType, symbols):
                case IRecursivePatternOperation recursive when IsNarrowerException(recursive.MatchedType, symbols):
                case IInvocationOperation invocation when HandsOverTheError(invocation):
                    return true;
            }
        }

        return false;
    }

    private static bool IsNarrowerException(ITypeSymbol? type, DatoCmsSymbols symbols) =>
        symbols.IsApiException(type) && !SymbolEqualityComparer.Default.Equals(type, symbols.ApiException);

    /// <summary>A call outside the framework that answers yes or no and is given an exception (or Polly's outcome).</summary>
    private static bool HandsOverTheError(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!ReturnsBool(method.ReturnType) || IsFrameworkMethod(method))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = OperationHelpers.Unwrap(argument.Value);

            if (IsException(value.Type) || value.Type?.ContainingNamespace is { } ns && (NamespaceNames.Is(ns, "Polly") || NamespaceNames.Is(ns, "Polly.Retry") || NamespaceNames.Is(ns, "Polly.Hedging")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReturnsBool(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Boolean
        || (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic && generic.TypeArguments[0].SpecialType == SpecialType.System_Boolean);

    private static bool IsFrameworkMethod(IMethodSymbol method)
    {
        var ns = method.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns?.Name == "System";
    }

    private static bool IsException(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Exception" && NamespaceNames.Is(current.ContainingNamespace, "System"))
            {
                return true;
            }
        }

        return false;
    }
}
