//// DocsQueueExampleAsTheLastStatement
using System.Collections.Concurrent;

public sealed record SyncFailure(string Id, Exception Error);

public sealed class CatalogueSync(IContentClient client)
{
    private readonly ConcurrentQueue<SyncFailure> _failures = new();

    public IReadOnlyCollection<SyncFailure> Failures => _failures;

    public async Task SyncAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            _failures.Enqueue(new SyncFailure(id, ex));
        }
    }
}
//// SynchronousImportKeepsErrorsInAFieldList
public sealed class LegacyImporter(IContentClient client)
{
    private readonly List<Exception> _errors = new();

    public IReadOnlyList<Exception> Errors => _errors;

    public void Import(string id)
    {
        try
        {
            var item = client.GetItemAsync(id).GetAwaiter().GetResult();
            client.UpdateItemAsync(item with { Title = item.Title.Trim() }).GetAwaiter().GetResult();
        }
        catch (DatoCmsApiException ex)
        {
            _errors.Add(ex);
        }
    }
}
//// DeadLettersTriedOnAChannelField
using System.Threading.Channels;

public sealed record ItemFailure(string ItemId, DatoCmsApiException Error);

public sealed class Publisher(IContentClient client)
{
    private readonly Channel<ItemFailure> _deadLetters = Channel.CreateUnbounded<ItemFailure>();

    public ChannelReader<ItemFailure> DeadLetters => _deadLetters.Reader;

    public async Task PublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            _deadLetters.Writer.TryWrite(new ItemFailure(id, ex));
        }
    }
}
//// ConsumerWritesFailuresToTheInjectedWriter
using System.Threading.Channels;

public sealed record ItemFailure(string ItemId, Exception Error);

public sealed class PublishConsumer(IContentClient client, ChannelReader<string> ids, ChannelWriter<ItemFailure> failures) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in ids.ReadAllAsync(stoppingToken))
        {
            try
            {
                await client.PublishAsync(id, stoppingToken);
            }
            catch (DatoCmsApiException ex)
            {
                await failures.WriteAsync(new ItemFailure(id, ex), stoppingToken);
            }
        }
    }
}
//// DeadLetterChannelMadeInTheCatch
using System.Threading.Channels;

public sealed class Unpublisher(IContentClient client, ILogger logger)
{
    public async Task UnpublishAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            var deadLetters = Channel.CreateBounded<Exception>(1);
            deadLetters.Writer.TryWrite(ex);
            logger.LogWarning("Unpublishing {Id} failed", id);
        }
    }
}
//// FailureMessagesWrittenToALogChannel
using System.Threading.Channels;

public sealed class TitleSync(IContentClient client)
{
    private readonly Channel<string> _log = Channel.CreateUnbounded<string>();

    public ChannelReader<string> Log => _log.Reader;

    public async Task SyncAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            await _log.Writer.WriteAsync($"{item.Id}: {ex.Message}", ct);
        }
    }
}
//// PropertyPatternRethrowsTransientErrors
public sealed class ItemLookup(IContentClient client, ILogger logger)
{
    public async Task<Item?> FindAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            if (ex is { IsTransient: true }) throw;
            logger.LogError(ex, "Item {Id} could not be read", id);
            return null;
        }
    }
}
//// RetryKindPatternRethrowsRetryableErrors
public sealed class DraftSaver(IContentClient client, ILogger logger)
{
    public async Task<bool> SaveAsync(Item draft, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(draft, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            if (ex is { RetryKind: not DatoCmsRetryKind.None })
            {
                throw;
            }

            logger.LogWarning(ex, "Draft {Id} rejected", draft.Id);
            return false;
        }
    }
}
//// PropertyPatternOnTheStatusOnly
public sealed class ItemReader(IContentClient client, ILogger logger)
{
    public async Task<Item?> ReadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        {|DATO002:catch (DatoCmsApiException ex)|}
        {
            if (ex is { StatusCode: 429 }) throw;
            logger.LogError(ex, "Reading {Id} failed", id);
            return null;
        }
    }
}
//// HealthProbeReportsDegradedOnTransientErrors
public sealed class CmsHealthProbe(IContentClient client)
{
    public async Task<string> ProbeAsync(CancellationToken ct)
    {
        try
        {
            await client.ListItemsAsync(ct);
            return "healthy";
        }
        {|DATO002:catch (DatoCmsApiException ex)|} when (ex.IsTransient)
        {
            return "degraded: " + ex.ApiCode;
        }
    }
}
//// ConsumerRequeuesJobsOnTransientErrors
using System.Threading.Channels;

