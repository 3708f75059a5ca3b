// EXPECT: none. Error stored in a field.
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T27_HealthProbe(ICmsClient cms)
{
    private DatoCmsApiException? _lastError;

    public DatoCmsApiException? LastError => _lastError;

    public async Task<bool> ProbeAsync(CancellationToken ct)
    {
        try
        {
            await cms.GetItemAsync("health", ct);
            _lastError = null;
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            _lastError = ex;
            return false;
        }
    }
}
