// EXPECT: DATO001 on `switch (code)`: code = ex.Errors.FirstOrDefault()?.Code; unlisted codes fall out of the switch to `return false`.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S48_FirstErrorHandler(ICmsClient cms, ILogger<S48_FirstErrorHandler> logger)
{
    public async Task<bool> TryUpdateAsync(string id, object payload, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, payload, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            var code = ex.Errors.FirstOrDefault()?.Code;
            switch (code)
            {
                case DatoCmsErrorCode.NotFound:
                    logger.LogInformation("Gone: {Id}", id);
                    return false;
                case DatoCmsErrorCode.StaleItemVersion:
                    logger.LogInformation("Stale: {Id}", id);
                    return false;
            }

            logger.LogError(ex, "Update failed");
            return false;
        }
    }
}
