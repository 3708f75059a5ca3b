// EXPECT: none. Switch in a catch that only sees transient errors (DATO001: deliberate) and DATO002 defers to DATO001 for a switched catch.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S49_LockAwareEditor(ICmsClient cms, ILogger<S49_LockAwareEditor> logger)
{
    public async Task<string> EditAsync(string id, object payload, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, payload, ct);
            return "saved";
        }
        catch (DatoCmsTransientApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.ItemLocked:
                    return "someone else is editing this record";
                case DatoCmsErrorCode.RateLimitExceeded:
                    return "too many requests, try again shortly";
                default:
                    logger.LogWarning(ex, "Temporary problem");
                    return "temporary problem, try again";
            }
        }
    }
}
