// EXPECT: none. Filter `ex.RetryKind == DatoCmsRetryKind.None` admits permanent errors only.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S61_PermanentOnly(ICmsClient cms, ILogger<S61_PermanentOnly> logger)
{
    public async Task<bool> TryPublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.PublishAsync(id, ct);
            return true;
        }
        catch (DatoCmsApiException ex) when (ex.RetryKind == DatoCmsRetryKind.None)
        {
            logger.LogWarning(ex, "Publish of {Id} rejected", id);
            return false;
        }
    }
}
