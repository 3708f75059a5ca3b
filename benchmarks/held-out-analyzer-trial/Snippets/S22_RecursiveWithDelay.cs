// EXPECT: none. Recursive retry after Task.Delay(RateLimitReset ?? backoff).
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S22_RecursiveFetcherWithWait(ICmsClient cms)
{
    public async Task<Item?> FetchAsync(string id, CancellationToken ct, int attempt = 0)
    {
        try
        {
            return await cms.GetItemAsync(id, ct);
        }
        catch (DatoCmsTransientApiException ex) when (attempt < 3)
        {
            await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt + 1), ct);
            return await FetchAsync(id, ct, attempt + 1);
        }
    }
}
