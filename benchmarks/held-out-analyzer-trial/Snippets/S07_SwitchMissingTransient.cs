// EXPECT: DATO001 on `switch (ex.Code)`: lists permanent codes, default logs and returns false (drops transient).
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S07_ImportStep(ICmsClient cms, ILogger<S07_ImportStep> logger)
{
    public async Task<bool> ImportAsync(string id, object payload, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, payload, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.InvalidField:
                case DatoCmsErrorCode.InvalidAttributes:
                    logger.LogWarning("Payload for {Id} is invalid", id);
                    return false;
                case DatoCmsErrorCode.InsufficientPermissions:
                    throw new UnauthorizedAccessException("token lacks permission", ex);
                default:
                    logger.LogError(ex, "Import of {Id} failed", id);
                    return false;
            }
        }
    }
}
