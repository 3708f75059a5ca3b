// EXPECT: DATO002: ImmutableList field's Add result discarded.
using System.Collections.Immutable;
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T26_Importer(ICmsClient cms)
{
    private readonly ImmutableList<Exception> _failures = ImmutableList<Exception>.Empty;

    public IReadOnlyList<Exception> Failures => _failures;

    public async Task ImportAsync(string id, CancellationToken ct)
    {
        try
        {
            await cms.PublishAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            _failures.Add(ex);
        }
    }
}
