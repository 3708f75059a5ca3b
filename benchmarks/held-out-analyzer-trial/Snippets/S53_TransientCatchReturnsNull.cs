// EXPECT: DATO002 on `catch (DatoCmsTransientApiException ex)` with the "only transient errors reach it" message.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S53_CachedReader(ICmsClient cms, ILogger<S53_CachedReader> logger)
{
    public async Task<Item?> ReadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await cms.GetItemAsync(id, ct);
        }
        catch (DatoCmsTransientApiException ex)
        {
            logger.LogWarning(ex, "DatoCMS busy, serving nothing for {Id}", id);
            return null;
        }
    }
}
