// EXPECT: none. while(!done) retry with Task.Delay(TimeSpan, TimeProvider, ct).
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S59_TestableRetry(ICmsClient cms, TimeProvider time)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        var done = false;
        var attempt = 0;
        while (!done)
        {
            try
            {
                await cms.PublishAsync(id, ct);
                done = true;
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                if (++attempt > 4) throw;
                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt), time, ct);
            }
        }
    }
}
