// EXPECT: DATO005 (not DATO006): case-insensitive comparison with "item_locked".
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S41_LooseMatch
{
    public static bool IsLocked(DatoCmsApiException ex) =>
        string.Equals(ex.ApiCode, "item_locked", StringComparison.OrdinalIgnoreCase);
}
