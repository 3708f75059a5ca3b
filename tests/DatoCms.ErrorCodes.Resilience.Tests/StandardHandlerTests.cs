using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>
/// What AddStandardResilienceHandler gets wrong on this API, with its defaults (only the retry
/// delay is shortened, so the tests run fast), and that ConfigureForDatoCms corrects each mistake.
/// </summary>
public class StandardHandlerTests : IAsyncLifetime
{
    private ScriptedApi _api = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _api = await ScriptedApi.StartAsync();
        var collection = new ServiceCollection();
        collection.AddHttpClient("standard", c => c.BaseAddress = _api.BaseAddress).AddStandardResilienceHandler(FastRetries);
        collection.AddHttpClient("corrected", c => c.BaseAddress = _api.BaseAddress).AddStandardResilienceHandler(options =>
        {
            FastRetries(options);
            options.ConfigureForDatoCms(new DatoCmsResilienceOptions
            {
                MaxAttempts = 4,
                BaseDelay = TimeSpan.FromMilliseconds(1),
                MaxDelay = TimeSpan.FromMilliseconds(2),
                MaxRateLimitWait = TimeSpan.FromMilliseconds(20), // a 429 that lasts is given up fast
            });
        });
        collection.AddHttpClient("patient", c => c.BaseAddress = _api.BaseAddress).AddStandardResilienceHandler(options =>
        {
            FastRetries(options);
            options.ConfigureForDatoCms(new DatoCmsResilienceOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) });
        });
        _services = collection.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task StandardHandlerRepeatsAPostAfterAGatewayErrorTheCorrectedOneDoesNot()
    {
        Assert.Equal(4, await AttemptsAsync("standard", HttpMethod.Post, 503, null));
        Assert.Equal(1, await AttemptsAsync("corrected", HttpMethod.Post, 503, null));
        Assert.Equal(4, await AttemptsAsync("corrected", HttpMethod.Get, 503, null));
    }

    [Fact]
    public async Task StandardHandlerRetriesTheNonTransientServerExceptionTheCorrectedOneDoesNot()
    {
        Assert.Equal(4, await AttemptsAsync("standard", HttpMethod.Get, 500, "EXCEPTION"));
        Assert.Equal(1, await AttemptsAsync("corrected", HttpMethod.Get, 500, "EXCEPTION"));
    }

    [Theory]
    [InlineData("ITEM_LOCKED")]
    [InlineData("ENVIRONMENT_NOT_READY")]
    public async Task StandardHandlerNeverRetriesTheTransient4xxCodesTheCorrectedOneDoes(string code)
    {
        Assert.Equal(1, await AttemptsAsync("standard", HttpMethod.Post, 422, code));
        Assert.Equal(4, await AttemptsAsync("corrected", HttpMethod.Post, 422, code));
    }

    [Fact]
    public async Task CorrectedHandlerSpendsTheRateLimitBudgetNotAttemptsOn429s()
    {
        // Five 429s, then a success: more than MaxAttempts (4) allows failures.
        var id = "patient-429s-" + Guid.NewGuid().ToString("N");
        using var response = await Client("patient").SendAsync(Scripted.Request(HttpMethod.Post, id, 429, "RATE_LIMIT_EXCEEDED", reset: "0.001", fail: 5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, _api.AttemptsOf(id));
    }

    [Fact]
    public async Task RateLimitOpensTheStandardBreakerButNotTheCorrectedOne()
    {
        // The breaker's defaults: 10% failures among at least 100 outcomes in 30 s. A rate-limited
        // burst gets there at once; every request after that fails without reaching the server.
        var standard = await SendRateLimitedBurstAsync("standard", 40);
        var corrected = await SendRateLimitedBurstAsync("corrected", 40);

        Assert.True(standard.Broken > 0, "the standard breaker never opened");
        Assert.Equal(0, corrected.Broken);
        Assert.Equal(40, corrected.RateLimited);
    }

    [Fact]
    public async Task CorrectedHandlerKeepsItsConcurrencyLimiterAndWaitsOutThe429sItDoesNotPrevent()
    {
        // The standard rate limiter sits outside the retry: one permit covers every attempt of a call
        // and never sees an answer, so the adaptive throttle could neither count the retries nor
        // learn from X-RateLimit-Remaining or a 429 there. ConfigureForDatoCms leaves it as it is.
        var options = new HttpStandardResilienceOptions();
        var permits = options.RateLimiter.DefaultRateLimiterOptions.PermitLimit;
        options.ConfigureForDatoCms();
        Assert.Null(options.RateLimiter.RateLimiter);
        Assert.Equal(permits, options.RateLimiter.DefaultRateLimiterOptions.PermitLimit);
        Assert.False(options.Retry.ShouldRetryAfterHeader);
        Assert.NotNull(options.Retry.DelayGenerator); // X-RateLimit-Reset and the backoff, not Polly's 2 s exponential default

        // Unpaced, a burst meets 429s; the corrected retry waits each one out (X-RateLimit-Reset,
        // within MaxRateLimitWait, attempts untouched) and every request passes.
        await using var api = await ImitationApi.StartAsync(new ImitationOptions { RequestsPerWindow = 8, Window = TimeSpan.FromSeconds(1), Mode = ImitationWindowMode.Sliding });
        var collection = new ServiceCollection();
        collection.AddHttpClient("burst", c => c.BaseAddress = api.BaseAddress).AddStandardResilienceHandler(o =>
        {
            FastRetries(o);
            o.ConfigureForDatoCms(new DatoCmsResilienceOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) });
        });
        await using var services = collection.BuildServiceProvider();
        using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("burst");

        var statuses = await Bursts.GetStatusesAsync(16, "burst", _ => client);

        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.True(api.TooManyRequests > 0, "the unpaced burst met no 429");
    }

    private static void FastRetries(HttpStandardResilienceOptions options)
    {
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.BackoffType = DelayBackoffType.Constant;
        options.Retry.UseJitter = false;
    }

    private async Task<int> AttemptsAsync(string client, HttpMethod method, int status, string? code)
    {
        var id = client + Guid.NewGuid().ToString("N");
        using var response = await Client(client).SendAsync(Scripted.Request(method, id, status, code));
        Assert.Equal(status, (int)response.StatusCode);
        return _api.AttemptsOf(id);
    }

    private async Task<(int Broken, int RateLimited)> SendRateLimitedBurstAsync(string client, int requests)
    {
        int broken = 0, rateLimited = 0;
        foreach (var i in Enumerable.Range(0, requests))
        {
            try
            {
                using var response = await Client(client).SendAsync(Scripted.Request(HttpMethod.Get, client + "-burst-" + i, 429, "RATE_LIMIT_EXCEEDED", reset: "0.001"));
                rateLimited += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
            }
            catch (BrokenCircuitException)
            {
                broken++;
            }
        }

        return (broken, rateLimited);
    }

    private HttpClient Client(string name) => _services.GetRequiredService<IHttpClientFactory>().CreateClient(name);
}
