// EXPECT: DATO005 on the string.Equals comparison.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S33_LockDetection
{
    public static bool IsLocked(DatoCmsApiException ex) =>
        string.Equals(ex.ApiCode, "ITEM_LOCKED", StringComparison.Ordinal);
}
