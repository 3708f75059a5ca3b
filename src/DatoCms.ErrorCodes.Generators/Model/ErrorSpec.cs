namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>The whole spec after parsing and validation: the only input the emitters read.</summary>
/// <param name="DocsUrl">The documentation page every code's link is based on.</param>
/// <param name="Codes">Every code, the page's in page order, then the overlay's own.</param>
/// <param name="Families">The families in use, sorted by name, each with its C# member.</param>
/// <param name="RateLimitWindowSeconds">
/// The limit constant that <c>DatoCmsLimits.RateLimitWindow</c> is built from, or null when that
/// <c>TimeSpan</c> is not generated (no whole-number window, or a limit already took the name).
/// </param>
/// <param name="Limits">The constants of <c>DatoCmsLimits</c>, in overlay order.</param>
internal sealed record ErrorSpec(
    string DocsUrl,
    EquatableArray<ErrorCodeModel> Codes,
    EquatableArray<FamilyModel> Families,
    EquatableArray<LimitModel> Limits,
    string? RateLimitWindowSeconds);
