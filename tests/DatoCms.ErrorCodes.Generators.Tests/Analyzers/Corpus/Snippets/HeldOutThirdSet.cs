//// Third: Catalog service logs the failure and rethrows it
public sealed class CatalogService(IContentClient client, ILogger logger)
{
    public async Task<Item> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogError(ex, "Loading item {Id} failed with {Code}", id, ex.Code);
            throw;
        }
    }
}
//// Third: Import job wraps the API failure with the inner exception
public sealed class ImportFailedException(string message, Exception inner) : Exception(message, inner);

public static class ImportJob
{
    public static async Task RunAsync(IContentClient client, IEnumerable<Item> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            try
            {
                await client.UpdateItemAsync(item, ct);
            }
            catch (DatoCmsApiException ex)
            {
                throw new ImportFailedException($"Import stopped at item {item.Id}", ex);
            }
        }
    }
}
//// Third: Menu fallback behind a filter that lets transient errors pass
public sealed class NavigationService(IContentClient client, ILogger logger)
{
    private static readonly IReadOnlyList<Item> Empty = Array.Empty<Item>();

    public async Task<IReadOnlyList<Item>> MenuAsync(CancellationToken ct)
    {
        try
        {
            return await client.ListItemsAsync(ct);
        }
        catch (DatoCmsApiException ex) when (ex is not DatoCmsTransientApiException)
        {
            logger.LogError(ex, "Menu unavailable: {Code}", ex.Code);
            return Empty;
        }
    }
}
//// Third: Archive action lets an earlier catch rethrow transient errors
public sealed class ArchiveService(IContentClient client, ILogger logger)
{
    public async Task<bool> ArchiveAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item with { Title = "[archived] " + item.Title }, ct);
            return true;
        }
        catch (DatoCmsTransientApiException)
        {
            throw;
        }
        catch (DatoCmsApiException ex)
        {
            logger.LogWarning(ex, "Item {Id} could not be archived", item.Id);
            return false;
        }
    }
}
//// Third: Editor save reports a locked item as busy on purpose
public enum SaveOutcome
{
    Saved,
    Busy,
}

public sealed class EditorSaveHandler(IContentClient client, ILogger logger)
{
    public async Task<SaveOutcome> SaveAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return SaveOutcome.Saved;
        }
        catch (ItemLockedException ex)
        {
            logger.LogInformation("Item {Id} is open in another editor ({Code})", item.Id, ex.Code);
            return SaveOutcome.Busy;
        }
    }
}
//// Third: Extension method returns the failure inside a result type
public abstract record FetchResult
{
    public sealed record Found(Item Item) : FetchResult;

    public sealed record Failed(DatoCmsApiException Error) : FetchResult;
}

public static class ContentClientResultExtensions
{
    public static async Task<FetchResult> TryGetAsync(this IContentClient client, string id, CancellationToken ct = default)
    {
        try
        {
            return new FetchResult.Found(await client.GetItemAsync(id, ct));
        }
        catch (DatoCmsApiException ex)
        {
            return new FetchResult.Failed(ex);
        }
    }
}
//// Third: Scheduled sync worker logs and waits for the next round
public sealed class ScheduledSyncWorker(IContentClient client, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var items = await client.ListItemsAsync(stoppingToken);
                logger.LogInformation("Synced {Count} items", items.Count);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogError(ex, "Sync round failed; the next round will try again");
            }

            await Task.Delay(TimeSpan.FromMinutes(2), stoppingToken);
        }
    }
}
//// Third: Bulk publisher moves on to the next item after a transient failure
public sealed class BulkPublisher(IContentClient client, ILogger logger)
{
    public async Task<int> PublishAllAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var published = 0;
        foreach (var id in ids)
        {
            try
            {
                await client.PublishAsync(id, ct);
                published++;
            }
            {|DATO002:catch (DatoCmsTransientApiException ex)|}
            {
                logger.LogWarning(ex, "Could not publish {Id} right now; moving on", id);
            }
        }

