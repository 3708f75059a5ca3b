// EXPECT: none. FindError with a code newer than the spec and not close to any known code; enum overload too.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S38_NewCodes
{
    public static bool IsQuotaProblem(DatoCmsApiException ex) =>
        ex.FindError("WORKSPACE_QUOTA_ROLLOVER_PENDING") is not null
        || ex.FindError(DatoCmsErrorCode.TechnicalLimitReached) is not null;
}
