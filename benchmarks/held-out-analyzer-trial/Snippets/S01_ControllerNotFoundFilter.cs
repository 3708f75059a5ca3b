// EXPECT: none. Filter on a permanent code (DATO002 doc: `when (ex.Code == DatoCmsErrorCode.InvalidField)` not reported).
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S01_ItemsController(ICmsClient cms, ILogger<S01_ItemsController> logger)
{
    public async Task<Item?> Get(string id, CancellationToken ct)
    {
        try
        {
            return await cms.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex) when (ex.Code == DatoCmsErrorCode.NotFound)
        {
            logger.LogInformation("Item {Id} not found", id);
            return null;
        }
    }
}