        return published;
    }
}
//// Third: Item endpoint logs the code and transient flag then serves a placeholder
public sealed record ItemView(string Id, string Title, bool Stale);

public sealed class ItemEndpoint(IContentClient client, ILogger logger)
{
    public async Task<ItemView> GetAsync(string id, CancellationToken ct)
    {
        try
        {
            var item = await client.GetItemAsync(id, ct);
            return new ItemView(item.Id, item.Title, Stale: false);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            logger.LogWarning("DatoCMS answered {Code} (transient: {Transient}) for {Id}", ex.Code, ex.IsTransient, id);
            return new ItemView(id, "(unavailable)", Stale: true);
        }
    }
}
//// Third: Preview rethrows a rejected token but drops every other error
public sealed class PreviewService(IContentClient client, ILogger logger)
{
    public async Task<string?> TitleForPreviewAsync(string id, CancellationToken ct)
    {
        try
        {
            return (await client.GetItemAsync(id, ct)).Title;
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            if (ex.Code == DatoCmsErrorCode.InvalidAuthorizationHeader)
            {
                throw new UnauthorizedAccessException("The preview token was rejected", ex);
            }

            logger.LogError(ex, "Preview of {Id} failed", id);
            return null;
        }
    }
}
//// Third: Related items loaded in parallel lambdas that swallow failures
public sealed class RelatedItemsLoader(IContentClient client, ILogger logger)
{
    public async Task<IReadOnlyList<Item>> LoadAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var tasks = ids.Select(async id =>
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            {|DATO002:catch (DatoCmsApiException ex)|}
            {
                logger.LogWarning(ex, "Related item {Id} left out", id);
                return null;
            }
        });

        var results = await Task.WhenAll(tasks);
        return results.OfType<Item>().ToList();
    }
}
//// Third: Top-level export tool catches Exception filtered to API errors in a local function
var client = ExportTool.Connect();
var titles = new List<string>();
foreach (var id in args)
{
    titles.Add(await TitleOrPlaceholderAsync(id));
}

Console.WriteLine(string.Join(Environment.NewLine, titles));

async Task<string> TitleOrPlaceholderAsync(string id)
{
    try
    {
        var item = await client.GetItemAsync(id);
        return item.Title;
    }
    {|DATO002:catch (Exception ex)|} when (ex is DatoCmsApiException)
    {
        Console.Error.WriteLine($"{id}: {ex.Message}");
        return "(missing)";
    }
}

static class ExportTool
{
    public static IContentClient Connect() => throw new NotImplementedException("configured by the host");
}
//// Third: Checkout banner guards transient errors before mapping codes
public sealed class CheckoutContentService(IContentClient client, ILogger logger)
{
    public async Task<string> BannerAsync(string id, CancellationToken ct)
    {
        try
        {
            return (await client.GetItemAsync(id, ct)).Title;
        }
        catch (DatoCmsApiException ex)
        {
            if (ex.IsTransient)
            {
                throw;
            }

            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound:
                    return string.Empty;
                case DatoCmsErrorCode.PlanUpgradeRequired:
                    logger.LogError(ex, "The banner model needs a plan upgrade");
                    return string.Empty;
                default:
                    logger.LogError(ex, "Banner {Id} failed", id);
                    return string.Empty;
            }
        }
    }
}
//// Third: Sync decision switch expression routes transient codes to retry later
public abstract record SyncDecision
{
    public sealed record Skip(string Reason) : SyncDecision;

    public sealed record RetryLater(TimeSpan After) : SyncDecision;

    public sealed record Fail(DatoCmsErrorCode Code) : SyncDecision;
}

