// EXPECT: none. Task.Delay(...).WaitAsync(ct) as the wait, attempt guard before.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S64_Waiter(ICmsClient cms)
{
    public async Task<Item?> GetAsync(string id, CancellationToken ct)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                return await cms.GetItemAsync(id, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                if (attempt++ == 3) throw;
                await Task.Delay(TimeSpan.FromSeconds(1 << attempt)).WaitAsync(ct);
            }
        }
    }
}
