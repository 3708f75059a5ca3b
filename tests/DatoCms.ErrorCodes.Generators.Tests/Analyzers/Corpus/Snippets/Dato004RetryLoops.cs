//// WhileTrueLogsAndRetriesAtOnce
public static class Fetcher
{
    public static async Task<Item> GetAsync(IContentClient client, string id, ILogger logger, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            {|DATO004:catch (DatoCmsTransientApiException ex)|}
            {
                logger.LogWarning(ex, "Transient failure, retrying");
            }
        }
    }
}
//// ForLoopContinuesOnTransientFilter
public static class Saver
{
    public static async Task<Item?> SaveAsync(IContentClient client, Item item)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item);
            }
            {|DATO004:catch (DatoCmsApiException ex)|} when (ex.IsTransient)
            {
                continue;
            }
        }

        return null;
    }
}
//// DoWhileCountsAttempts
public static class RateLimited
{
    public static async Task<IReadOnlyList<Item>> ListAsync(IContentClient client)
    {
        var attempts = 0;
        do
        {
            try
            {
                return await client.ListItemsAsync();
            }
            {|DATO004:catch (RateLimitExceededException)|}
            {
                attempts++;
            }
        }
        while (attempts < 3);

        return Array.Empty<Item>();
    }
}
//// WhileNotDoneFlag
public sealed class Uploader(IContentClient client, ILogger logger)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        var done = false;
        while (!done)
        {
            try
            {
                await client.PublishAsync(id, ct);
                done = true;
            }
            {|DATO004:catch (DatoCmsTransientApiException ex)|}
            {
                logger.LogWarning(ex, "Retrying publish of {Id}", id);
            }
        }
    }
}
//// RethrowsPermanentLoopsOnTheRest
public static class CommonRetry
{
    public static async Task<Item> UpdateAsync(IContentClient client, Item item, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item, ct);
            }
            {|DATO004:catch (DatoCmsApiException ex)|}
            {
                if (!ex.IsTransient || attempt == 5)
                {
                    throw;
                }
            }
        }
    }
}
//// SemaphoreIsNotAWait
public sealed class Throttled(IContentClient client)
{
    private readonly SemaphoreSlim _slots = new(4, 4);

