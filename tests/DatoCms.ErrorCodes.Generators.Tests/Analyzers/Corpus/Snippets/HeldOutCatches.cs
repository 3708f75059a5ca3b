//// ControllerReturnsBadGatewayOnAnyApiError
public sealed record ApiResult(int Status, object? Body);

public sealed class ItemsController(IContentClient client, ILogger logger)
{
    public async Task<ApiResult> Get(string id, CancellationToken ct)
    {
        try
        {
            return new ApiResult(200, await client.GetItemAsync(id, ct));
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogError(ex, "Loading {Id} failed", id);
            return new ApiResult(502, "The content service failed");
        }
    }
}
//// ControllerBranchesOnIsTransient
public sealed record ApiResult(int Status, object? Body, TimeSpan? RetryAfter = null);

public sealed class ArticlesController(IContentClient client, ILogger logger)
{
    public async Task<ApiResult> Publish(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
            return new ApiResult(204, null);
        }
        catch (DatoCmsApiException ex)
        {
            if (ex.IsTransient)
            {
                return new ApiResult(503, null, ex.RateLimitReset ?? TimeSpan.FromSeconds(5));
            }

            logger.LogWarning(ex, "Publishing {Id} was rejected", id);
            return new ApiResult(422, ex.Message);
        }
    }
}
//// MinimalApiHandlerMapsEveryErrorToNotFound
public sealed record ApiResult(int Status, object? Body);

public static class ItemEndpoints
{
    public static Func<string, CancellationToken, Task<ApiResult>> GetItem(IContentClient client) =>
        async (id, ct) =>
        {
            try
            {
                return new ApiResult(200, await client.GetItemAsync(id, ct));
            }
            {|DATO002:catch (DatoCmsApiException)|}
            {
                return new ApiResult(404, null);
            }
        };
}
//// QueueConsumerDropsMessageOnFailure
public sealed class WebhookConsumer(IContentClient client, ILogger logger, System.Collections.Concurrent.BlockingCollection<string> queue) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var id = queue.Take(stoppingToken);
            try
            {
                await client.PublishAsync(id, stoppingToken);
            }
            {|DATO002:catch (DatoCmsApiException ex)|}
            {
                logger.LogError(ex, "Could not publish {Id}; message dropped", id);
            }
        }
    }
}
//// PollingWorkerWaitsAfterEachRound
public sealed class MirrorWorker(IContentClient client, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var items = await client.ListItemsAsync(stoppingToken);
                logger.LogInformation("Mirrored {Count} items", items.Count);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogWarning(ex, "Mirroring failed; trying again next round");
            }

            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
        }
    }
}
//// TaskCompletionSourceTrySetException
public sealed class PublishRequest(IContentClient client)
{
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<bool> Completion => _completion.Task;

    public async Task RunAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
            _completion.TrySetResult(true);
        }
        catch (DatoCmsApiException ex)
        {
            _completion.TrySetException(ex);
        }
    }
}
//// ResultTypeCarriesTheException
public sealed record Result<T>(T? Value, DatoCmsApiException? Error)
{
    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(DatoCmsApiException error) => new(default, error);
}

public sealed class ItemReader(IContentClient client)
{
    public async Task<Result<Item>> ReadAsync(string id, CancellationToken ct)
    {
        try
        {
            return Result<Item>.Ok(await client.GetItemAsync(id, ct));
        }
        catch (DatoCmsApiException ex)
        {
            return Result<Item>.Fail(ex);
        }
    }
}
//// ResultTypeCarriesTheCode
public sealed record SaveOutcome(bool Saved, DatoCmsErrorCode? Failure);

