// EXPECT: none. Error stored in a field collection that outlives the catch (exposed for a report).
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class S60_ReportingImporter(ICmsClient cms)
{
    private readonly List<(string Id, DatoCmsApiException Error)> _errors = new();

    public IReadOnlyList<(string Id, DatoCmsApiException Error)> Errors => _errors;

    public async Task ImportAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            try
            {
                await cms.PublishAsync(id, ct);
            }
            catch (DatoCmsApiException ex)
            {
                _errors.Add((id, ex));
            }
        }
    }
}
