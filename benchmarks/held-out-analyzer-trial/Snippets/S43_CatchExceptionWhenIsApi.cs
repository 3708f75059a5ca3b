// EXPECT: DATO002 on `catch (Exception ex)`: `when (ex is DatoCmsApiException)` is the same as catching it; logs and returns false.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S43_Webhook(ICmsClient cms, ILogger<S43_Webhook> logger)
{
    public async Task<bool> OnWebhookAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.PublishAsync(id, ct);
            return true;
        }
        catch (Exception ex) when (ex is DatoCmsApiException)
        {
            logger.LogError(ex, "Webhook processing failed for {Id}", id);
            return false;
        }
    }
}