public sealed class ItemWriter(IContentClient client, ILogger logger)
{
    public async Task<SaveOutcome> SaveAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return new SaveOutcome(true, null);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogWarning(ex, "Saving {Id} failed", item.Id);
            return new SaveOutcome(false, ex.Code);
        }
    }
}
//// SynchronousTryPatternWithOutError
public sealed class LegacyGateway(IContentClient client)
{
    public bool TryGet(string id, out Item? item, out DatoCmsApiException? error)
    {
        try
        {
            item = client.GetItemAsync(id).GetAwaiter().GetResult();
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
//// DispatchInfoThrownAfterCleanup
using System.Runtime.ExceptionServices;

public sealed class DraftPublisher(IContentClient client, ILogger logger)
{
    public async Task PublishDraftAsync(Item draft, CancellationToken ct)
    {
        ExceptionDispatchInfo? failure = null;
        try
        {
            await client.UpdateItemAsync(draft, ct);
            await client.PublishAsync(draft.Id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogWarning(ex, "Publishing draft {Id} failed", draft.Id);
            failure = ExceptionDispatchInfo.Capture(ex);
        }

        logger.LogInformation("Draft {Id} processed", draft.Id);
        failure?.Throw();
    }
}
//// ExceptionFilterWithPatternVariableLogsCode
public sealed class TranslationJob(IContentClient client, ILogger logger)
{
    public async Task<bool> TranslateAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item with { Title = item.Title.ToUpperInvariant() }, ct);
            return true;
        }
        {|DATO002:catch (Exception ex)|} when (ex is DatoCmsApiException api)
        {
            logger.LogWarning("Translation of {Id} failed with {Code}", item.Id, api.Code);
            return false;
        }
    }
}
//// FilterOnStatusCodeIsUndecided
public sealed class LinkChecker(IContentClient client)
{
    public async Task<bool> ExistsAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.GetItemAsync(id, ct);
            return true;
        }
        catch (DatoCmsApiException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }
}
//// FilterOrPatternOfPermanentCodes
public sealed class CleanupService(IContentClient client, ILogger logger)
{
    public async Task<Item?> FindAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex) when (ex.Code is DatoCmsErrorCode.NotFound or DatoCmsErrorCode.UnpublishedLink)
        {
            logger.LogInformation("Item {Id} is gone", id);
            return null;
        }
    }
}
//// LinqSelectAsyncLambdaReturnsFalse
public sealed class BulkPublisher(IContentClient client, ILogger logger)
{
    public async Task<int> PublishAllAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var results = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                await client.PublishAsync(id, ct);
                return true;
            }
            {|DATO002:catch (DatoCmsApiException ex)|}
            {
                logger.LogWarning(ex, "Publishing {Id} failed", id);
                return false;
            }
        }));
        return results.Count(published => published);
    }
}
//// SpecificTransientTypeCaughtDeliberately
public sealed class EditorSession(IContentClient client, ILogger logger)
{
    public async Task<Item?> SaveAsync(Item item, CancellationToken ct)
    {
        try
        {
            return await client.UpdateItemAsync(item, ct);
        }
        catch (ConcurrentItemUpdateException ex)
        {
            logger.LogInformation("Someone else saved {Id} first: {Message}", item.Id, ex.Message);
            return null;
        }
    }
}
//// PermanentExceptionTypeMappedToForbidden
public sealed record ApiResult(int Status, object? Body);

public sealed class SchemaController(IContentClient client)
{
    public async Task<ApiResult> List(CancellationToken ct)
    {
        try
        {
            return new ApiResult(200, await client.ListItemsAsync(ct));
        }
        catch (InsufficientPermissionsException)
        {
            return new ApiResult(403, null);
        }
    }
}
//// EarlierCatchRethrowsTransientBase
public sealed class CatalogService(IContentClient client, ILogger logger)
{
    public async Task<IReadOnlyList<Item>> LoadAsync(CancellationToken ct)
    {
        try
        {
            return await client.ListItemsAsync(ct);
        }
        catch (DatoCmsTransientApiException)
        {
            throw;
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogError(ex, "The catalog could not be loaded");
            return Array.Empty<Item>();
        }
    }
}
//// TypeTestOnTransientBaseRethrows
public sealed class ImageImporter(IContentClient client, ILogger logger)
{
    public async Task<bool> ImportAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            if (ex is DatoCmsTransientApiException)
            {
                throw;
            }

