using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary><see cref="DatoCmsRetry"/>: the handler's policy over a delegate that throws typed exceptions.</summary>
public class RetryExecuteTests
{
    private static readonly string LockedBody = "{\"data\":[{\"id\":\"e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\"}}]}";
    private static readonly string InvalidBody = "{\"data\":[{\"id\":\"e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\"}}]}";

    private static DatoCmsRetryOptions Options(List<DatoCmsRetryAttempt> retries, int maxAttempts = 5) => new()
    {
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        OnRetry = retries.Add,
    };

    [Fact]
    public async Task TransientFailuresAreRetriedUntilTheResult()
    {
        var retries = new List<DatoCmsRetryAttempt>();
        var calls = 0;

        var result = await DatoCmsRetry.ExecuteAsync(_ => ++calls < 3 ? throw DatoCmsApiException.FromResponse(422, LockedBody) : Task.FromResult("done"), Options(retries));

        Assert.Equal("done", result);
        Assert.Equal(3, calls);
        Assert.Equal(new[] { 1, 2 }, retries.ConvertAll(r => r.Attempt));
        Assert.All(retries, r => Assert.Null(r.Request));
    }

    [Fact]
    public async Task PermanentFailureSurfacesAtOnce()
    {
        var retries = new List<DatoCmsRetryAttempt>();
        var calls = 0;

        await Assert.ThrowsAsync<InvalidFieldException>(() => DatoCmsRetry.ExecuteAsync(_ =>
        {
            calls++;
            throw DatoCmsApiException.FromResponse(422, InvalidBody);
        }, Options(retries)));

        Assert.Equal(1, calls);
        Assert.Empty(retries);
    }

    [Fact]
    public async Task LastTransientFailureSurfacesWhenAttemptsRunOut()
    {
        var calls = 0;

        await Assert.ThrowsAsync<ItemLockedException>(() => DatoCmsRetry.ExecuteAsync(_ =>
        {
            calls++;
            throw DatoCmsApiException.FromResponse(422, LockedBody);
        }, Options(new List<DatoCmsRetryAttempt>(), maxAttempts: 4)));

        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task OtherExceptionsAreNotRetried()
    {
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => DatoCmsRetry.ExecuteAsync(_ =>
        {
            calls++;
            throw new InvalidOperationException();
        }, Options(new List<DatoCmsRetryAttempt>())));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task CancellationDuringTheWaitStopsAtOnce()
    {
        using var cancellation = new CancellationTokenSource();
        var options = new DatoCmsRetryOptions { BaseDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromMinutes(1), OnRetry = _ => cancellation.CancelAfter(50) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DatoCmsRetry.ExecuteAsync(_ => throw DatoCmsApiException.FromResponse(503, string.Empty), options, cancellation.Token));
    }

    [Fact]
    public async Task RateLimitWaitsForTheServersReset()
    {
        var retries = new List<DatoCmsRetryAttempt>();
        var headers = new[] { new KeyValuePair<string, IEnumerable<string>>("X-RateLimit-Reset", new[] { "0.05" }) };
        var calls = 0;

        await DatoCmsRetry.ExecuteAsync(_ => ++calls == 1 ? throw DatoCmsApiException.FromResponse(429, string.Empty, headers) : Task.CompletedTask, Options(retries));

        // The reset in full, plus up to a quarter so that clients rejected together spread out.
        Assert.InRange(Assert.Single(retries).Delay, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(62.5));
    }

    [Fact]
    public async Task RateLimitSpendsTheWaitBudgetNotTheAttempts()
    {
        var retries = new List<DatoCmsRetryAttempt>();
        var headers = new[] { new KeyValuePair<string, IEnumerable<string>>("X-RateLimit-Reset", new[] { "0.01" }) };
        var calls = 0;
        var options = Options(retries, maxAttempts: 2);

        // Six 429s, then a transient failure: only the transient failure spends an attempt.
        await DatoCmsRetry.ExecuteAsync(
            _ => ++calls <= 6 ? throw DatoCmsApiException.FromResponse(429, string.Empty, headers) : calls == 7 ? throw DatoCmsApiException.FromResponse(422, LockedBody) : Task.CompletedTask,
            options);
        Assert.Equal(8, calls);

        // With no budget left, the 429 surfaces.
        options.MaxRateLimitWait = TimeSpan.FromMilliseconds(30);
        calls = 0;
        await Assert.ThrowsAsync<RateLimitExceededException>(() => DatoCmsRetry.ExecuteAsync(_ => { calls++; throw DatoCmsApiException.FromResponse(429, string.Empty, headers); }, options));
        Assert.InRange(calls, 2, 5);
    }

    [Fact]
    public async Task ScheduledMaintenanceSpendsTheMaintenanceWaitNotTheAttempts()
    {
        const string MaintenanceBody = "{\"data\":[{\"id\":\"e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"PLATFORM_SCHEDULED_MAINTENANCE\"}}]}";
        var retries = new List<DatoCmsRetryAttempt>();
        var calls = 0;
        var options = Options(retries, maxAttempts: 2);
        options.UseJitter = false;

        // Four maintenance answers, then a success: more than MaxAttempts (2) allows failures.
        await DatoCmsRetry.ExecuteAsync(_ => ++calls <= 4 ? throw DatoCmsApiException.FromResponse(503, MaintenanceBody) : Task.CompletedTask, options);
        Assert.Equal(5, calls);
        Assert.Equal(new[] { 1, 2, 3, 4 }, retries.ConvertAll(r => r.Attempt));

        // Backoff waits of 1, 2 and 4 ms, the last cut to what is left of 5 ms: then the maintenance surfaces.
        options.MaintenanceWait = TimeSpan.FromMilliseconds(5);
        calls = 0;
        await Assert.ThrowsAnyAsync<DatoCmsApiException>(() => DatoCmsRetry.ExecuteAsync(_ => { calls++; throw DatoCmsApiException.FromResponse(503, MaintenanceBody); }, options));
        Assert.Equal(4, calls);
    }
}
