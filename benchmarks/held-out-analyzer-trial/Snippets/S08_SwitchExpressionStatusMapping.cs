// EXPECT: DATO001 on `ex.Code switch`: `_ => 500` takes the transient codes and the error is dropped
// (only a status int is returned, not the error/Code/IsTransient).
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S08_MinimalApiHandler(ICmsClient cms)
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
            var status = ex.Code switch
            {
                DatoCmsErrorCode.NotFound => 404,
                DatoCmsErrorCode.InvalidField => 422,
                DatoCmsErrorCode.StaleItemVersion => 409,
                _ => 500,
            };
            return status;
        }
    }
}
