// EXPECT: none. EDI captured with plain assignment, thrown later with an explicit null check.
using System.Runtime.ExceptionServices;
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T01_BatchPublisher(ICmsClient cms)
{
    public async Task PublishAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        ExceptionDispatchInfo? failure = null;
        foreach (var id in ids)
        {
            try
            {
                await cms.PublishAsync(id, ct);
            }
            catch (DatoCmsApiException ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }

        if (failure is not null)
        {
            failure.Throw();
        }
    }
}
