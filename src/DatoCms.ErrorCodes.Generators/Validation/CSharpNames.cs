using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>Turns spec names into C# names and checks names that users write themselves.</summary>
internal static class CSharpNames
{
    /// <summary>The longest name accepted from the overlay, leaving room for the namespace within the metadata limit.</summary>
    public const int MaxNameBytes = 512;

    /// <summary><c>RATE_LIMIT_EXCEEDED</c> → <c>RateLimitExceeded</c>; <c>plan-limits</c> → <c>PlanLimits</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var part in name.Split('_', '-'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(part[0]));
            for (var i = 1; i < part.Length; i++)
            {
                builder.Append(char.ToLowerInvariant(part[i]));
            }
        }

        // An identifier cannot start with a digit; a code such as 3D_ASSET becomes Code3DAsset.
        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Code");
        }

        return builder.ToString();
    }

    /// <summary>Null when <paramref name="name"/> is usable as a type or member name, else the reason.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            return "it is a C# keyword";
        }

        if (!SyntaxFacts.IsValidIdentifier(name))
        {
            return "it has characters an identifier cannot have";
        }

        // .NET metadata holds at most 1,024 UTF-8 bytes per name (CS7013), namespace included for types.
        if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            return "it is longer than " + MaxNameBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " UTF-8 bytes";
        }

        return null;
    }

    /// <summary>Whether <paramref name="value"/> is a dotted namespace of valid identifiers.</summary>
    public static bool IsValidNamespace(string value)
    {
        foreach (var part in value.Split('.'))
        {
            if (Problem(part) is not null)
            {
                return false;
            }
        }

        return value.Length > 0;
    }
}
