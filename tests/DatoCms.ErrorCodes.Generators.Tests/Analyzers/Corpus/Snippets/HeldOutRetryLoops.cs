//// ForAttemptCounterFilteredNoWait
public sealed class ItemSaver(IContentClient client, ILogger logger)
{
    public async Task<Item> SaveAsync(Item item, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item, ct);
            }
            {|DATO004:catch (DatoCmsApiException ex)|} when (ex.IsTransient && attempt < 3)
            {
                logger.LogWarning(ex, "Attempt {Attempt} to save {Id} failed", attempt, item.Id);
            }
        }

        throw new InvalidOperationException("Not reached: the last attempt rethrows");
    }
}
//// WhileNotDoneLockedNoWait
public sealed class LockedItemReader(IContentClient client, ILogger logger)
{
    public async Task<Item> ReadAsync(string id, CancellationToken ct)
    {
        var done = false;
        Item? result = null;
        while (!done)
        {
            try
            {
                result = await client.GetItemAsync(id, ct);
                done = true;
            }
            {|DATO004:catch (ItemLockedException)|}
            {
                logger.LogInformation("{Id} is locked, trying again", id);
            }
        }

        return result!;
    }
}
//// DoWhileAttemptsTransientNoWait
public sealed class Publisher(IContentClient client, ILogger logger)
{
    public async Task PublishAsync(string id, CancellationToken ct)
    {
        var attempts = 0;
        var succeeded = false;
        do
        {
            try
            {
                await client.PublishAsync(id, ct);
                succeeded = true;
            }
            {|DATO004:catch (DatoCmsTransientApiException ex)|}
            {
                attempts++;
                logger.LogWarning(ex, "Publish attempt {Attempt} failed", attempts);
                if (attempts >= 5)
                {
                    throw;
                }
            }
        }
        while (!succeeded);
    }
}
//// RecursiveLocalFunctionFilteredNoWait
public sealed class RecordFetcher(IContentClient client)
{
    public async Task<Item> FetchAsync(string id, CancellationToken ct)
    {
        async Task<Item> Attempt(int attempt)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            {|DATO004:catch (DatoCmsApiException ex)|} when (ex.IsTransient && attempt < 3)
            {
                return await Attempt(attempt + 1);
            }
        }

        return await Attempt(1);
    }
}
//// WhileTrueRethrowsPermanentOrExhausted
public sealed class TranslationUploader(IContentClient client, ILogger logger)
{
    public async Task UploadAsync(Item item, CancellationToken ct)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                await client.UpdateItemAsync(item, ct);
                return;
            }
            {|DATO004:catch (DatoCmsApiException ex)|}
            {
                attempt++;
                if (!ex.IsTransient || attempt >= 4)
                {
                    throw;
                }

                logger.LogWarning(ex, "Upload of {Id} failed, attempt {Attempt}", item.Id, attempt);
            }
        }
    }
}
//// TaskYieldIsNotAWait
public sealed class Reorderer(IContentClient client)
{
    public async Task MoveAsync(Item item, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await client.UpdateItemAsync(item, ct);
                return;
            }
            {|DATO004:catch (ConcurrentItemUpdateException)|}
            {
                await Task.Yield();
            }
        }
    }
}
//// SleepOnlyInRateLimitClause
public sealed class SyncExporter(IContentClient client)
{
    public IReadOnlyList<Item> Export()
    {
        while (true)
        {
            try
            {
                return client.ListItemsAsync().GetAwaiter().GetResult();
            }
            catch (RateLimitExceededException ex)
            {
                Thread.Sleep(ex.RateLimitReset ?? TimeSpan.FromSeconds(3));
            }
            {|DATO004:catch (DatoCmsTransientApiException)|}
            {
                Console.WriteLine("Transient failure, retrying");
            }
        }
    }
}
//// ExponentialDelayInForLoop
public sealed class BackoffSaver(IContentClient client, ILogger logger)
{
    public async Task<Item> SaveAsync(Item item, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.UpdateItemAsync(item, ct);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && attempt < 5)
            {
                var delay = TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt));
                logger.LogWarning(ex, "Retrying {Id} in {Delay}", item.Id, delay);
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }
        }
    }
}
//// WhileNotDoneWaitsInOwnHelper
public sealed class HelperBackoffReader(IContentClient client)
{
    public async Task<Item> ReadAsync(string id, CancellationToken ct)
    {
        var done = false;
        var attempt = 0;
        Item? item = null;
        while (!done)
        {
            try
            {
                item = await client.GetItemAsync(id, ct);
                done = true;
            }
            catch (DatoCmsTransientApiException ex)
            {
                attempt++;
                await BackoffAsync(attempt, ex.RateLimitReset, ct);
            }
        }

        return item!;
    }

