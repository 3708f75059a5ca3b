//// FilterIsNotTransientBaseType
public sealed class SeoService(IContentClient client, ILogger logger)
{
    public async Task<Item?> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex) when (ex is not DatoCmsTransientApiException)
        {
            logger.LogWarning(ex, "SEO data for {Id} unavailable", id);
            return null;
        }
    }
}
//// NonAsyncMethodReturnsFaultedTask
public sealed class CachedReader(IContentClient client)
{
    private readonly Dictionary<string, Item> _cache = new();

    public Task<Item> ReadAsync(string id)
    {
        try
        {
            if (_cache.TryGetValue(id, out var cached))
            {
                return Task.FromResult(cached);
            }

            return client.GetItemAsync(id);
        }
        catch (DatoCmsApiException ex)
        {
            return Task.FromException<Item>(ex);
        }
    }
}
//// TupleWithErrorReturned
public sealed class PairReader(IContentClient client)
{
    public async Task<(Item? Item, DatoCmsApiException? Error)> ReadAsync(string id, CancellationToken ct)
    {
        try
        {
            return (await client.GetItemAsync(id, ct), null);
        }
        catch (DatoCmsApiException ex)
        {
            return (null, ex);
        }
    }
}
//// LastErrorKeptInField
public sealed class StatusWidget(IContentClient client)
{
    public DatoCmsApiException? LastError { get; private set; }

    public async Task<int> CountAsync(CancellationToken ct)
    {
        try
        {
            var items = await client.ListItemsAsync(ct);
            LastError = null;
            return items.Count;
        }
        catch (DatoCmsApiException ex)
        {
            LastError = ex;
            return 0;
        }
    }
}
//// ThrowExRethrowsTheSameError
public sealed class OldStyleService(IContentClient client, ILogger logger)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogError(ex, "Publish failed");
            throw ex;
        }
    }
}
//// LoggingFilterThatNeverCatches
public sealed class TracingService(IContentClient client, ILogger logger)
{
    public async Task<Item> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex) when (LogAndContinue(ex))
        {
            throw new InvalidOperationException("Not reached: the filter is always false");
        }
    }

    private bool LogAndContinue(DatoCmsApiException ex)
    {
        logger.LogError(ex, "DatoCMS call failed");
        return false;
    }
}
//// AsyncVoidEventHandlerSwallows
public sealed class SaveButton(IContentClient client, ILogger logger)
{
    public Item Current { get; set; } = new("1", "Draft", 1);

    public async void OnClick(object? sender, EventArgs e)
    {
        try
        {
            Current = await client.UpdateItemAsync(Current);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogError(ex, "Saving from the editor failed");
        }
    }
}
//// RethrowsUnlessNotFound
public sealed class OptionalContent(IContentClient client)
{
    public async Task<Item?> FindAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            if (ex.Code != DatoCmsErrorCode.NotFound)
            {
                throw;
            }

            return null;
        }
    }
}
//// StaticDispatchInfoThrow
using System.Runtime.ExceptionServices;

public sealed class ContextPreservingService(IContentClient client, ILogger logger)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogWarning(ex, "Publish failed");
            ExceptionDispatchInfo.Throw(ex);
        }
    }
}
//// FilterListsTwoPermanentCodes
public sealed class FormValidator(IContentClient client)
{
    public async Task<string?> ValidateAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return null;
        }
        catch (DatoCmsApiException ex) when (ex.Code == DatoCmsErrorCode.InvalidField || ex.Code == DatoCmsErrorCode.UnpublishedLink)
        {
            return ex.Message;
        }
    }
}
//// FilterOnAuthStatusCodes
public sealed class TokenProbe(IContentClient client)
{
    public async Task<bool> TokenWorksAsync(CancellationToken ct)
    {
        try
        {
            await client.ListItemsAsync(ct);
            return true;
        }
        catch (DatoCmsApiException ex) when (ex.StatusCode is 401 or 403)
        {
            return false;
        }
    }
}
//// InnerCatchReturnsDefaultInsideHttpCatch
public sealed class NestedService(IContentClient client, ILogger logger)
{
    public async Task<Item?> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            {|DATO002:catch (DatoCmsApiException ex)|}
            {
                logger.LogWarning(ex, "Content error for {Id}", id);
                return default;
            }
        }
        catch (HttpRequestException ex)
        {
            logger.LogError(ex, "Network error for {Id}", id);
            throw;
        }
    }
}
//// ReturnsOnlyTheMessage
public sealed class PreviewService(IContentClient client)
{
    public async Task<string> PreviewAsync(string id, CancellationToken ct)
    {
        try
        {
            var item = await client.GetItemAsync(id, ct);
            return item.Title;
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            return "Preview unavailable: " + ex.Message;
        }
    }
}
//// ConstructorLoadsDefaultsOnFailure
public sealed class SiteSettings
{
    public IReadOnlyList<Item> Menu { get; }

