// EXPECT: none. ExceptionDispatchInfo captured in the catch, thrown later (doc: "also captured in the catch and thrown later in the method").
using System.Runtime.ExceptionServices;
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S11_BatchPublisher(ICmsClient cms)
{
    public async Task PublishAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        ExceptionDispatchInfo? first = null;
        foreach (var id in ids)
        {
            try
            {
                await cms.PublishAsync(id, ct);
            }
            catch (DatoCmsApiException ex)
            {
                first ??= ExceptionDispatchInfo.Capture(ex);
            }
        }

        first?.Throw();
    }
}
