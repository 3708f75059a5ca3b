// EXPECT: DATO005 on `e.ApiCode == "STALE_ITEM_VERSION"` inside Any().
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class T16_Stale
{
    public static bool IsStale(DatoCmsApiException ex) => ex.Errors.Any(e => e.ApiCode == "STALE_ITEM_VERSION");
}
