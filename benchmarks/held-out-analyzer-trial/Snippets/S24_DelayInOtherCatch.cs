// EXPECT: DATO004 on the DatoCmsApiException catch: the only delay is in the HttpRequestException catch.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S24_MixedFaults(ICmsClient cms, ILogger<S24_MixedFaults> logger)
{
    public async Task<Item?> LoadAsync(string id, CancellationToken ct)
    {
        for (var i = 0; i < 5; i++)
        {
            try
            {
                return await cms.GetItemAsync(id, ct);
            }
            catch (HttpRequestException hex)
            {
                logger.LogWarning(hex, "Network fault");
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                logger.LogWarning(ex, "Transient {Code}", ex.Code);
            }
        }

        throw new TimeoutException($"Giving up on {id}");
    }
}
