using System.Collections.Immutable;
using DatoCms.ErrorCodes.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// The generated types, resolved once per compilation in the namespace the options choose.
/// The transient set is read from the [DatoCmsTransient] attributes the generator put on the
/// enum members, so the analyzers always enforce what this build's spec says.
/// </summary>
internal sealed class DatoCmsSymbols
{
    private DatoCmsSymbols(
        INamedTypeSymbol errorCode,
        INamedTypeSymbol? errorCodes,
        INamedTypeSymbol? apiException,
        INamedTypeSymbol? transientApiException,
        INamedTypeSymbol? apiError,
        ImmutableArray<IFieldSymbol> transientCodes,
        ImmutableArray<(string ApiCode, IFieldSymbol Member)> apiCodes)
    {
        ApiCodes = apiCodes;
        ErrorCode = errorCode;
        ErrorCodes = errorCodes;
        ApiException = apiException;
        TransientApiException = transientApiException;
        ApiError = apiError;
        TransientCodes = transientCodes;
    }

    public INamedTypeSymbol ErrorCode { get; }

    public INamedTypeSymbol? ErrorCodes { get; }

    public INamedTypeSymbol? ApiException { get; }

    public INamedTypeSymbol? TransientApiException { get; }

    public INamedTypeSymbol? ApiError { get; }

    /// <summary>Every member's API string (from its [EnumMember]), in declaration order.</summary>
    public ImmutableArray<(string ApiCode, IFieldSymbol Member)> ApiCodes { get; }

    /// <summary>Enum members marked transient, in declaration order.</summary>
    public ImmutableArray<IFieldSymbol> TransientCodes { get; }

    /// <summary>Null when the compilation has no generated DatoCmsErrorCode: the analyzers then do nothing.</summary>
    public static DatoCmsSymbols? TryCreate(Compilation compilation, AnalyzerOptions options)
    {
        var ns = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(GeneratorOptions.NamespaceProperty, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : GeneratorOptions.DefaultNamespace;

        var errorCode = compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ErrorCode) ?? compilation.GetTypeByMetadataName(GeneratorOptions.DefaultNamespace + "." + GeneratedNames.ErrorCode);
        if (errorCode is null || errorCode.TypeKind != TypeKind.Enum)
        {
            return null;
        }

        ns = errorCode.ContainingNamespace.ToDisplayString();
        var transientAttribute = compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.TransientAttribute);
        var enumMember = compilation.GetTypeByMetadataName("System.Runtime.Serialization.EnumMemberAttribute");
        var transient = ImmutableArray.CreateBuilder<IFieldSymbol>();
        var apiCodes = ImmutableArray.CreateBuilder<(string, IFieldSymbol)>();
        foreach (var member in errorCode.GetMembers())
        {
            if (member is not IFieldSymbol { HasConstantValue: true } field)
            {
                continue;
            }

            if (HasAttribute(field, transientAttribute))
            {
                transient.Add(field);
            }

            if (ApiCodeOf(field, enumMember) is { } apiCode)
            {
                apiCodes.Add((apiCode, field));
            }
        }

        return new DatoCmsSymbols(
            errorCode,
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ErrorCodes),
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ApiException),
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.TransientApiException),
            compilation.GetTypeByMetadataName(ns + "." + GeneratedNames.ApiError),
            transient.ToImmutable(),
            apiCodes.ToImmutable());
    }

    /// <summary>The member with this API string, or null; <paramref name="ignoreCase"/> for a comparison that ignores case.</summary>
    public IFieldSymbol? MemberFor(string apiCode, bool ignoreCase = false)
    {
        foreach (var (code, member) in ApiCodes)
        {
            if (string.Equals(code, apiCode, ignoreCase ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal))
            {
                return member;
            }
        }

        return null;
    }

    private static string? ApiCodeOf(IFieldSymbol field, INamedTypeSymbol? enumMember)
    {
        foreach (var data in field.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, enumMember))
            {
                foreach (var argument in data.NamedArguments)
                {
                    if (argument.Key == "Value" && argument.Value.Value is string value)
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is the API exception, one derived from it, or the per-error type.</summary>
    public bool IsApiErrorCarrier(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (ApiError is not null && SymbolEqualityComparer.Default.Equals(type, ApiError))
        {
            return true;
        }

        return IsApiException(type);
    }

    /// <summary>Whether <paramref name="type"/> is the API exception or derives from it.</summary>
    public bool IsApiException(ITypeSymbol? type) => DerivesFrom(type, ApiException);

    /// <summary>Whether <paramref name="type"/> is the transient API exception or derives from it.</summary>
    public bool IsTransientApiException(ITypeSymbol? type) => DerivesFrom(type, TransientApiException);

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