public static class SyncPolicy
{
    public static SyncDecision Decide(DatoCmsApiException ex) => ex.Code switch
    {
        DatoCmsErrorCode.NotFound => new SyncDecision.Skip("deleted upstream"),
        DatoCmsErrorCode.UnpublishedLink => new SyncDecision.Skip("links to a draft"),
        var code when code.IsTransient() => new SyncDecision.RetryLater(ex.RateLimitReset ?? TimeSpan.FromSeconds(10)),
        var code => new SyncDecision.Fail(code),
    };
}
//// Third: Redirect resolver lets unlisted codes fall out into a rethrow
public sealed class RedirectResolver(IContentClient client)
{
    public async Task<string?> ResolveAsync(string id, CancellationToken ct)
    {
        try
        {
            var item = await client.GetItemAsync(id, ct);
            return "/" + item.Id;
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound:
                case DatoCmsErrorCode.UnpublishedLink:
                    return null;
                case DatoCmsErrorCode.InsufficientPermissions:
                    return "/login";
            }

            throw;
        }
    }
}
//// Third: Alert routing switches over a code read from configuration
public sealed class AlertRouting
{
    private readonly DatoCmsErrorCode _pagerCode;

    public AlertRouting(string configuredCode)
    {
        _pagerCode = DatoCmsErrorCodes.TryParse(configuredCode, out var code) ? code : DatoCmsErrorCode.Unknown;
    }

    public string Channel()
    {
        switch (_pagerCode)
        {
            case DatoCmsErrorCode.InvalidAuthorizationHeader:
                return "#security";
            case DatoCmsErrorCode.PlanUpgradeRequired:
                return "#billing";
            default:
                return "#content-ops";
        }
    }
}
//// Third: Feed refresh worker on a PeriodicTimer leaves other codes to the next tick
public sealed class FeedRefreshWorker(IContentClient client, ILogger logger) : BackgroundService
{
    public IReadOnlyList<Item> Cache { get; private set; } = Array.Empty<Item>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Cache = await client.ListItemsAsync(stoppingToken);
            }
            catch (DatoCmsApiException ex)
            {
                switch (ex.Code)
                {
                    case DatoCmsErrorCode.InvalidAuthorizationHeader:
                        logger.LogError(ex, "Token rejected; the feed refresh stops");
                        return;
                    default:
                        logger.LogWarning(ex, "Refresh failed with {Code}; the next tick tries again", ex.Code);
                        break;
                }
            }
        }
    }
}
//// Third: Error page mapper sends unlisted codes to a generic error page
public sealed record ErrorPage(int Status, string Title);

public sealed class PageController(IContentClient client, ILogger logger)
{
    public async Task<object> ShowAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            {|DATO001:switch (ex.Code)|}
            {
                case DatoCmsErrorCode.NotFound:
                case DatoCmsErrorCode.UnpublishedLink:
                    return new ErrorPage(404, "Page not found");
                case DatoCmsErrorCode.InsufficientPermissions:
                    return new ErrorPage(403, "Forbidden");
                default:
                    logger.LogError(ex, "Page {Id} failed", id);
                    return new ErrorPage(500, "Something went wrong");
            }
        }
    }
}
//// Third: Problem mapper switch expression turns every other code into a 500
public sealed record ApiProblem(int Status, string Detail);

public static class ProblemMapper
{
    public static ApiProblem ToProblem(DatoCmsApiException ex)
    {
        var status = {|DATO001:ex.Code switch|}
        {
            DatoCmsErrorCode.NotFound => 404,
            DatoCmsErrorCode.InvalidField => 422,
            DatoCmsErrorCode.StaleItemVersion => 409,
            DatoCmsErrorCode.InsufficientPermissions => 403,
            _ => 500,
        };

        return new ApiProblem(status, ex.Message);
    }
}
//// Third: Contact form switches over the first error's nullable code
public sealed record FormResult(bool Success, string? FieldError = null, string? Message = null);