    public async Task<Item> GetAsync(string id, CancellationToken ct)
    {
        while (true)
        {
            await _slots.WaitAsync(ct);
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            {|DATO004:catch (DatoCmsTransientApiException)|}
            {
            }
            finally
            {
                _slots.Release();
            }
        }
    }
}
//// SpinWaitIsNotAWait
public static class Spinner
{
    public static Item Get(IContentClient client, string id)
    {
        var spinner = new SpinWait();
        while (true)
        {
            try
            {
                return client.GetItemAsync(id).GetAwaiter().GetResult();
            }
            {|DATO004:catch (ItemLockedException)|}
            {
                spinner.SpinOnce();
            }
        }
    }
}
//// DelayInAnotherCatchClause
public static class Mixed
{
    public static async Task<Item> GetAsync(IContentClient client, string id, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
            {|DATO004:catch (DatoCmsTransientApiException)|}
            {
                Console.WriteLine("busy, trying again");
            }
        }
    }
}
//// RecursiveMethodWithoutWait
public sealed class RecursiveSaver(IContentClient client)
{
    public async Task<Item> SaveAsync(Item item, CancellationToken ct)
    {
        try
        {
            return await client.UpdateItemAsync(item, ct);
        }
        {|DATO004:catch (ItemLockedException)|}
        {
            return await SaveAsync(item, ct);
        }
    }
}
//// RecursiveLocalFunctionWithoutWait
public static class LocalRecursion
{
    public static Task<Item> GetAsync(IContentClient client, string id)
    {
        return Attempt(1);

        async Task<Item> Attempt(int attempt)
        {
            try
            {
                return await client.GetItemAsync(id);
            }
            {|DATO004:catch (DatoCmsTransientApiException)|} when (attempt < 3)
            {
                return await Attempt(attempt + 1);
            }
        }
    }
}
//// GotoRetry
public static class GotoRetry
{
    public static async Task PublishAsync(IContentClient client, string id)
    {
        var attempts = 0;
    retry:
        try
        {
            await client.PublishAsync(id);
        }
        {|DATO004:catch (ServiceUnavailableException)|} when (attempts < 3)
        {
            attempts++;
            goto retry;
        }
    }
}
//// TopLevelRetryWithoutWait
var client = new HttpClient { BaseAddress = new Uri("https://site-api.datocms.com/") };
for (var attempt = 0; attempt < 5; attempt++)
{
    try
    {
        using var response = await client.GetAsync("items");
        await response.EnsureDatoCmsSuccessAsync();
        Console.WriteLine("ok");
        break;
    }
    {|DATO004:catch (DatoCmsApiException ex)|} when (ex.IsTransient)
    {
        Console.WriteLine($"attempt {attempt} failed: {ex.ApiCode}");
    }
}
//// WorkerLoopBreaksOnSuccessNoWait
public sealed class ImportWorker(IContentClient client, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await client.PublishAsync("import", stoppingToken);
                break;
            }
            {|DATO004:catch (DatoCmsTransientApiException ex)|}
            {
                logger.LogWarning(ex, "Import busy");
            }
        }
    }
}
//// SpecificCodeFilterLoop
public static class LockRetry
{
    public static async Task<Item?> SaveAsync(IContentClient client, Item item)
    {
        var attempt = 0;
        while (attempt < 5)
        {
            try
            {
                return await client.UpdateItemAsync(item);
            }
            {|DATO004:catch (DatoCmsApiException ex)|} when (ex.Code == DatoCmsErrorCode.ItemLocked)
            {
                attempt++;
            }
        }

        return null;
    }
}
//// RethrowsListedPermanentCodes
public static class ListedPermanent
{
    public static async Task<Item> GetAsync(IContentClient client, string id)
    {
        while (true)
        {
            try
            {
                return await client.GetItemAsync(id);
            }
            {|DATO004:catch (DatoCmsApiException ex)|}
            {
                if (ex.Code is DatoCmsErrorCode.NotFound or DatoCmsErrorCode.InvalidField)
                {
                    throw;
                }
            }
        }
    }
}
//// WaitsForRateLimitReset
public static class ResetAware
{
    public static async Task<Item> GetAsync(IContentClient client, string id, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsTransientApiException ex)
            {
                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), ct);
            }
        }
    }
}
//// ThreadSleepInSyncLoop
public static class SyncRetry
{
    public static Item Get(IContentClient client, string id)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return client.GetItemAsync(id).GetAwaiter().GetResult();
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && attempt < 4)
            {
                Thread.Sleep(250 * attempt);
            }
        }
    }
}
//// DelayAtTheTopOfTheLoop
public static class DelayFirst
{
    public static async Task<Item> GetAsync(IContentClient client, string id, CancellationToken ct)
    {
        var delay = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(delay, ct);
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsTransientApiException)
            {
                delay = delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : delay * 2;
            }
        }
    }
}
//// WaitInOwnHelper
public sealed class BackoffClient(IContentClient client)
{
    public async Task<Item> GetAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && attempt < 5)
            {
                await BackoffAsync(attempt, ct);
            }
        }
    }

    private static Task BackoffAsync(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt)), ct);
}
//// StaleVersionRefreshLoop
public static class Refreshing
{
    public static async Task<Item> RenameAsync(IContentClient client, string id, string title)
    {
        var item = await client.GetItemAsync(id);
        while (true)
        {
            try
            {
                return await client.UpdateItemAsync(item with { Title = title });
            }
            catch (StaleItemVersionException)
            {
                item = await client.GetItemAsync(id);
            }
        }
    }
}
//// ForEachOverItemsIsNotARetry
public static class Sweep
{
    public static async Task<int> PublishAllAsync(IContentClient client, IEnumerable<string> ids)
    {
        var locked = 0;
        foreach (var id in ids)
        {
            try
            {
                await client.PublishAsync(id);
            }
            catch (ItemLockedException)
            {
                locked++;
            }
        }

        return locked;
    }
}
//// CounterLoopIsNotARetry
public static class Probe
{
    public static async Task<int> CountLockedAsync(IContentClient client, string id)
    {
        var locked = 0;
        for (var i = 0; i < 3; i++)
        {
            try
            {
                await client.GetItemAsync(id);
            }
            catch (ItemLockedException)
            {
                locked++;
            }
        }

        return locked;
    }
}
//// RethrowsPermanentAndWaits
public static class ProperRetry
{
    public static async Task<Item> UpdateAsync(IContentClient client, Item item, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item, ct);
            }
            catch (DatoCmsApiException ex)
            {
                if (!ex.IsTransient || attempt == 5)
                {
                    throw;
                }

                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt), ct);
            }
        }
    }
}
//// DoWhileWithDelay
public static class DoRetry
{
    public static async Task<IReadOnlyList<Item>> ListAsync(IContentClient client, CancellationToken ct)
    {
        var attempts = 0;
        do
        {
            try
            {
                return await client.ListItemsAsync(ct);
            }
            catch (RateLimitExceededException ex)
            {
                attempts++;
                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(3), ct);
            }
        }
        while (attempts < 3);

