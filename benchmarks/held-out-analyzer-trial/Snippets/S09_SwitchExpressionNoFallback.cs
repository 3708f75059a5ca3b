// EXPECT: none (DATO001 doc: "a switch expression without a fallback arm (an unlisted code throws)"). CS8509 expected.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S09_ErrorMessages
{
    public static string Describe(DatoCmsApiException ex) => ex.Code switch
    {
        DatoCmsErrorCode.NotFound => "The record no longer exists.",
        DatoCmsErrorCode.InvalidField => "A field is invalid.",
    };
}
