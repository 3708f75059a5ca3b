// EXPECT: none. `if (ex is { IsTransient: true }) throw;` then log (DATO002 doc "Not reported" example).
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S05_TitleUpdater(ICmsClient cms, ILogger<S05_TitleUpdater> logger)
{
    public async Task<bool> TryRenameAsync(string id, string title, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, new { title }, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            if (ex is { IsTransient: true })
            {
                throw;
            }

            logger.LogWarning(ex, "Rename of {Id} rejected", id);
            return false;
        }
    }
}
