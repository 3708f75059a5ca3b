// EXPECT: none. Returns a result carrying Code and IsTransient.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed record S31_SaveResult(bool Ok, DatoCmsErrorCode Code, bool Retryable);

internal sealed class S31_Saver(ICmsClient cms)
{
    public async Task<S31_SaveResult> SaveAsync(string id, object payload, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, payload, ct);
            return new S31_SaveResult(true, DatoCmsErrorCode.Unknown, false);
        }
        catch (DatoCmsApiException ex)
        {
            return new S31_SaveResult(false, ex.Code, ex.IsTransient);
        }
    }
}
