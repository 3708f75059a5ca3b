// EXPECT: DATO005 on `"ITEM_LOCKED".Equals(ex.ApiCode)`.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class T17_Reversed
{
    public static bool IsLocked(DatoCmsApiException ex) => "ITEM_LOCKED".Equals(ex.ApiCode);
}
