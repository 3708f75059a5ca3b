using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
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
