// EXPECT: DATO001 on `switch (ex.Code)` with `case A or B:` listing only permanent codes; default swallows.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S50_SchemaMigrator(ICmsClient cms, ILogger<S50_SchemaMigrator> logger)
{
    public async Task MigrateAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, new { schema = 2 }, ct);
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound or DatoCmsErrorCode.ItemTypeNotFound:
                    logger.LogInformation("Nothing to migrate for {Id}", id);
                    break;
                case DatoCmsErrorCode.InvalidField or DatoCmsErrorCode.MissingFields:
                    logger.LogWarning("Migration payload invalid for {Id}", id);
                    break;
                default:
                    logger.LogError(ex, "Migration failed for {Id}", id);
                    break;
            }
        }
    }
}
