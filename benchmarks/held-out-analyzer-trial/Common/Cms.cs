using DatoCms.ErrorCodes;

namespace Trial4;

internal sealed record Item(string Id, string Title);
internal sealed record Job(string ItemId, int Attempt = 0);

internal interface ICmsClient
{
    Task<Item?> GetItemAsync(string id, CancellationToken ct);
    Task<Item> UpdateAsync(string id, object payload, CancellationToken ct);
    Task PublishAsync(string id, CancellationToken ct);
    Item GetItem(string id);
}

internal sealed class CatalogSyncException(string message, Exception inner) : Exception(message, inner);

internal static class RetryRules
{
    // Lives in another file than its callers on purpose.
    public static bool IsRetryable(DatoCmsApiException ex) => ex.StatusCode >= 500;
}

internal interface IBackoff
{
    Task WaitAsync(int attempt, CancellationToken ct);
}