public sealed class ContactFormHandler(IContentClient client, ILogger logger)
{
    public async Task<FormResult> SubmitAsync(Item draft, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(draft, ct);
            return new FormResult(true);
        }
        catch (DatoCmsApiException ex)
        {
            {|DATO001:switch (ex.Errors.FirstOrDefault()?.Code)|}
            {
                case DatoCmsErrorCode.InvalidField:
                    return new FormResult(false, FieldError: "Please check the highlighted fields");
                case DatoCmsErrorCode.StaleItemVersion:
                    return new FormResult(false, Message: "Someone else changed this entry; reload and try again");
                case null:
                    logger.LogWarning(ex, "Error without details");
                    return new FormResult(false, Message: "Unexpected error");
                default:
                    logger.LogError(ex, "Submitting {Id} failed", draft.Id);
                    return new FormResult(false, Message: "Unexpected error");
            }
        }
    }
}
//// Third: Asset cleanup or-pattern cases fall out into a warning
public sealed class AssetCleanupJob(IContentClient client, ILogger logger)
{
    public async Task CleanupAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            {|DATO001:switch (ex.Code)|}
            {
                case DatoCmsErrorCode.NotFound or DatoCmsErrorCode.UnpublishedLink:
                    logger.LogInformation("Asset {Id} is already gone", id);
                    return;
                case DatoCmsErrorCode.DeleteRestriction or DatoCmsErrorCode.InsufficientPermissions:
                    throw new InvalidOperationException($"Asset {id} cannot be cleaned up", ex);
            }

            logger.LogWarning(ex, "Cleanup of {Id} failed; leaving it for now", id);
        }
    }
}
//// Third: Update loop waits on the rate limit but forgets locks and other transient codes
public sealed class ItemUpdater(IContentClient client, ILogger logger)
{
    public async Task<Item?> UpdateAsync(Item item, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item, ct);
            }
            catch (DatoCmsApiException ex)
            {
                {|DATO001:switch (ex.Code)|}
                {
                    case DatoCmsErrorCode.RateLimitExceeded:
                        await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(3), ct);
                        continue;
                    case DatoCmsErrorCode.NotFound:
                        return null;
                    default:
                        logger.LogError(ex, "Update of {Id} failed", item.Id);
                        return null;
                }
            }
        }

        return null;
    }
}
//// Third: Write pipeline retries every API exception
using Polly;
using Polly.Retry;

public static class ContentPipelines
{
    public static ResiliencePipeline CreateWrite() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}(),
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
}
//// Third: Typed pipeline predicate only checks that the message is not empty
using Polly;
using Polly.Retry;

public sealed class ItemFetcher(IContentClient client)
{
    private readonly ResiliencePipeline<Item> _pipeline = new ResiliencePipelineBuilder<Item>()
        .AddRetry(new RetryStrategyOptions<Item>
        {
            ShouldHandle = new PredicateBuilder<Item>().{|DATO003:Handle<DatoCmsApiException>|}(ex => !string.IsNullOrEmpty(ex.Message)),
            MaxRetryAttempts = 3,
        })
        .Build();

    public ValueTask<Item> GetAsync(string id, CancellationToken ct) =>
        _pipeline.ExecuteAsync(token => new ValueTask<Item>(client.GetItemAsync(id, token)), ct);
}
//// Third: Top-level program retries on any API or HTTP exception
using Polly;
using Polly.Retry;

var pipeline = new ResiliencePipelineBuilder()
    .AddRetry(new RetryStrategyOptions
    {
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is {|DATO003:DatoCmsApiException|} or HttpRequestException),
        Delay = TimeSpan.FromSeconds(1),
        MaxRetryAttempts = 3,
    })
    .Build();

var client = Startup.Client();
await pipeline.ExecuteAsync(async token => await client.PublishAsync("home", token));
Console.WriteLine("Published the home page");

static class Startup
{
    public static IContentClient Client() => throw new NotImplementedException("configured by the host");
}
//// Third: Legacy v7 policy adds the API exception with Or
using Polly;

public static class LegacyPolicies
{
    public static IAsyncPolicy ContentRetry(ILogger logger) =>
        Policy.Handle<HttpRequestException>().{|DATO003:Or<DatoCmsApiException>|}()
            .WaitAndRetryAsync(
                3,
                attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)),
                (exception, delay) => logger.LogWarning(exception, "Retrying in {Delay}", delay));
}
//// Third: Method group predicate logs and always says yes
using Polly;
using Polly.Retry;

