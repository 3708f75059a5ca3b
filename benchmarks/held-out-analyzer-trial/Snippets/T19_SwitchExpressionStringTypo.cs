// EXPECT: DATO005 at the header of `error.ApiCode switch` and DATO006 on "RATE_LIMIT_EXCEDED".
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class T19_Labels
{
    public static string Label(DatoCmsApiError error) => error.ApiCode switch
    {
        "ITEM_LOCKED" => "locked",
        "RATE_LIMIT_EXCEDED" => "slow down",
        _ => "other",
    };
}
