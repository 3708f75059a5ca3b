// EXPECT: DATO004: `goto retry` from the catch without waiting.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S55_GotoRetry
{
    public static async Task<Item> SaveAsync(ICmsClient cms, string id, object payload, CancellationToken ct)
    {
        var attempts = 0;
    retry:
        try
        {
            return await cms.UpdateAsync(id, payload, ct);
        }
        catch (DatoCmsApiException ex) when (ex.IsTransient && attempts < 3)
        {
            attempts++;
            goto retry;
        }
    }
}
