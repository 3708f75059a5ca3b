// EXPECT: DATO004: a local function that calls itself from the catch without waiting.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T11_LocalRecursion(ICmsClient cms)
{
    public async Task<Item?> GetAsync(string id, CancellationToken ct)
    {
        return await Attempt(0);

        async ValueTask<Item?> Attempt(int n)
        {
            try
            {
                return await cms.GetItemAsync(id, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && n < 3)
            {
                return await Attempt(n + 1);
            }
        }
    }
}
