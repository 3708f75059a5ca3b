// EXPECT: DATO006 on "item_locked" (ordinal `!=`).
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class T20_NotLocked
{
    public static bool NotLocked(DatoCmsApiException ex) => ex.ApiCode != "item_locked";
}
