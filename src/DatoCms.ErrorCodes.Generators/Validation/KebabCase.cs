using System.Text.RegularExpressions;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>The spelling the overlay uses for names of its own (families, limits): lower-case words joined by hyphens.</summary>
internal static class KebabCase
{
    private static readonly Regex Pattern = new("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    public static bool IsMatch(string name) => Pattern.IsMatch(name);
}
