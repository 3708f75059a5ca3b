// EXPECT: DATO004: do/while(!done && attempts < 3) retry with no wait.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S20_Publisher(ICmsClient cms, ILogger<S20_Publisher> logger)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        var done = false;
        var attempts = 0;
        do
        {
            try
            {
                await cms.PublishAsync(id, ct);
                done = true;
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                attempts++;
                logger.LogInformation(ex, "Publish of {Id} hit {Code}, attempt {Attempt}", id, ex.Code, attempts);
            }
        }
        while (!done && attempts < 3);
    }
}
