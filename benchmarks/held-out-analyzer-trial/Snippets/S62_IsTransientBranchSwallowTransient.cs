// EXPECT (by design): none. `if (!ex.IsTransient) throw;` then the transient path is logged and dropped.
// Docs: "a branch on ex.IsTransient (a decision about transient errors)" is not reported. Arguably a drop.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S62_BestEffortTouch(ICmsClient cms, ILogger<S62_BestEffortTouch> logger)
{
    public async Task TouchAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, new { lastSeen = DateTimeOffset.UtcNow }, ct);
        }
        catch (DatoCmsApiException ex)
        {
            if (!ex.IsTransient) throw;
            logger.LogDebug(ex, "Best-effort touch skipped");
        }
    }
}
