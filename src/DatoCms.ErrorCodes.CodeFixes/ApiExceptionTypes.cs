using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>What a caught exception type says about IsTransient, read from its base types.</summary>
internal static class ApiExceptionTypes
{
    /// <summary>Derives from the generated <c>DatoCmsApiException</c>, so <c>ex.IsTransient</c> binds.</summary>
    public static bool HasIsTransient(ITypeSymbol type) => DerivesFrom(type, GeneratedNames.ApiException);

    /// <summary>Derives from <c>DatoCmsTransientApiException</c>, whose IsTransient is always true.</summary>
    public static bool IsAlwaysTransient(ITypeSymbol type) => DerivesFrom(type, GeneratedNames.TransientApiException);

    private static bool DerivesFrom(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name && current.TypeKind == TypeKind.Class)
            {
                return true;
            }
        }

        return false;
    }
}
