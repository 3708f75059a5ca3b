// EXPECT: DATO006 on nameof(DatoCmsErrorCode.ItemLocked) compared with ApiCode (suggests ITEM_LOCKED).
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S39_NameofCheck
{
    public static bool IsLocked(DatoCmsApiError error) => error.ApiCode == nameof(DatoCmsErrorCode.ItemLocked);
}
