// EXPECT: none. tcs.SetException(ex) propagates.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S47_CallbackBridge(ICmsClient cms)
{
    public Task<Item?> GetViaCallback(string id)
    {
        var tcs = new TaskCompletionSource<Item?>(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.QueueUserWorkItem(_ =>
        {
            try
            {
                tcs.SetResult(cms.GetItem(id));
            }
            catch (DatoCmsApiException ex)
            {
                tcs.SetException(ex);
            }
        });
        return tcs.Task;
    }
}
