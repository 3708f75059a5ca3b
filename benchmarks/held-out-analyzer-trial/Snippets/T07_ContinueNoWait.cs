// EXPECT: DATO004: explicit `continue` from the catch, no wait.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T07_Retry(ICmsClient cms)
{
    public async Task<Item> SaveAsync(string id, object payload, CancellationToken ct)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                return await cms.UpdateAsync(id, payload, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                if (++attempt >= 4) throw;
                continue;
            }
        }
    }
}
