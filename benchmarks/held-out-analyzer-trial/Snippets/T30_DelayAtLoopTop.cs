// EXPECT: none. The wait is at the top of the loop, before the next attempt (on the way back to the try).
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T30_Retry(ICmsClient cms)
{
    public async Task<Item> SaveAsync(string id, object payload, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), ct);
            }

            try
            {
                return await cms.UpdateAsync(id, payload, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
            }
        }

        throw new TimeoutException("gave up");
    }
}
