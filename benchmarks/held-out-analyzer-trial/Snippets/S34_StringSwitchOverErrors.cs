// EXPECT: DATO005 once, on the header of `switch (error.ApiCode)`.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S34_ValidationMessages
{
    public static List<string> Collect(DatoCmsApiException ex)
    {
        var messages = new List<string>();
        foreach (var error in ex.Errors)
        {
            switch (error.ApiCode)
            {
                case "INVALID_FIELD":
                    messages.Add("A field is invalid");
                    break;
                case "MISSING_FIELDS":
                    messages.Add("Required fields are missing");
                    break;
                default:
                    messages.Add(error.ApiCode);
                    break;
            }
        }

        return messages;
    }
}
