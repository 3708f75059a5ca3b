// EXPECT: DATO002 on the catch inside the async lambda given to Task.Run.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S03_FireAndForgetRefresher(ICmsClient cms, ILogger<S03_FireAndForgetRefresher> logger)
{
    public void QueueRefresh(string id)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await cms.UpdateAsync(id, new { refreshed = true }, CancellationToken.None);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogWarning(ex, "Refresh of {Id} failed with {Code}", id, ex.Code);
            }
        });
    }
}
