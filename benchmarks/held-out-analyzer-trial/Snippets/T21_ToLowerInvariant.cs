// EXPECT: DATO005 on `ex.ApiCode.ToLowerInvariant() == "item_locked"`.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class T21_Lowered
{
    public static bool IsLocked(DatoCmsApiException ex) => ex.ApiCode.ToLowerInvariant() == "item_locked";
}
