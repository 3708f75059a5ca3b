// EXPECT: none from DATO (throw ex propagates the same exception, stack trace lost; CA2200 territory, not DATO002).
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S10_AuditedWriter(ICmsClient cms, ILogger<S10_AuditedWriter> logger)
{
    public async Task WriteAsync(string id, object payload, CancellationToken ct)
    {
        try
        {
            await cms.UpdateAsync(id, payload, ct);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogError(ex, "Write of {Id} failed", id);
            throw ex;
        }
    }
}
