// EXPECT: none. TryGet pattern: the error goes to an out parameter.
using System.Diagnostics.CodeAnalysis;
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T10_TryReader(ICmsClient cms)
{
    public bool TryRead(string id, [NotNullWhen(true)] out Item? item, out DatoCmsApiException? error)
    {
        try
        {
            item = cms.GetItem(id);
            error = null;
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            item = null;
            error = ex;
            return false;
        }
    }
}
