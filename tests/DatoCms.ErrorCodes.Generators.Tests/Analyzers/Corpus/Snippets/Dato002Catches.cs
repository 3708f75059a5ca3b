//// ArticleServiceLogsAndReturnsNull
public sealed class ArticleService(IContentClient client, ILogger logger)
{
    public async Task<Item?> RenameAsync(string id, string title, CancellationToken ct)
    {
        try
        {
            var item = await client.GetItemAsync(id, ct);
            return await client.UpdateItemAsync(item with { Title = title }, ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogError(ex, "Renaming {Id} failed", id);
            return null;
        }
    }
}
//// LogMessageMentionsCodeAndTransience
public sealed class PublishingService(IContentClient client, ILogger logger)
{
    public async Task<bool> PublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
            return true;
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogWarning("Publishing {Id} failed with {Code} (transient: {Transient})", id, ex.Code, ex.IsTransient);
            return false;
        }
    }
}
//// ThrowsOnlyOnUnauthorized
public sealed class SyncService(IContentClient client, ILogger logger)
{
    public async Task<IReadOnlyList<Item>> LoadAsync(CancellationToken ct)
    {
        try
        {
            return await client.ListItemsAsync(ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            if (ex.StatusCode == 401)
            {
                throw new UnauthorizedAccessException("The API token was rejected", ex);
            }

            logger.LogError(ex, "Listing items failed");
            return Array.Empty<Item>();
        }
    }
}
//// ExceptionFilteredToApiException
public sealed class ImportJob(IContentClient client, ILogger logger)
{
    public async Task<Item?> ImportAsync(Item item, CancellationToken ct)
    {
        try
        {
            return await client.UpdateItemAsync(item, ct);
        }
        {|DATO002:catch (Exception ex)|} when (ex is DatoCmsApiException)
        {
            logger.LogError(ex, "Import of {Id} failed", item.Id);
            return null;
        }
    }
}
//// TransientBaseCaughtAndDropped
public sealed class CacheWarmer(IContentClient client, ILogger logger)
{
    public async Task WarmAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.GetItemAsync(id, ct);
        }
        {|DATO002:catch (DatoCmsTransientApiException ex)|}
        {
            logger.LogWarning(ex, "Warming {Id} skipped", id);
        }
    }
}
//// EmptyCatchAroundPublish
public static class Publisher
{
    public static async Task PublishQuietlyAsync(IContentClient client, string id)
    {
        try
        {
            await client.PublishAsync(id);
        }
        {|DATO002:catch (DatoCmsApiException)|}
        {
        }
    }
}
//// ForEachRecordsFailures
public sealed class BulkPublisher(IContentClient client)
{
    public async Task<List<string>> PublishAllAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var failed = new List<string>();
        foreach (var id in ids)
        {
            try
            {
                await client.PublishAsync(id, ct);
            }
            {|DATO002:catch (DatoCmsApiException)|}
            {
                failed.Add(id);
            }
        }

        return failed;
    }
}
//// NotFoundHandledRestDropped
public sealed class ItemReader(IContentClient client, ILogger logger)
{
    public async Task<Item?> FindAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            if (ex.Code == DatoCmsErrorCode.NotFound)
            {
                return null;
            }

            logger.LogError(ex, "Reading {Id} failed", id);
            return null;
        }
    }
}
//// FilterExcludesOnlyNotFound
public sealed class ItemReaderWithFilter(IContentClient client, ILogger logger)
{
    public async Task<Item?> FindAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|} when (ex.Code != DatoCmsErrorCode.NotFound)
        {
            logger.LogError(ex, "Reading {Id} failed", id);
            return null;
        }
    }
}
//// ConsoleWriteAndEmptyList
public static class Listing
{
    public static async Task<IReadOnlyList<Item>> ListOrEmptyAsync(IContentClient client)
    {
        try
        {
            return await client.ListItemsAsync();
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            Console.WriteLine($"DatoCMS said {ex.ApiCode}");
            return Array.Empty<Item>();
        }
    }
}
//// OneShotBackgroundService
public sealed class StartupSync(IContentClient client, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var items = await client.ListItemsAsync(stoppingToken);
            logger.LogInformation("Synced {Count} items", items.Count);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogError(ex, "Initial sync failed");
        }
    }
}
//// TaskCompletionSourceGetsNull
public sealed class PendingSave(IContentClient client, ILogger logger)
{
    private readonly TaskCompletionSource<Item?> _done = new();

