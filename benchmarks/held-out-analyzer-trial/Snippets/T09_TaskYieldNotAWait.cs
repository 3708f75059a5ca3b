// EXPECT: DATO004: `await Task.Yield()` is no wait.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T09_Retry(ICmsClient cms)
{
    public async Task<Item> SaveAsync(string id, object payload, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await cms.UpdateAsync(id, payload, ct);
            }
            catch (DatoCmsTransientApiException) when (attempt < 5)
            {
                await Task.Yield();
            }
        }
    }
}
