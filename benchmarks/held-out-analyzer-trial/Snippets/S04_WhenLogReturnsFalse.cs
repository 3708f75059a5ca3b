// EXPECT: none. `when (Log(ex))` where Log always returns false: the catch body never runs,
// the exception propagates. At worst an unclassifiable filter (doc: "a filter we cannot classify ... not reported").
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S04_LoggingFilterService(ICmsClient cms, ILogger<S04_LoggingFilterService> logger)
{
    public async Task<Item> SaveAsync(string id, object payload, CancellationToken ct)
    {
        try
        {
            return await cms.UpdateAsync(id, payload, ct);
        }
        catch (DatoCmsApiException ex) when (Log(ex))
        {
            throw new InvalidOperationException("unreachable");
        }
    }

    private bool Log(DatoCmsApiException ex)
    {
        logger.LogError(ex, "DatoCMS update failed: {Code}", ex.ApiCode);
        return false;
    }
}