    public Task<Item?> Completion => _done.Task;

    public async Task RunAsync(Item item)
    {
        try
        {
            _done.SetResult(await client.UpdateItemAsync(item));
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogError(ex, "Save failed");
            _done.SetResult(null);
        }
    }
}
//// ResultCarriesOnlyTheMessage
public sealed record Result<T>(T? Value, string? Error)
{
    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(string error) => new(default, error);
}

public sealed class ResultService(IContentClient client)
{
    public async Task<Result<Item>> GetAsync(string id, CancellationToken ct)
    {
        try
        {
            return Result<Item>.Ok(await client.GetItemAsync(id, ct));
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            return Result<Item>.Fail(ex.Message);
        }
    }
}
//// TopLevelProgramPrintsError
var client = new HttpClient { BaseAddress = new Uri("https://site-api.datocms.com/") };
try
{
    using var response = await client.PostAsync("items/42/publish", new StringContent("{}"));
    await response.EnsureDatoCmsSuccessAsync();
}
{|DATO002:catch (DatoCmsApiException ex)|}
{
    Console.Error.WriteLine("Publish failed: " + ex.Message);
}
//// FireAndForgetLambda
public sealed class Notifier(IContentClient client, ILogger logger)
{
    public void TouchInBackground(string id)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await client.PublishAsync(id);
            }
            {|DATO002:catch (DatoCmsApiException ex)|}
            {
                logger.LogError(ex, "Background publish of {Id} failed", id);
            }
        });
    }
}
//// LocalFunctionReturnsFalse
public static class Batch
{
    public static async Task<int> PublishAsync(IContentClient client, IReadOnlyList<string> ids, ILogger logger)
    {
        var published = 0;
        foreach (var id in ids)
        {
            if (await TryPublish(id))
            {
                published++;
            }
        }

        return published;

        async Task<bool> TryPublish(string id)
        {
            try
            {
                await client.PublishAsync(id);
                return true;
            }
            {|DATO002:catch (DatoCmsApiException ex)|}
            {
                logger.LogWarning(ex, "Skipping {Id}", id);
                return false;
            }
        }
    }
}
//// FinallyDoesNotRescue
public sealed class LockedEditor(IContentClient client, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task EditAsync(Item item, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await client.UpdateItemAsync(item, ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogError(ex, "Edit failed");
        }
        finally
        {
            _gate.Release();
        }
    }
}
//// ThrowOnPermissionOnlyByCode
public sealed class Guarded(IContentClient client, ILogger logger)
{
    public async Task<Item?> GetAsync(string id)
    {
        try
        {
            return await client.GetItemAsync(id);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            if (ex.Code == DatoCmsErrorCode.InsufficientPermissions)
            {
                throw new InvalidOperationException("The token lacks permissions", ex);
            }

            logger.LogWarning(ex, "Get failed");
            return null;
        }
    }
}
//// SwallowInsideUsing
public sealed class Exporter(IContentClient client, ILogger logger)
{
    public async Task ExportAsync(string path, CancellationToken ct)
    {
        using var writer = new System.IO.StreamWriter(path);
        try
        {
            foreach (var item in await client.ListItemsAsync(ct))
            {
                await writer.WriteLineAsync(item.Title);
            }
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogError(ex, "Export stopped early");
        }
    }
}
//// RethrowsAfterLogging
public sealed class RethrowingService(IContentClient client, ILogger logger)
{
    public async Task<Item> GetAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogError(ex, "Get {Id} failed", id);
            throw;
        }
    }
}
//// WrapsWithInnerException
public sealed class ContentSyncException(string message, Exception inner) : Exception(message, inner);

