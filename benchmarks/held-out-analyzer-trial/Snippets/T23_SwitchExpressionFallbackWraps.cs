// EXPECT: none. Local copied from ex.Code; fallback arm throws a wrapping exception with ex as inner.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T23_Handler(ICmsClient cms)
{
    public async Task<int> HandleAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.PublishAsync(id, ct);
            return 204;
        }
        catch (DatoCmsApiException ex)
        {
            var code = ex.Code;
            return code switch
            {
                DatoCmsErrorCode.NotFound => 404,
                DatoCmsErrorCode.InvalidField => 422,
                _ => throw new CatalogSyncException($"Publishing {id} failed", ex),
            };
        }
    }
}
