// EXPECT: DATO002: a throw only on the 401 path while the other paths drop the error (doc: "Not handling ... a throw on an unrelated path (a 401 branch)").
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class T24_Handler(ICmsClient cms, ILogger<T24_Handler> logger)
{
    public async Task<bool> PublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.PublishAsync(id, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            if (ex.StatusCode == 401)
            {
                throw new UnauthorizedAccessException("Bad token", ex);
            }

            logger.LogError(ex, "Publish failed");
            return false;
        }
    }
}
