// EXPECT: DATO001 on `ex.Code switch`: `var other => Log(other)` takes the transient codes; result is a bool, the error is dropped.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S63_Deleter(ICmsClient cms, ILogger<S63_Deleter> logger)
{
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, new { deleted = true }, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            return ex.Code switch
            {
                DatoCmsErrorCode.NotFound => true,
                DatoCmsErrorCode.DeleteRestriction => false,
                var other => LogFailure(other),
            };
        }
    }

    private bool LogFailure(DatoCmsErrorCode code)
    {
        logger.LogError("Delete failed with {Code}", code);
        return false;
    }
}