        return Array.Empty<Item>();
    }
}
//// WhileNotDoneWithDelay
public sealed class CarefulUploader(IContentClient client, ILogger logger)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        var done = false;
        var attempt = 0;
        while (!done)
        {
            try
            {
                await client.PublishAsync(id, ct);
                done = true;
            }
            catch (DatoCmsTransientApiException ex) when (++attempt < 6)
            {
                logger.LogWarning(ex, "Retrying publish of {Id}", id);
                await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
            }
        }
    }
}
//// RecursiveMethodWaitsFirst
public sealed class PatientSaver(IContentClient client)
{
    public async Task<Item> SaveAsync(Item item, int attempt, CancellationToken ct)
    {
        try
        {
            return await client.UpdateItemAsync(item, ct);
        }
        catch (ItemLockedException) when (attempt < 5)
        {
            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
            return await SaveAsync(item, attempt + 1, ct);
        }
    }
}
//// RecursiveLocalFunctionWaits
public static class PatientLocal
{
    public static Task<Item> GetAsync(IContentClient client, string id, CancellationToken ct)
    {
        return Attempt(1);

        async Task<Item> Attempt(int attempt)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsTransientApiException ex) when (attempt < 3)
            {
                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt), ct);
                return await Attempt(attempt + 1);
            }
        }
    }
}
//// DelayWithWaitAsync
public static class WaitAsyncDelay
{
    public static async Task<Item> GetAsync(IContentClient client, string id, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsTransientApiException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)).WaitAsync(ct);
            }
        }
    }
}
//// TimeProviderDelay
public sealed class Clocked(IContentClient client, TimeProvider time)
{
    public async Task<Item> GetAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && attempt <= 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, ct);
            }
        }
    }
}
//// TransientPollingWorker
public sealed class FeedWorker(IContentClient client, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var items = await client.ListItemsAsync(stoppingToken);
                logger.LogInformation("Feed has {Count} items", items.Count);
            }
            catch (DatoCmsTransientApiException ex)
            {
                logger.LogWarning(ex, "Feed busy; next poll in 30 s");
            }

            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }
}
//// GotoRetryWithDelay
public static class GotoPatient
{
    public static async Task PublishAsync(IContentClient client, string id, CancellationToken ct)
    {
        var attempts = 0;
    retry:
        try
        {
            await client.PublishAsync(id, ct);
        }
        catch (ServiceUnavailableException) when (attempts < 3)
        {
            attempts++;
            await Task.Delay(TimeSpan.FromSeconds(attempts), ct);
            goto retry;
        }
    }
}
//// TopLevelRetryWithDelay
var client = new HttpClient { BaseAddress = new Uri("https://site-api.datocms.com/") };
for (var attempt = 1; attempt <= 5; attempt++)
{
    try
    {
        using var response = await client.GetAsync("items");
        await response.EnsureDatoCmsSuccessAsync();
        Console.WriteLine("ok");
        break;
    }
    catch (DatoCmsApiException ex) when (ex.IsTransient && attempt < 5)
    {
        Console.WriteLine($"attempt {attempt} failed: {ex.ApiCode}");
        await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt));
    }
}