public sealed class PublishingPipelineFactory(ILogger logger)
{
    public ResiliencePipeline Create() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().{|DATO003:Handle<DatoCmsApiException>|}(LogAndRetry),
                MaxRetryAttempts = 2,
            })
            .Build();

    private bool LogAndRetry(DatoCmsApiException ex)
    {
        logger.LogWarning(ex, "Publishing failed, retrying");
        return true;
    }
}
//// Third: Pipeline retries transient API errors and honours the reset header
using Polly;
using Polly.Retry;

public static class TransientOnlyPipeline
{
    public static ResiliencePipeline Build() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<DatoCmsApiException>(ex => ex.IsTransient)
                    .Handle<HttpRequestException>(),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is DatoCmsApiException { RateLimitReset: { } reset } ? reset : null),
                MaxRetryAttempts = 5,
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();
}
//// Third: Circuit breaker counts every API failure while the retry takes only transient ones
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

public static class GuardedPipeline
{
    public static ResiliencePipeline Build() =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsTransientApiException>(),
                MaxRetryAttempts = 3,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(),
                FailureRatio = 0.5,
                MinimumThroughput = 20,
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .Build();
}
//// Third: Top-level predicate switch retries by retry kind
using Polly;
using Polly.Retry;

var options = new RetryStrategyOptions
{
    ShouldHandle = args => args.Outcome.Exception switch
    {
        DatoCmsApiException { RetryKind: DatoCmsRetryKind.Backoff or DatoCmsRetryKind.RateLimit } => PredicateResult.True(),
        TimeoutException => PredicateResult.True(),
        _ => PredicateResult.False(),
    },
    MaxRetryAttempts = 4,
};

var pipeline = new ResiliencePipelineBuilder().AddRetry(options).Build();
Console.WriteLine($"Pipeline ready: {pipeline}");
//// Third: Rename loop retries transient errors without pausing
public sealed class MenuUpdater(IContentClient client, ILogger logger)
{
    public async Task<Item> RenameAsync(Item item, string title, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item with { Title = title }, ct);
            }
            {|DATO004:catch (DatoCmsApiException ex)|}
            {
                if (!ex.IsTransient || attempt == 4)
                {
                    throw;
                }

                logger.LogWarning(ex, "Attempt {Attempt} failed with {Code}, retrying", attempt, ex.Code);
            }
        }
    }
}
//// Third: Writer treats its semaphore turn as the wait before retrying a locked item
public sealed class ThrottledWriter(IContentClient client)
{
    private readonly SemaphoreSlim _gate = new(2);

