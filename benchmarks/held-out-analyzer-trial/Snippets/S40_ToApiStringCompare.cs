// EXPECT: DATO005 on `code.ToApiString() == "NOT_FOUND"`.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S40_CodeText
{
    public static bool IsMissing(DatoCmsErrorCode code) => code.ToApiString() == "NOT_FOUND";
}
