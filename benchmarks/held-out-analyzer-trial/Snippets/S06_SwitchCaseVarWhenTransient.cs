// EXPECT: none. DATO001 doc: "a `when` guard on a case or arm that asks IsTransient / RetryKind" is fine.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S06_ItemReader(ICmsClient cms, ILogger<S06_ItemReader> logger)
{
    public async Task<Item?> ReadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await cms.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound:
                    return null;
                case var c when c.IsTransient():
                    throw;
                default:
                    logger.LogError(ex, "Unexpected DatoCMS error");
                    return null;
            }
        }
    }
}
