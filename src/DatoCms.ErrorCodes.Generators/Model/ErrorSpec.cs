namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>The whole spec after parsing and validation: the only input the emitters read.</summary>
/// <param name="Families">The families in use, sorted by name, each with its C# member.</param>
/// <param name="RateLimitWindowSeconds">
/// The limit constant that <c>DatoCmsLimits.RateLimitWindow</c> is built from, or null when that
/// <c>TimeSpan</c> is not generated (no whole-number window, or a limit already took the name).
/// </param>
internal sealed record ErrorSpec(
    string DocsUrl,
    EquatableArray<ErrorCodeModel> Codes,
    EquatableArray<FamilyModel> Families,
    EquatableArray<LimitModel> Limits,
    string? RateLimitWindowSeconds);