public sealed class WrappingService(IContentClient client)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            throw new ContentSyncException($"Publishing {id} failed", ex);
        }
    }
}
//// FilterNotTransient
public sealed class FilteredReader(IContentClient client, ILogger logger)
{
    public async Task<Item?> GetAsync(string id)
    {
        try
        {
            return await client.GetItemAsync(id);
        }
        catch (DatoCmsApiException ex) when (!ex.IsTransient)
        {
            logger.LogWarning(ex, "Item {Id} cannot be read", id);
            return null;
        }
    }
}
//// FilterIsNotTransientType
public sealed class FilteredByType(IContentClient client, ILogger logger)
{
    public async Task<bool> TryPublishAsync(string id)
    {
        try
        {
            await client.PublishAsync(id);
            return true;
        }
        catch (DatoCmsApiException ex) when (ex is not DatoCmsTransientApiException)
        {
            logger.LogWarning(ex, "Not publishable");
            return false;
        }
    }
}
//// FilterOnPermanentCode
public sealed class ValidationAware(IContentClient client, ILogger logger)
{
    public async Task<Item?> SaveAsync(Item item)
    {
        try
        {
            return await client.UpdateItemAsync(item);
        }
        catch (DatoCmsApiException ex) when (ex.Code == DatoCmsErrorCode.InvalidField)
        {
            logger.LogWarning(ex, "Validation failed for {Id}", item.Id);
            return null;
        }
    }
}
//// EarlierCatchTakesTransient
public sealed class TwoCatches(IContentClient client, ILogger logger)
{
    public async Task<Item?> SaveAsync(Item item, CancellationToken ct)
    {
        try
        {
            return await client.UpdateItemAsync(item, ct);
        }
        catch (DatoCmsTransientApiException)
        {
            throw;
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogError(ex, "Save failed permanently");
            return null;
        }
    }
}
//// PermanentExceptionType
public sealed class NotFoundIsNull(IContentClient client)
{
    public async Task<Item?> FindAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
//// SpecificTransientTypeIsDeliberate
public sealed class LockAware(IContentClient client, ILogger logger)
{
    public async Task<bool> TryEditAsync(Item item)
    {
        try
        {
            await client.UpdateItemAsync(item);
            return true;
        }
        catch (ItemLockedException ex)
        {
            logger.LogInformation("Item {Id} is being edited by someone else: {Message}", item.Id, ex.Message);
            return false;
        }
    }
}
//// ResultTypeCarriesException
public sealed record Outcome(Item? Item, Exception? Error);

public sealed class OutcomeService(IContentClient client)
{
    public async Task<Outcome> GetAsync(string id)
    {
        try
        {
            return new Outcome(await client.GetItemAsync(id), null);
        }
        catch (DatoCmsApiException ex)
        {
            return new Outcome(null, ex);
        }
    }
}
//// OutParameter
public static class SyncBridge
{
    public static bool TryPublish(IContentClient client, string id, out DatoCmsApiException? error)
    {
        try
        {
            client.PublishAsync(id).GetAwaiter().GetResult();
            error = null;
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            error = ex;
            return false;
        }
    }
}
//// TaskCompletionSourceSetException
public sealed class Completion(IContentClient client)
{
    private readonly TaskCompletionSource<Item> _result = new();

    public Task<Item> Result => _result.Task;

    public async Task StartAsync(string id)
    {
        try
        {
            _result.SetResult(await client.GetItemAsync(id));
        }
        catch (DatoCmsApiException ex)
        {
            _result.SetException(ex);
        }
    }
}
//// DispatchInfoThrowInCatch
public sealed class Dispatching(IContentClient client, ILogger logger)
{
    public async Task PublishAsync(string id)
    {
        try
        {
            await client.PublishAsync(id);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogError(ex, "Publish failed");
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex).Throw();
        }
    }
}
//// DispatchInfoThrownAfterCleanup
using System.Runtime.ExceptionServices;

public sealed class Staging(IContentClient client)
{
    public async Task PublishWithCleanupAsync(string id, Func<Task> cleanup)
    {
        ExceptionDispatchInfo? failure = null;
        try
        {
            await client.PublishAsync(id);
        }
        catch (DatoCmsApiException ex)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }

        await cleanup();
        failure?.Throw();
    }
}
//// GuardRethrowsTransient
public sealed class GuardedService(IContentClient client, ILogger logger)
{
    public async Task<Item?> GetAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            if (ex.IsTransient)
            {
                throw;
            }

