// EXPECT: none. Synchronous retry with Thread.Sleep; permanent errors rethrown.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S58_LegacyCli(ICmsClient cms)
{
    public Item Fetch(string id)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return cms.GetItem(id);
            }
            catch (DatoCmsApiException ex)
            {
                if (!ex.IsTransient || attempt == 5) throw;
                Thread.Sleep(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt));
            }
        }
    }
}
