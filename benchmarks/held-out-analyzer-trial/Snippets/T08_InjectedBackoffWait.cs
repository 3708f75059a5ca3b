// EXPECT: none. The wait is `_backoff.WaitAsync(...)` on an interface declared in another file ("a method in another file counts when its name says ... Wait").
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T08_Retry(ICmsClient cms, IBackoff backoff)
{
    public async Task<Item> SaveAsync(string id, object payload, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await cms.UpdateAsync(id, payload, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && attempt < 5)
            {
                await backoff.WaitAsync(attempt, ct);
            }
        }
    }
}