            logger.LogWarning(ex, "Giving up on {Id}", id);
            return null;
        }
    }
}
//// FilterOrPatternOfPermanentCodes
public sealed class OptionalLinks(IContentClient client)
{
    public async Task<Item?> ResolveAsync(string id)
    {
        try
        {
            return await client.GetItemAsync(id);
        }
        catch (DatoCmsApiException ex) when (ex.Code is DatoCmsErrorCode.NotFound or DatoCmsErrorCode.UnpublishedLink)
        {
            return null;
        }
    }
}
//// PollingWorkerWaitsAtTheBottom
public sealed class PollingWorker(IContentClient client, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var items = await client.ListItemsAsync(stoppingToken);
                logger.LogInformation("Polled {Count} items", items.Count);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogError(ex, "Polling failed; trying again in a minute");
            }

            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }
}
//// PeriodicTimerWorker
public sealed class TimerWorker(IContentClient client, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await client.PublishAsync("scheduled", stoppingToken);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogWarning(ex, "Scheduled publish failed; the next tick retries");
            }
        }
    }
}
//// RetryLoopWithDelayInFilteredCatch
public static class Retrying
{
    public static async Task<Item> GetAsync(IContentClient client, string id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && attempt < 5)
            {
                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt), ct);
            }
        }
    }
}
//// CatchAllExceptionIsOutOfScope
public sealed class Generic(IContentClient client, ILogger logger)
{
    public async Task TouchAsync(string id)
    {
        try
        {
            await client.PublishAsync(id);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Touch failed");
        }
    }
}
//// ThrowsConditionalWrapper
public sealed class RetryLaterException(Exception inner) : Exception("retry later", inner);
public sealed class PermanentFailureException(Exception inner) : Exception("permanent", inner);

public sealed class Classifier(IContentClient client)
{
    public async Task PublishAsync(string id)
    {
        try
        {
            await client.PublishAsync(id);
        }
        catch (DatoCmsApiException ex)
        {
            throw ex.IsTransient ? new RetryLaterException(ex) : new PermanentFailureException(ex);
        }
    }
}
//// PropertyPatternFilterNotTransient
public sealed class PatternFilter(IContentClient client, ILogger logger)
{
    public async Task<Item?> GetAsync(string id)
    {
        try
        {
            return await client.GetItemAsync(id);
        }
        catch (DatoCmsApiException ex) when (ex is { IsTransient: false })
        {
            logger.LogWarning(ex, "Permanent failure");
            return null;
        }
    }
}
//// TypeTestOnTransientBaseRethrows
public sealed class TypeTest(IContentClient client, ILogger logger)
{
    public async Task<Item?> GetAsync(string id)
    {
        try
        {
            return await client.GetItemAsync(id);
        }
        catch (DatoCmsApiException ex)
        {
            if (ex is DatoCmsTransientApiException)
            {
                throw;
            }

            logger.LogWarning(ex, "Permanent failure");
            return null;
        }
    }
}
//// TupleWithException
public static class Tuples
{
    public static async Task<(Item? Item, DatoCmsApiException? Error)> TryGetAsync(IContentClient client, string id)
    {
        try
        {
            return (await client.GetItemAsync(id), null);
        }
        catch (DatoCmsApiException ex)
        {
            return (null, ex);
        }
    }
}
//// RetryKindNoneFilter
public sealed class RetryKindFilter(IContentClient client, ILogger logger)
{
    public async Task<bool> SaveAsync(Item item)
    {
        try
        {
            await client.UpdateItemAsync(item);
            return true;
        }
        catch (DatoCmsApiException ex) when (ex.RetryKind == DatoCmsRetryKind.None)
        {
            logger.LogWarning(ex, "Rejected");
            return false;
        }
    }
}
//// MetricsThenRethrow
public sealed class Metered(IContentClient client)
{
    private int _failures;

    public async Task<Item> GetAsync(string id)
    {
        try
        {
            return await client.GetItemAsync(id);
        }
        catch (DatoCmsApiException)
        {
            Interlocked.Increment(ref _failures);
            throw;
        }
    }
}
//// FaultedTaskReturned
public sealed class Faulting(IContentClient client)
{
    public Task<Item> GetAsync(string id)
    {
        try
        {
            return client.GetItemAsync(id);
        }
        catch (DatoCmsApiException ex)
        {
            return Task.FromException<Item>(ex);
        }
    }
}
//// LastErrorThrownAfterRetries
public static class LastError
{
    public static async Task<Item> UpdateAsync(IContentClient client, Item item, CancellationToken ct)
    {
        DatoCmsApiException? last = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                last = ex;
                await Task.Delay(TimeSpan.FromSeconds(1 << attempt), ct);
            }
        }

        throw new TimeoutException("DatoCMS stayed busy", last);
    }
}
//// FailuresQueuedOnAFieldForTheReport
using System.Collections.Concurrent;