            logger.LogWarning(ex, "Import of {Id} rejected", item.Id);
            return false;
        }
    }
}
//// RetryKindNoneBranchDrops
public sealed class SlugUpdater(IContentClient client, ILogger logger)
{
    public async Task<bool> UpdateAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            if (ex.RetryKind != DatoCmsRetryKind.None)
            {
                throw;
            }

            logger.LogWarning(ex, "Slug of {Id} rejected", item.Id);
            return false;
        }
    }
}
//// TopLevelReportFallsBackToEmptyList
IContentClient client = Clients.Create();
IReadOnlyList<Item> items;
try
{
    items = await client.ListItemsAsync();
}
{|DATO002:catch (DatoCmsApiException ex)|}
{
    Console.Error.WriteLine($"Listing failed: {ex.ApiCode} (transient: {ex.IsTransient})");
    items = Array.Empty<Item>();
}

foreach (var item in items)
{
    Console.WriteLine(item.Title);
}

static class Clients
{
    public static IContentClient Create() => throw new NotSupportedException("configured elsewhere");
}
//// ConditionalOnIsTransientReturnsRetryDecision
public enum SyncDecision { Done, RetryLater, Skip }

public sealed class RecordSync(IContentClient client)
{
    public async Task<SyncDecision> SyncAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return SyncDecision.Done;
        }
        catch (DatoCmsApiException ex)
        {
            return ex.IsTransient ? SyncDecision.RetryLater : SyncDecision.Skip;
        }
    }
}
//// ForEachCatchesTransientBaseAndContinues
public sealed class NightlyPublisher(IContentClient client, ILogger logger)
{
    public async Task PublishAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            try
            {
                await client.PublishAsync(id, ct);
            }
            {|DATO002:catch (DatoCmsTransientApiException ex)|}
            {
                logger.LogWarning(ex, "Skipping {Id} for tonight", id);
            }
        }
    }
}
//// FilterNotTransientCombinedWithStatus
public sealed class AuditService(IContentClient client, ILogger logger)
{
    public async Task<Item?> TryLoadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex) when (!ex.IsTransient && ex.StatusCode != 401)
        {
            logger.LogWarning(ex, "Audit could not load {Id}", id);
            return null;
        }
    }
}
//// ThrowsWrappedThroughHelper
public sealed class ContentUnavailableException(string message, Exception inner) : Exception(message, inner);

public sealed class PageRenderer(IContentClient client)
{
    public async Task<string> RenderAsync(string id, CancellationToken ct)
    {
        try
        {
            var item = await client.GetItemAsync(id, ct);
            return "<h1>" + item.Title + "</h1>";
        }
        catch (DatoCmsApiException ex)
        {
            throw Unavailable(id, ex);
        }
    }

    private static ContentUnavailableException Unavailable(string id, DatoCmsApiException ex) =>
        new("Page " + id + " could not be rendered", ex);
}
//// CollectsFailuresAndThrowsAggregate
public sealed class BatchUpdater(IContentClient client)
{
    public async Task UpdateAllAsync(IReadOnlyList<Item> items, CancellationToken ct)
    {
        var failures = new List<Exception>();
        foreach (var item in items)
        {
            try
            {
                await client.UpdateItemAsync(item, ct);
            }
            catch (DatoCmsApiException ex)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Some items were not updated", failures);
        }
    }
}
//// ThrowsOnlyForPermissionsDropsTheRest
public sealed class RoleSync(IContentClient client, ILogger logger)
{
    public async Task SyncAsync(Item role, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(role, ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            if (ex.Code == DatoCmsErrorCode.InsufficientPermissions)
            {
                throw new UnauthorizedAccessException("The token cannot manage roles", ex);
            }

            logger.LogError(ex, "Role {Id} not synced", role.Id);
        }
    }
}
