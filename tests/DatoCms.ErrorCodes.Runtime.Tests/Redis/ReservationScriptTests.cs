using System;
using System.Linq;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>
/// The reservation script's arithmetic, run on a real redis-server: slots never crowd more than
/// the limit into any window, each one is as early as that allows, and the log forgets what has
/// left the window.
/// </summary>
public class ReservationScriptTests : IClassFixture<RedisFixture>
{
    private const long Minute = 60_000_000;
    private readonly RedisFixture _redis;

    public ReservationScriptTests(RedisFixture redis) => _redis = redis;

    [Fact]
    public async Task EachSlotIsTheLimitThMostRecentPlusTheWindowAndNoWindowHoldsMoreThanTheLimit()
    {
        const int limit = 4;
        var project = RedisFixture.NewProjectKey();
        var waits = new long[3 * limit + 1];
        for (var i = 0; i < waits.Length; i++)
        {
            var (reserved, wait, inForce) = await ReserveAsync(project, Minute, limit, "m" + i, maxWait: -1);
            Assert.True(reserved);
            Assert.Equal(limit, inForce);
            waits[i] = wait;
        }

        var slots = (await _redis.Database.SortedSetRangeByRankWithScoresAsync(RedisKeys.Log(project))).Select(e => (long)e.Score).ToArray();
        Assert.Equal(waits.Length, slots.Length);
        Assert.All(waits.Take(limit), wait => Assert.Equal(0, wait));
        Assert.All(waits.Skip(limit), wait => Assert.InRange(wait, 1, 3 * Minute));
        for (var i = 1; i < slots.Length; i++)
        {
            Assert.True(slots[i] >= slots[i - 1], "slots are handed out in order");
        }

        for (var i = limit; i < slots.Length; i++)
        {
            // Exactly at the edge: the earliest moment the window allows, not a microsecond later.
            Assert.Equal(slots[i - limit] + Minute, slots[i]);
        }

        foreach (var end in slots)
        {
            Assert.True(slots.Count(s => s > end - Minute && s <= end) <= limit, "a window holds at most the limit");
        }
    }

    [Fact]
    public async Task SpreadEvenlySlotsAreTheWindowOverTheLimitApartAndStillNeverCrowdAWindow()
    {
        const int limit = 6;
        var project = RedisFixture.NewProjectKey();
        var waits = new long[2 * limit + 1];
        for (var i = 0; i < waits.Length; i++)
        {
            (_, waits[i], _) = await ReserveAsync(project, Minute, limit, "e" + i, maxWait: -1, spreadEvenly: true);
        }

        var slots = (await _redis.Database.SortedSetRangeByRankWithScoresAsync(RedisKeys.Log(project))).Select(e => (long)e.Score).ToArray();
        Assert.Equal(0, waits[0]);
        Assert.All(waits.Skip(1), wait => Assert.True(wait > 0, "only the first slot of an idle project is free at once"));
        for (var i = 1; i < slots.Length; i++)
        {
            Assert.Equal(slots[i - 1] + (Minute / limit), slots[i]);
        }

        foreach (var end in slots)
        {
            Assert.True(slots.Count(s => s > end - Minute && s <= end) <= limit, "a window holds at most the limit");
        }
    }

    [Fact]
    public async Task ASlotLaterThanTheCallerWillWaitIsNotKept()
    {
        const int limit = 2;
        var project = RedisFixture.NewProjectKey();
        await ReserveAsync(project, Minute, limit, "a", maxWait: 0);
        await ReserveAsync(project, Minute, limit, "b", maxWait: 0);

        var (reserved, wait, _) = await ReserveAsync(project, Minute, limit, "c", maxWait: 0);

        Assert.False(reserved);
        Assert.InRange(wait, 1, Minute);
        Assert.Equal(2, await _redis.Database.SortedSetLengthAsync(RedisKeys.Log(project)));
    }

    [Fact]
    public async Task SlotsThatLeftTheWindowAreForgotten()
    {
        const int limit = 3;
        const long window = 200_000;
        var project = RedisFixture.NewProjectKey();
        for (var i = 0; i < limit; i++)
        {
            await ReserveAsync(project, window, limit, "old" + i, maxWait: -1);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var (reserved, wait, _) = await ReserveAsync(project, window, limit, "new", maxWait: 0);

        Assert.True(reserved);
        Assert.Equal(0, wait);
        Assert.Equal(1, await _redis.Database.SortedSetLengthAsync(RedisKeys.Log(project)));
        Assert.True(await _redis.Database.KeyTimeToLiveAsync(RedisKeys.Log(project)) is { } ttl && ttl > TimeSpan.Zero, "an idle log expires");
    }

    [Fact]
    public async Task APublishedPauseMovesTheFirstSlotToItsEnd()
    {
        var project = RedisFixture.NewProjectKey();
        await _redis.Database.StringSetAsync(RedisKeys.Pause(project), "1", TimeSpan.FromSeconds(30));

        var (reserved, wait, _) = await ReserveAsync(project, Minute, 10, "p", maxWait: -1);

        // Past its end by the millisecond PTTL may hide (it counts whole milliseconds).
        Assert.True(reserved);
        Assert.InRange(wait, 29_000_000, 30_001_000);
    }

    [Fact]
    public async Task TheSharedLimitKeyOverridesTheCallersDefault()
    {
        var project = RedisFixture.NewProjectKey();
        await _redis.Database.StringSetAsync(RedisKeys.Limit(project), 2);

        var granted = 0;
        for (var i = 0; i < 5; i++)
        {
            var (reserved, _, inForce) = await ReserveAsync(project, Minute, 60, "l" + i, maxWait: 0);
            Assert.Equal(2, inForce);
            granted += reserved ? 1 : 0;
        }

        Assert.Equal(2, granted);
    }

    private async Task<(bool Reserved, long Wait, int Limit)> ReserveAsync(string project, long windowMicroseconds, int limit, string member, long maxWait, bool spreadEvenly = false)
    {
        var result = await _redis.Database.ScriptEvaluateAsync(
            DatoCmsRedisRateLimitScripts.Reserve,
            RedisKeys.ForScript(project),
            new RedisValue[] { windowMicroseconds, limit, 1, member, maxWait, spreadEvenly ? 1 : 0 });
        var parts = (RedisResult[])result!;
        return ((long)parts[0] == 1, (long)parts[1], (int)parts[2]);
    }
}
