// EXPECT: none. Filter lets only non-transient API errors in (type test + !IsTransient).
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S44_Webhook(ICmsClient cms, ILogger<S44_Webhook> logger)
{
    public async Task<bool> OnWebhookAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.PublishAsync(id, ct);
            return true;
        }
        catch (Exception ex) when (ex is DatoCmsApiException api && !api.IsTransient)
        {
            logger.LogError(ex, "Webhook processing failed permanently for {Id}", id);
            return false;
        }
    }
}
