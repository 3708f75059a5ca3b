using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// Reads what an operation says about an API error: whether it is the error itself, its code, or
/// a question about its transience; and how a type or a code classifies.
/// </summary>
internal sealed class ErrorFacts
{
    private readonly DatoCmsSymbols _symbols;

    public ErrorFacts(DatoCmsSymbols symbols)
    {
        _symbols = symbols;
    }

    public DatoCmsSymbols Symbols => _symbols;

    /// <summary>A local or parameter holding an API exception or a per-error object.</summary>
    public bool IsErrorValue(IOperation operation) =>
        OperationHelpers.Unwrap(operation) is ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation
        && _symbols.IsApiErrorCarrier(OperationHelpers.Unwrap(operation).Type);

    /// <summary><c>x.Code</c> on an API exception or error, also through <c>?.</c>.</summary>
    public bool IsCodeRead(IOperation operation)
    {
        operation = OperationHelpers.Unwrap(operation);
        if (operation is IConditionalAccessOperation conditional)
        {
            return IsCodeRead(conditional.WhenNotNull);
        }

        return operation is IPropertyReferenceOperation { Property.Name: "Code" } property
            && (_symbols.IsApiErrorCarrier(property.Property.ContainingType) || _symbols.IsApiErrorCarrier(property.Instance?.Type));
    }

    /// <summary><c>ex.IsTransient</c>, <c>error.IsTransient</c> or <c>code.IsTransient()</c>.</summary>
    public bool IsTransientQuestion(IOperation operation)
    {
        operation = OperationHelpers.Unwrap(operation);
        return operation switch
        {
            IPropertyReferenceOperation { Property.Name: "IsTransient" or "Transient" } property => IsGenerated(property.Property.ContainingType),
            IInvocationOperation { TargetMethod.Name: "IsTransient" } invocation => IsGenerated(invocation.TargetMethod.ContainingType),
            IInvocationOperation { TargetMethod.Name: "IsTransientStatus" } invocation => IsGenerated(invocation.TargetMethod.ContainingType),
            _ => false,
        };
    }

    /// <summary><c>ex.RetryKind</c> or <c>code.GetRetryKind()</c>.</summary>
    public bool IsRetryKindRead(IOperation operation) => OperationHelpers.Unwrap(operation) switch
    {
        IPropertyReferenceOperation { Property.Name: "RetryKind" } property => IsGenerated(property.Property.ContainingType),
        IInvocationOperation { TargetMethod.Name: "GetRetryKind" } invocation => IsGenerated(invocation.TargetMethod.ContainingType),
        _ => false,
    };

    /// <summary><c>ex.StatusCode</c> on an API exception.</summary>
    public bool IsStatusRead(IOperation operation) =>
        OperationHelpers.Unwrap(operation) is IPropertyReferenceOperation { Property.Name: "StatusCode" } property && _symbols.IsApiErrorCarrier(property.Property.ContainingType);

    /// <summary>Whether the enum member with this constant value is transient; null when the value is not one of ours.</summary>
    public bool? IsTransientCode(object? constant)
    {
        if (constant is null)
        {
            return null;
        }

        return _symbols.IsTransientValue(System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture));
    }

    public bool IsTransientBase(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, _symbols.TransientApiException);

    public bool IsApiExceptionItself(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, _symbols.ApiException);

    /// <summary>A code's own exception type deriving from the transient base (ItemLockedException).</summary>
    public bool IsSpecificTransientException(ITypeSymbol? type) => _symbols.IsTransientApiException(type) && !IsTransientBase(type);

    /// <summary>A code's own exception type that is not transient (NotFoundException).</summary>
    public bool IsPermanentException(ITypeSymbol? type) => _symbols.IsApiException(type) && !_symbols.IsTransientApiException(type) && !IsApiExceptionItself(type);

    private bool IsGenerated(INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, _symbols.ErrorCode.ContainingNamespace);
}
