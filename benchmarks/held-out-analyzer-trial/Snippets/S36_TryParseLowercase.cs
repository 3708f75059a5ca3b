// EXPECT: DATO006 on "rate_limit_exceeded" passed to TryParse.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S36_Config
{
    public static DatoCmsErrorCode DefaultRetryCode()
    {
        return DatoCmsErrorCodes.TryParse("rate_limit_exceeded", out var code) ? code : DatoCmsErrorCode.Unknown;
    }
}
