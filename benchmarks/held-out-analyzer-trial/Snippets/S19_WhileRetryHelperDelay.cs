// EXPECT: none. The wait is in an expression-bodied helper of the same file (doc: "a method of the same file that waits, one level deep").
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S19_Updater(ICmsClient cms)
{
    public async Task<Item> UpdateAsync(string id, object payload, CancellationToken ct)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                return await cms.UpdateAsync(id, payload, ct);
            }
            catch (DatoCmsTransientApiException ex)
            {
                if (++attempt >= 5) throw;
                await PauseAsync(ex, attempt, ct);
            }
        }
    }

    private static Task PauseAsync(DatoCmsApiException ex, int attempt, CancellationToken ct) =>
        Task.Delay(ex.RateLimitReset ?? TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), ct);
}