    public async Task WriteAsync(Item item, CancellationToken ct)
    {
        var done = false;
        while (!done)
        {
            await _gate.WaitAsync(ct);
            try
            {
                await client.UpdateItemAsync(item, ct);
                done = true;
            }
            {|DATO004:catch (ItemLockedException)|}
            {
                // Someone else holds the lock: queue up for another turn.
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
//// Third: Draft saver recursive local function retries at once
public static class DraftSaver
{
    public static Task<Item> SaveDraftAsync(this IContentClient client, Item draft, CancellationToken ct = default)
    {
        return AttemptAsync(1);

        async Task<Item> AttemptAsync(int attempt)
        {
            try
            {
                return await client.UpdateItemAsync(draft, ct);
            }
            {|DATO004:catch (DatoCmsTransientApiException)|}
            {
                if (attempt >= 3)
                {
                    throw;
                }

                return await AttemptAsync(attempt + 1);
            }
        }
    }
}
//// Third: Release button do-while loop retries with a counter and no wait
public sealed class ReleaseButtonHandler(IContentClient client, ILogger logger)
{
    public async Task<bool> PublishAsync(string id, CancellationToken ct)
    {
        var published = false;
        var attempts = 0;
        do
        {
            attempts++;
            try
            {
                await client.PublishAsync(id, ct);
                published = true;
            }
            {|DATO004:catch (DatoCmsApiException ex)|}
            {
                if (!ex.IsTransient)
                {
                    throw;
                }

                logger.LogWarning(ex, "Publish attempt {Attempt} for {Id} failed", attempts, id);
            }
        }
        while (!published && attempts < 3);

        return published;
    }
}
//// Third: Migrator waits after a rate limit but not after other transient errors
public sealed class StructuredTextMigrator(IContentClient client, ILogger logger)
{
    public async Task MigrateAsync(Item item, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await client.UpdateItemAsync(item, ct);
                return;
            }
            catch (RateLimitExceededException ex)
            {
                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(3), ct);
            }
            {|DATO004:catch (DatoCmsTransientApiException ex)|}
            {
                logger.LogInformation("Item {Id} is busy ({Code}); retrying", item.Id, ex.Code);
            }
        }
    }
}
//// Third: Gallery importer pauses through a helper of the same file
public sealed class GalleryImporter(IContentClient client)
{
    public async Task ImportAsync(IEnumerable<Item> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                try
                {
                    await client.UpdateItemAsync(item, ct);
                    break;
                }
                catch (DatoCmsTransientApiException ex) when (attempt < 4)
                {
                    await PauseBeforeRetryAsync(ex, attempt, ct);
                }
            }
        }
    }

    private static Task PauseBeforeRetryAsync(DatoCmsApiException ex, int attempt, CancellationToken ct) =>
        Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt), ct);
}
//// Third: Synchronous publish tool sleeps between attempts
var client = PublishTool.Connect();
var id = args.Length > 0 ? args[0] : "home";
for (var attempt = 1; attempt <= 3; attempt++)
{
    try
    {
        client.PublishAsync(id).GetAwaiter().GetResult();
        Console.WriteLine($"Published {id}");
        break;
    }
    catch (DatoCmsApiException ex) when (ex.IsTransient)
    {
        if (attempt == 3)
        {
            throw;
        }

        Console.Error.WriteLine($"{ex.Code}: retrying");
        Thread.Sleep(ex.RateLimitReset ?? TimeSpan.FromSeconds(2 * attempt));
    }
}

static class PublishTool
{
    public static IContentClient Connect() => throw new NotImplementedException("configured by the host");
}
//// Third: Title updater re-reads a stale version without waiting
public sealed class TitleUpdater(IContentClient client)
{
    public async Task<Item> SetTitleAsync(string id, string title, CancellationToken ct)
    {
        var current = await client.GetItemAsync(id, ct);
        for (var round = 0; round < 3; round++)
        {
            try
            {
                return await client.UpdateItemAsync(current with { Title = title }, ct);
            }
            catch (StaleItemVersionException)
            {
                current = await client.GetItemAsync(id, ct);
            }
        }

        throw new InvalidOperationException($"Item {id} kept changing");
    }
}
//// Third: Release scheduler waits and rethrows the last failure after its attempts
using System.Runtime.ExceptionServices;

public sealed class ReleaseScheduler(IContentClient client, ILogger logger)
{
    public async Task PublishWithRetriesAsync(string id, CancellationToken ct)
    {
        ExceptionDispatchInfo? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await client.PublishAsync(id, ct);
                return;
            }
            catch (DatoCmsTransientApiException ex)
            {
                last = ExceptionDispatchInfo.Capture(ex);
                logger.LogWarning(ex, "Attempt {Attempt} to publish {Id} failed", attempt, id);
                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt * 2), ct);
            }
        }

        last?.Throw();
    }
}
//// Third: Health check compares enum codes and ordinary strings
public sealed class ContentHealthCheck(IContentClient client)
{
    public static DatoCmsErrorCode Fallback { get; } =
        DatoCmsErrorCodes.TryParse("SERVICE_UNAVAILABLE", out var fallback) ? fallback : DatoCmsErrorCode.Unknown;

    public static bool IsLockNotice(string? headerValue) =>
        DatoCmsErrorCodes.TryParse(headerValue, out var code) && code == DatoCmsErrorCode.ItemLocked;

