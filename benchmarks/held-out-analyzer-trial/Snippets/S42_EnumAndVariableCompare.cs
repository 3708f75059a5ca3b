// EXPECT: none. Enum comparisons; ApiCode compared with a non-constant string.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S42_Matching
{
    public static bool Matches(DatoCmsApiException ex, string configuredCode) =>
        ex.ApiCode == configuredCode
        || ex.Code == DatoCmsErrorCode.ItemLocked
        || (DatoCmsErrorCodes.TryParse(configuredCode, out var parsed) && parsed == ex.Code);
}
