// EXPECT: DATO006 on `LockedCode` where it is compared with ApiCode (const "ITEM_LOCKD" is no code).
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S35_Codes
{
    private const string LockedCode = "ITEM_LOCKD";

    public static bool IsLocked(DatoCmsApiException ex) => ex.ApiCode == LockedCode;
}
