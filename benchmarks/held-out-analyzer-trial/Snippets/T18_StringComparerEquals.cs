// EXPECT: DATO005 on `StringComparer.Ordinal.Equals(ex.ApiCode, "NOT_FOUND")`.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class T18_Comparer
{
    public static bool IsMissing(DatoCmsApiException ex) => StringComparer.Ordinal.Equals(ex.ApiCode, "NOT_FOUND");
}
