// EXPECT: DATO002: returns only ex.Message ("returning only ex.Message" is not handling).
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed record S32_SaveOutcome(bool Ok, string? Error);

internal sealed class S32_Saver(ICmsClient cms)
{
    public async Task<S32_SaveOutcome> SaveAsync(string id, object payload, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, payload, ct);
            return new S32_SaveOutcome(true, null);
        }
        catch (DatoCmsApiException ex)
        {
            return new S32_SaveOutcome(false, ex.Message);
        }
    }
}
