// EXPECT: DATO002: errors added to a local list of which only the Count leaves the method.
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class S45_NightlyImport(ICmsClient cms, ILogger<S45_NightlyImport> logger)
{
    public async Task<int> RunAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var failures = new List<DatoCmsApiException>();
        var ok = 0;
        foreach (var id in ids)
        {
            try
            {
                await cms.PublishAsync(id, ct);
                ok++;
            }
            catch (DatoCmsApiException ex)
            {
                failures.Add(ex);
            }
        }

        logger.LogInformation("{Ok} published, {Failed} failed", ok, failures.Count);
        return ok;
    }
}
