// EXPECT: none. Fallback rethrows.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S51_Reader(ICmsClient cms)
{
    public async Task<Item?> ReadOrNullAsync(string id, CancellationToken ct)
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
                case DatoCmsErrorCode.ItemTypeNotFound:
                    return null;
                default:
                    throw;
            }
        }
    }
}
