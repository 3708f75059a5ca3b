// EXPECT: DATO004: only rate-limit errors wait; other transient errors loop again immediately.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T29_Retry(ICmsClient cms)
{
    public async Task<Item> SaveAsync(string id, object payload, CancellationToken ct)
    {
        var attempt = 0;
        while (attempt < 5)
        {
            try
            {
                return await cms.UpdateAsync(id, payload, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                attempt++;
                if (ex.RetryKind == DatoCmsRetryKind.RateLimit)
                {
                    await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(3), ct);
                }
            }
        }

        throw new TimeoutException("gave up");
    }
}