public sealed record PublishJob(string ItemId, int Attempt);

public sealed class PublishJobConsumer(IContentClient client, ChannelReader<PublishJob> jobs, ChannelWriter<PublishJob> retryQueue, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.ReadAllAsync(stoppingToken))
        {
            try
            {
                await client.PublishAsync(job.ItemId, stoppingToken);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                logger.LogWarning(ex, "Publishing {Id} failed; requeued", job.ItemId);
                await retryQueue.WriteAsync(job, stoppingToken);
            }
        }
    }
}
//// WorkerRequeuesTransientFailuresWithTheNextAttempt
using System.Collections.Concurrent;

public sealed record SyncJob(string ItemId, int Attempt);

public sealed class SyncWorker(IContentClient client)
{
    private readonly ConcurrentQueue<SyncJob> _retries = new();

    public bool TryTakeRetry(out SyncJob? job) => _retries.TryDequeue(out job);

    public async Task RunAsync(SyncJob job, CancellationToken ct)
    {
        try
        {
            var item = await client.GetItemAsync(job.ItemId, ct);
            await client.UpdateItemAsync(item with { Version = item.Version + 1 }, ct);
        }
        catch (DatoCmsTransientApiException)
        {
            _retries.Enqueue(job with { Attempt = job.Attempt + 1 });
        }
    }
}
//// ConsumerParksEveryFailedJobWithoutItsError
using System.Threading.Channels;

public sealed record PublishJob(string ItemId);

public sealed class PublishJobConsumer(IContentClient client, ChannelReader<PublishJob> jobs, ChannelWriter<PublishJob> deadLetters, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.ReadAllAsync(stoppingToken))
        {
            try
            {
                await client.PublishAsync(job.ItemId, stoppingToken);
            }
            {|DATO002:catch (DatoCmsApiException ex)|}
            {
                logger.LogWarning(ex, "Publishing {Id} failed; parked", job.ItemId);
                await deadLetters.WriteAsync(job, stoppingToken);
            }
        }
    }
}
//// AttemptLoopWithAGuardDoesNotWait
public sealed class ItemUpdater(IContentClient client, ILogger logger)
{
    public async Task<Item> UpdateAsync(Item item, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item, ct);
            }
            {|DATO004:catch (DatoCmsApiException ex)|}
            {
                if (!ex.IsTransient || attempt >= 5) throw;
                logger.LogWarning(ex, "Attempt {Attempt} failed", attempt);
            }
        }
    }
}
//// AttemptLoopWaitsAfterItsGuard
public sealed class ItemUpdater(IContentClient client, ILogger logger)
{
    public async Task<Item> UpdateAsync(Item item, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item, ct);
            }
            catch (DatoCmsApiException ex)
            {
                if (!ex.IsTransient || attempt >= 5) throw;
                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt), ct);
                logger.LogWarning(ex, "Attempt {Attempt} failed", attempt);
            }
        }
    }
}
//// RecursiveRetryWithAGuardDoesNotWait
public sealed class ItemFetcher(IContentClient client)
{
    public async Task<Item> FetchAsync(string id, int attempt, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        {|DATO004:catch (DatoCmsApiException ex)|}
        {
            if (!ex.IsTransient || attempt >= 5) throw;
            return await FetchAsync(id, attempt + 1, ct);
        }
    }
}
