// EXPECT: DATO002: mentions ex.Code / ex.IsTransient only in the log message.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class T25_Handler(ICmsClient cms, ILogger<T25_Handler> logger)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.PublishAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogError("Publish {Id} failed with {Code} (transient: {Transient})", id, ex.Code, ex.IsTransient);
        }
    }
}