    private static Task BackoffAsync(int attempt, TimeSpan? serverHint, CancellationToken ct) =>
        Task.Delay(serverHint ?? TimeSpan.FromSeconds(attempt), ct);
}
//// SyncDoWhileThreadSleep
public sealed class ConsoleImporter(IContentClient client)
{
    public void Import(Item item)
    {
        var tries = 0;
        bool ok;
        do
        {
            try
            {
                client.UpdateItemAsync(item).GetAwaiter().GetResult();
                ok = true;
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient && tries < 3)
            {
                tries++;
                ok = false;
                Thread.Sleep(TimeSpan.FromSeconds(tries));
            }
        }
        while (!ok);
    }
}
//// RecursiveMethodWaitsForRateLimitReset
public sealed class PageFetcher(IContentClient client)
{
    public async Task<Item> FetchAsync(string id, int attempt, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsTransientApiException ex) when (attempt < 5)
        {
            await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt + 1), ct);
            return await FetchAsync(id, attempt + 1, ct);
        }
    }
}
//// DelayAfterTheTryAtTheBottomOfTheLoop
public sealed class BottomDelayReader(IContentClient client, ILogger logger)
{
    public async Task<Item> ReadAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsTransientApiException ex)
            {
                logger.LogWarning(ex, "Attempt {Attempt} failed", attempt);
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
        }

        throw new TimeoutException("DatoCMS stayed unavailable");
    }
}
//// PeriodicTimerRetriesUntilPublished
public sealed class ScheduledPublish(IContentClient client, ILogger logger)
{
    public async Task PublishWhenPossibleAsync(string id, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await client.PublishAsync(id, ct);
                return;
            }
            catch (DatoCmsTransientApiException ex)
            {
                logger.LogWarning(ex, "{Id} not published yet", id);
            }
        }
    }
}
//// RefreshLoopOnStaleVersionCode
public sealed class VersionedUpdater(IContentClient client)
{
    public async Task<Item> RenameAsync(string id, string title, CancellationToken ct)
    {
        var item = await client.GetItemAsync(id, ct);
        while (true)
        {
            try
            {
                return await client.UpdateItemAsync(item with { Title = title }, ct);
            }
            catch (DatoCmsApiException ex) when (ex.Code == DatoCmsErrorCode.StaleItemVersion)
            {
                item = await client.GetItemAsync(id, ct);
            }
        }
    }
}
//// CancellationWaitHandleWithTimeout
public sealed class BlockingSync(IContentClient client)
{
    public void Sync(Item item, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                client.UpdateItemAsync(item, ct).GetAwaiter().GetResult();
                return;
            }
            catch (DatoCmsTransientApiException) when (attempt < 3)
            {
                ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(attempt * 2));
            }
        }
    }
}
//// WaitInStaticBackoffClassOfTheSameFile
public static class Backoff
{
    public static Task PauseAsync(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << attempt)), ct);
}

public sealed class UploadRetrier(IContentClient client)
{
    public async Task UploadAsync(Item item, CancellationToken ct)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                await client.UpdateItemAsync(item, ct);
                break;
            }
            catch (DatoCmsApiException ex)
            {
                if (!ex.IsTransient || ++attempt > 4)
                {
                    throw;
                }

                await Backoff.PauseAsync(attempt, ct);
            }
        }
    }
}
