// EXPECT: none. `when (ex is not DatoCmsTransientApiException)`.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class T28_Handler(ICmsClient cms, ILogger<T28_Handler> logger)
{
    public async Task<bool> PublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.PublishAsync(id, ct);
            return true;
        }
        catch (DatoCmsApiException ex) when (ex is not DatoCmsTransientApiException)
        {
            logger.LogError(ex, "Publish failed permanently");
            return false;
        }
    }
}
