// EXPECT: DATO004: SemaphoreSlim.WaitAsync is "not a wait" per docs.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S23_GatedWriter(ICmsClient cms)
{
    private readonly SemaphoreSlim _gate = new(4);

    public async Task<Item> WriteAsync(string id, object payload, CancellationToken ct)
    {
        while (true)
        {
            await _gate.WaitAsync(ct);
            try
            {
                return await cms.UpdateAsync(id, payload, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                // fall through and try again once we get a slot
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
