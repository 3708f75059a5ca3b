// EXPECT: none. `case var c when c.GetRetryKind() != DatoCmsRetryKind.None: throw;`
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T05_Reader(ICmsClient cms)
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
                case var c when c.GetRetryKind() != DatoCmsRetryKind.None:
                    throw;
                default:
                    return null;
            }
        }
    }
}
