// EXPECT: DATO002 on the catch in the Parallel.ForEachAsync body (logs, drops).
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S25_BulkPublisher(ICmsClient cms, ILogger<S25_BulkPublisher> logger)
{
    public Task PublishAllAsync(IEnumerable<string> ids, CancellationToken ct) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (id, token) =>
        {
            try
            {
                await cms.PublishAsync(id, token);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogWarning(ex, "Skipping {Id}", id);
            }
        });
}
