// EXPECT: none. Wait after the try/catch inside the loop body.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class T31_Retry(ICmsClient cms, ILogger<T31_Retry> logger)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                await cms.PublishAsync(id, ct);
                return;
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                logger.LogWarning(ex, "Attempt {Attempt} failed", attempt);
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
        }

        throw new TimeoutException("gave up");
    }
}
