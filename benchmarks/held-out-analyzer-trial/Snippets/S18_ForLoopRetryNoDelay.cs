// EXPECT: DATO004 on the catch: for-loop retry of transient errors with only a log line between attempts.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S18_ReliableReader(ICmsClient cms, ILogger<S18_ReliableReader> logger)
{
    public async Task<Item?> GetAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await cms.GetItemAsync(id, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && attempt < 5)
            {
                logger.LogWarning(ex, "Attempt {Attempt} for {Id} failed, retrying", attempt, id);
            }
        }
    }
}
