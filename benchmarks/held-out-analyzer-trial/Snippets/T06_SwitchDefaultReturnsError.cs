// EXPECT: none. Default returns a result that carries the exception.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed record T06_Result(Item? Value, DatoCmsApiException? Error);

internal sealed class T06_Reader(ICmsClient cms)
{
    public async Task<T06_Result> ReadAsync(string id, CancellationToken ct)
    {
        try
        {
            return new T06_Result(await cms.GetItemAsync(id, ct), null);
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound:
                    return new T06_Result(null, null);
                default:
                    return new T06_Result(null, ex);
            }
        }
    }
}