    public async Task<string> CheckAsync(CancellationToken ct)
    {
        try
        {
            var items = await client.ListItemsAsync(ct);
            return items.Any(i => i.Title == "NOT_FOUND") ? "degraded" : "healthy";
        }
        catch (DatoCmsApiException ex) when (ex.Code == DatoCmsErrorCode.InvalidAuthorizationHeader || ex.Code == DatoCmsErrorCode.InsufficientPermissions)
        {
            return "unauthorized: " + ex.ApiCode;
        }
    }
}
//// Third: Landing page filter on the raw code and a nameof comparison
public sealed class LandingPageService(IContentClient client)
{
    public async Task<Item?> TryLoadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex) when ({|DATO005:ex.ApiCode == "NOT_FOUND"|})
        {
            return null;
        }
    }

    public static bool IsMissing(DatoCmsApiException ex) => ex.ApiCode == {|DATO006:nameof(DatoCmsErrorCode.NotFound)|};
}
//// Third: Error inspector picks errors out by raw strings
public static class ErrorInspector
{
    public static int CountInvalidFields(DatoCmsApiException ex) =>
        ex.Errors.Count(e => {|DATO005:string.Equals(e.ApiCode, "INVALID_FIELD", StringComparison.Ordinal)|});

    public static bool IsEditConflict(DatoCmsApiException ex) =>
        {|DATO005:ex.ApiCode is "ITEM_LOCKED" or "CONCURRENT_ITEM_UPDATE"|};

    public static bool ShowLockBanner(DatoCmsApiException ex) =>
        ex.Errors.Any(e => e.ApiCode == {|DATO006:"ITEM_LOCKD"|});

    public static bool NeedsUpgrade(DatoCmsApiException ex) =>
        ex.Errors.Any(e => string.Equals(e.ApiCode, {|DATO006:"PlanUpgradeRequired"|}));
}
//// Third: Throttle detector mixes case-insensitive and ordinal lower-case codes
public static class ThrottleDetector
{
    public static readonly DatoCmsErrorCode Watched =
        DatoCmsErrorCodes.TryParse({|DATO006:"rate_limit_exceeded"|}, out var code) ? code : DatoCmsErrorCode.Unknown;

    public static bool IsThrottled(DatoCmsApiException ex) =>
        {|DATO005:string.Equals(ex.ApiCode, "rate_limit_exceeded", StringComparison.OrdinalIgnoreCase)|};

    public static bool IsLocked(Exception ex) =>
        ex is DatoCmsApiException api && api.ApiCode == {|DATO006:"item_locked"|};
}
//// Third: Support ticket categorizer switches on the raw code string
public static class SupportTicketCategory
{
    public static string Categorize(DatoCmsApiError error)
    {
        {|DATO005:switch (error.ApiCode)|}
        {
            case "INVALID_FIELD":
                return "content";
            case {|DATO006:"PERMISSION_DENIED"|}:
                return "access";
            default:
                return "other";
        }
    }

    public static bool IsConcurrentEdit(DatoCmsApiError error) =>
        {|DATO005:error.Code.ToApiString() == "STALE_ITEM_VERSION"|};
}
//// Third: Model archiver compares the raw code with constants
public sealed class ModelArchiver(IContentClient client, ILogger logger)
{
    private const string InUse = "DELETE_RESTRICTION";
    private const string QuotaExceeded = "RATE_LIMITED";

    public async Task<bool> ArchiveAsync(Item model, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(model with { Title = "[archived] " + model.Title }, ct);
            return true;
        }
        catch (DatoCmsApiException ex) when (!ex.IsTransient)
        {
            if ({|DATO005:ex.ApiCode == InUse|})
            {
                logger.LogInformation("Model {Id} is still referenced", model.Id);
                return false;
            }

            throw;
        }
    }

    public void Observe(DatoCmsApiException ex)
    {
        if (ex.ApiCode == {|DATO006:QuotaExceeded|})
        {
            logger.LogWarning(ex, "Quota exhausted");
        }
    }
}
