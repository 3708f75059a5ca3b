using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>UseRedisRateLimit puts an IHttpClientFactory client's requests through the project's shared log in Redis.</summary>
public class RedisRateLimitRegistrationTests : IClassFixture<RedisFixture>
{
    private readonly RedisFixture _redis;

    public RedisRateLimitRegistrationTests(RedisFixture redis) => _redis = redis;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFactoryClientsRequestsTakeSlotsInTheProjectsLogAndPublishTheServersLimit(bool connectionFromContainer)
    {
        await using var api = await ImitationApi.StartAsync(requestsPerWindow: 40, window: TimeSpan.FromSeconds(3));
        var project = RedisFixture.NewProjectKey();
        var services = new ServiceCollection();
        var client = services.AddHttpClient("datocms", c => c.BaseAddress = api.BaseAddress)
            .AddHttpMessageHandler(() => new DatoCmsRetryHandler(new DatoCmsRetryOptions { EnableThrottling = false }));

        // Either would leave a request out of the log on a busy machine (this test failed once under
        // load): every reservation drops the slots older than the window, and the five requests can
        // take longer than the real three seconds; a first script call slower than the default
        // half-second timeout goes to the local fall-back throttle.
        var fallbacks = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        void Configure(DatoCmsRedisRateLimiterOptions o)
        {
            o.SpreadEvenly = false;
            o.Window = TimeSpan.FromMinutes(1);
            o.RedisTimeout = TimeSpan.FromSeconds(5);
            o.OnRedisUnavailable = fallbacks.Enqueue;
        }

        if (connectionFromContainer)
        {
            services.AddSingleton<IConnectionMultiplexer>(_redis.Connection);
            client.UseRedisRateLimit(project, Configure);
        }
        else
        {
            client.UseRedisRateLimit(_redis.Connection, project, Configure);
        }

        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "items");
            request.Headers.Add("X-Test-Request", "r" + i);
            using var response = await factory.CreateClient("datocms").SendAsync(request);
            Assert.True(response.IsSuccessStatusCode);
        }

        Assert.Empty(fallbacks);
        Assert.Equal(5, await _redis.Database.SortedSetLengthAsync(RedisKeys.Log(project)));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (await _redis.Database.StringGetAsync(RedisKeys.Limit(project)) != 40)
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), "the server's X-RateLimit-Limit was never published");
            await Task.Delay(10);
        }

        Assert.Equal(5, api.Attempts.Values.Sum(a => a.Count));
    }

    [Fact]
    public void WithoutAConnectionInTheContainerTheFirstClientSaysWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("datocms").UseRedisRateLimit(RedisFixture.NewProjectKey());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms"));
        Assert.Contains("IConnectionMultiplexer", error.Message, StringComparison.Ordinal);
    }
}
