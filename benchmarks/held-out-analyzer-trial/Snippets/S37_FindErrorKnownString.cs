// EXPECT: DATO005 on "INVALID_FIELD" passed to FindError(string, ...).
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S37_SlugCheck
{
    public static bool SlugTaken(DatoCmsApiException ex) =>
        ex.FindError("INVALID_FIELD", d => d.TryGetProperty("field", out var f) && f.GetString() == "slug") is not null;
}
