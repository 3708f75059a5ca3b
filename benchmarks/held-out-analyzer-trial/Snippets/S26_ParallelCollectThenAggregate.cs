// EXPECT: none. Errors added to a local ConcurrentBag declared outside the catch, thrown later in an AggregateException.
using System.Collections.Concurrent;
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S26_BulkPublisherCollecting(ICmsClient cms)
{
    public async Task PublishAllAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var failures = new ConcurrentBag<Exception>();
        await Parallel.ForEachAsync(ids, ct, async (id, token) =>
        {
            try
            {
                await cms.PublishAsync(id, token);
            }
            catch (DatoCmsApiException ex)
            {
                failures.Add(ex);
            }
        });

        if (!failures.IsEmpty)
        {
            throw new AggregateException("Some items failed to publish", failures);
        }
    }
}
