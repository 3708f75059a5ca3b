// EXPECT: none. Catch of one specific transient exception (deliberate), not in a loop.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S54_LockReport(ICmsClient cms)
{
    public async Task<string> TrySaveAsync(string id, object payload, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, payload, ct);
            return "ok";
        }
        catch (ItemLockedException)
        {
            return "locked";
        }
    }
}
