// EXPECT: none. Switch over a DatoCmsErrorCode parameter, not an error's code (default DATO001 scope = errors).
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class T22_Labels
{
    public static string Label(DatoCmsErrorCode code)
    {
        switch (code)
        {
            case DatoCmsErrorCode.NotFound:
                return "Not found";
            case DatoCmsErrorCode.InvalidField:
                return "Invalid field";
            default:
                return code.GetSummary();
        }
    }
}
