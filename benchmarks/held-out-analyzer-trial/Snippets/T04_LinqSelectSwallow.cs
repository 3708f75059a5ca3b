// EXPECT: DATO002 on the catch inside the Select lambda (maps failures to null).
using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed class T04_BulkReader(ICmsClient cms)
{
    public List<Item?> ReadAll(IEnumerable<string> ids) =>
        ids.Select(id =>
        {
            try
            {
                return cms.GetItem(id);
            }
            catch (DatoCmsApiException)
            {
                return null;
            }
        }).ToList();
}