    public SiteSettings(IContentClient client, ILogger logger)
    {
        try
        {
            Menu = client.ListItemsAsync().GetAwaiter().GetResult();
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogError(ex, "Using an empty menu");
            Menu = Array.Empty<Item>();
        }
    }
}
//// RetryKindNoneFilterOnly
public sealed class CommentService(IContentClient client, ILogger logger)
{
    public async Task<bool> PostAsync(Item comment, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(comment, ct);
            return true;
        }
        catch (DatoCmsApiException ex) when (ex.RetryKind == DatoCmsRetryKind.None)
        {
            logger.LogWarning(ex, "Comment rejected");
            return false;
        }
    }
}
//// ParallelForEachBodySwallows
public sealed class ParallelPublisher(IContentClient client, ILogger logger)
{
    public Task PublishAllAsync(IEnumerable<string> ids, CancellationToken ct) =>
        Parallel.ForEachAsync(ids, ct, async (id, token) =>
        {
            try
            {
                await client.PublishAsync(id, token);
            }
            {|DATO002:catch (DatoCmsApiException ex)|}
            {
                logger.LogError(ex, "Publishing {Id} failed", id);
            }
        });
}
//// SwitchExpressionFallbackThrowsWrapped
public sealed class ContentFailedException(string message, Exception inner) : Exception(message, inner);

public sealed class ArticleLoader(IContentClient client)
{
    public async Task<Item?> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            return ex.Code switch
            {
                DatoCmsErrorCode.NotFound => null,
                DatoCmsErrorCode.UnpublishedLink => null,
                _ => throw new ContentFailedException("Loading " + id + " failed", ex),
            };
        }
    }
}
//// OneTransientCaseListedOthersDropped
public sealed class LockingEditor(IContentClient client, ILogger logger)
{
    public async Task<bool> SaveAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            {|DATO001:switch (ex.Code)|}
            {
                case DatoCmsErrorCode.ItemLocked:
                    throw;
                case DatoCmsErrorCode.InvalidField:
                    logger.LogWarning(ex, "Invalid field in {Id}", item.Id);
                    return false;
                default:
                    logger.LogError(ex, "Saving {Id} failed", item.Id);
                    return false;
            }
        }
    }
}
//// PerErrorSwitchThenRethrow
public sealed class ErrorCollector(IContentClient client, ILogger logger)
{
    public async Task SaveAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
        }
        catch (DatoCmsApiException ex)
        {
            foreach (var error in ex.Errors)
            {
                switch (error.Code)
                {
                    case DatoCmsErrorCode.InvalidField:
                        logger.LogWarning("Invalid field: {Details}", error.DetailsJson);
                        break;
                    default:
                        logger.LogWarning("Error {Code}", error.Code);
                        break;
                }
            }

            throw;
        }
    }
}
//// SwitchDefaultReturnsFailedResultWithException
public sealed record Outcome(bool Ok, string? Message, Exception? Error);

public sealed class ImportStep(IContentClient client)
{
    public async Task<Outcome> RunAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return new Outcome(true, null, null);
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.InvalidField:
                    return new Outcome(false, "Invalid data", null);
                case DatoCmsErrorCode.NotFound:
                    return new Outcome(false, "Missing", null);
                default:
                    return new Outcome(false, null, ex);
            }
        }
    }
}
//// SwitchBreaksIntoWrappedThrow
public sealed class SyncFailedException(string message, Exception inner) : Exception(message, inner);

public sealed class ChannelSync(IContentClient client, ILogger logger)
{
    public async Task SyncAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound:
                    logger.LogInformation("Nothing to sync for {Id}", item.Id);
                    return;
                default:
                    break;
            }

            throw new SyncFailedException("Sync of " + item.Id + " failed", ex);
        }
    }
}
