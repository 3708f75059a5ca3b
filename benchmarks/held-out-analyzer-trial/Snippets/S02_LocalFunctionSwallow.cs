// EXPECT: DATO002 on catch in the local function (logs and drops every API error).
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S02_PublishService(ICmsClient cms, ILogger<S02_PublishService> logger)
{
    public async Task PublishAllAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            await PublishOneAsync(id);
        }

        async Task PublishOneAsync(string id)
        {
            try
            {
                await cms.PublishAsync(id, ct);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogError(ex, "Could not publish {Id}", id);
            }
        }
    }
}