public sealed class NightlySync(IContentClient client, ILogger logger)
{
    private readonly ConcurrentQueue<Exception> _failures = new();

    public IReadOnlyCollection<Exception> Failures => _failures;

    public async Task SyncAsync(string id, CancellationToken ct)
    {
        try
        {
            var item = await client.GetItemAsync(id, ct);
            await client.UpdateItemAsync(item with { Version = item.Version + 1 }, ct);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogWarning(ex, "Syncing {Id} failed; reported at the end of the run", id);
            _failures.Enqueue(ex);
        }
    }
}
//// StepOutcomesEnqueuedOnTheCallersRecord
using System.Collections.Concurrent;

public sealed record StepResult(string Step, string ItemId, Exception? Error);

public sealed class PublishRun
{
    public ConcurrentQueue<StepResult> Steps { get; } = new();
}

public sealed class Publisher(IContentClient client)
{
    public async Task PublishAsync(string id, PublishRun outcomes, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
            outcomes.Steps.Enqueue(new StepResult("publish", id, null));
        }
        catch (DatoCmsApiException ex)
        {
            outcomes.Steps.Enqueue(new StepResult("publish", id, ex));
        }
    }
}
//// FailuresWrittenToAnInjectedChannel
using System.Threading.Channels;

public sealed record ItemFailure(string ItemId, DatoCmsApiException Error);

public sealed class ItemPump(IContentClient client, ChannelWriter<ItemFailure> failures)
{
    public async Task PumpAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            try
            {
                await client.PublishAsync(id, ct);
            }
            catch (DatoCmsApiException ex)
            {
                await failures.WriteAsync(new ItemFailure(id, ex), ct);
            }
        }
    }
}
//// FailuresCollectedInAListThatDiesWithTheCatch
public sealed class TitleFixer(IContentClient client, ILogger logger)
{
    public async Task FixAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item with { Title = item.Title.Trim() }, ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            var problems = new List<Exception>();
            problems.Add(ex);
            logger.LogWarning("Fixing {Id} failed with {Count} problem(s)", item.Id, problems.Count);
        }
    }
}
//// FailuresCollectedInALocalListAndReturnedToTheCaller
public sealed class Republisher(IContentClient client)
{
    public async Task<List<Exception>> RepublishAllAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var failures = new List<Exception>();
        foreach (var id in ids)
        {
            try
            {
                await client.PublishAsync(id, ct);
            }
            catch (DatoCmsApiException ex)
            {
                failures.Add(ex);
            }
        }

        return failures;
    }
}
//// FailuresReturnedInTheBatchResult
public sealed record ItemFailure(string ItemId, DatoCmsApiException Error);

public sealed record BatchResult(int Published, IReadOnlyList<ItemFailure> Failures);

public static class BatchPublisher
{
    public static async Task<BatchResult> PublishAsync(IContentClient client, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var failures = new List<ItemFailure>();
        var published = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            try
            {
                await client.PublishAsync(ids[i], ct);
                published++;
            }
            catch (DatoCmsApiException ex)
            {
                failures.Add(new ItemFailure(ids[i], ex));
            }
        }

        return new BatchResult(published, failures);
    }
}
//// ApiErrorsAddedInBulkAndReturned
public sealed class TitleChecker(IContentClient client)
{
    public async Task<IReadOnlyList<DatoCmsApiError>> CheckTitlesAsync(IEnumerable<Item> items, CancellationToken ct)
    {
        var problems = new List<DatoCmsApiError>();
        foreach (var item in items)
        {
            try
            {
                await client.UpdateItemAsync(item with { Title = item.Title.Trim() }, ct);
            }
            catch (DatoCmsApiException ex)
            {
                problems.AddRange(ex.Errors);
            }
        }

        return problems;
    }
}
//// FailuresCollectedInALocalListOnlyCounted
public sealed class Unpublisher(IContentClient client, ILogger logger)
{
    public async Task<int> UnpublishAllAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var failures = new List<Exception>();
        foreach (var id in ids)
        {
            try
            {
                await client.PublishAsync(id, ct);
            }
            {|DATO002:catch (DatoCmsApiException ex)|}
            {
                failures.Add(ex);
            }
        }

        logger.LogInformation("{Count} items could not be unpublished", failures.Count);
        return failures.Count;
    }
}
