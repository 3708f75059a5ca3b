// EXPECT: none. Wraps in a domain exception with the inner exception.
using DatoCms.ErrorCodes;

namespace Trial4;

internal static class S46_CatalogSync
{
    public static async Task SyncAsync(ICmsClient cms, string id, CancellationToken ct)
    {
        try
        {
            await cms.PublishAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            throw new CatalogSyncException($"Catalog sync of {id} failed", ex);
        }
    }
}
