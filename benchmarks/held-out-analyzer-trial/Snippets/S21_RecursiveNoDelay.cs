// EXPECT: DATO004: the method calls itself from the catch without waiting.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S21_RecursiveFetcher(ICmsClient cms)
{
    public async Task<Item?> FetchAsync(string id, CancellationToken ct, int attempt = 0)
    {
        try
        {
            return await cms.GetItemAsync(id, ct);
        }
        catch (DatoCmsTransientApiException) when (attempt < 3)
        {
            return await FetchAsync(id, ct, attempt + 1);
        }
    }
}
