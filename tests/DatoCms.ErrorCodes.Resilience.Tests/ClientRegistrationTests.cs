using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
using DatoCms.ErrorCodes.Resilience.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>AddDatoCmsHttpClient with the real IHttpClientFactory: one line gives a client ready for the API.</summary>
public class ClientRegistrationTests
{
    private const string Token = "registration-secret-token";

    [Fact]
    public async Task NamedClientSendsTheApisHeadersAndRetriesTransientCodes()
    {
        await using var api = await ScriptedApi.StartAsync();
        var logger = new RecordingLogger();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logger).SetMinimumLevel(LogLevel.Trace));
        services.AddDatoCmsHttpClient("datocms", o =>
        {
            o.ApiToken = Token;
            o.Environment = "sandbox-1";
            o.BaseAddress = api.BaseAddress;
            o.Retry = RetryStacks.FastRetryOptions(maxAttempts: 3);
        });
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms");

        using var response = await client.SendAsync(Scripted.Request(HttpMethod.Post, "r1", 422, "ITEM_LOCKED", fail: 2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, api.AttemptsOf("r1"));
        Assert.Equal("Bearer " + Token, api.LastHeaders["Authorization"]);
        Assert.Equal("3", api.LastHeaders["X-Api-Version"]);
        Assert.Equal("sandbox-1", api.LastHeaders["X-Environment"]);
        Assert.Equal("application/json", api.LastHeaders["Accept"]);

        // The factory's own Trace logs list the request headers: the token is redacted there, and
        // the retry messages (from the container's logger) carry no header at all.
        Assert.Contains(logger.Records, r => r.EventId.Id == 1401);
        Assert.Contains(logger.Records, r => r.Message.Contains("Authorization", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Records, r => r.Message.Contains(Token, StringComparison.Ordinal));
    }

    /// <summary>
    /// HttpClient's own 100 s would end a long job or a rate-limit wait before the budgets that bound
    /// them (a new user's trial, 2026-12-03): a DatoCMS client's timeout is infinite where our
    /// handler or pipeline bounds it, the 100 s where nothing does, and a later setting of the user's wins.
    /// </summary>
    [Fact]
    public void AClientsHttpTimeoutIsLeftToTheBudgetsThatBoundIt()
    {
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("handler", o => o.ApiToken = Token);
        services.AddDatoCmsHttpClient("pipeline", o => o.ApiToken = Token).AddDatoCmsResilienceHandler();
        services.AddDatoCmsHttpClient("bare", o => { o.ApiToken = Token; o.UseRetryHandler = false; });
        services.AddDatoCmsHttpClient("own", o => o.ApiToken = Token).ConfigureHttpClient(c => c.Timeout = TimeSpan.FromMinutes(5));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, factory.CreateClient("handler").Timeout);
        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, factory.CreateClient("pipeline").Timeout);
        Assert.Equal(TimeSpan.FromSeconds(100), factory.CreateClient("bare").Timeout);
        Assert.Equal(TimeSpan.FromMinutes(5), factory.CreateClient("own").Timeout);
    }

    [Fact]
    public async Task TypedClientsOfOneProjectShareOneRetryOptionsAndThrottle()
    {
        await using var api = await ScriptedApi.StartAsync();
        var services = new ServiceCollection();
        var shared = RetryStacks.FastRetryOptions();
        services.AddDatoCmsHttpClient<FirstApi>(o => { o.ApiToken = Token; o.BaseAddress = api.BaseAddress; o.Project = "acme"; o.Retry = shared; });
        services.AddDatoCmsHttpClient<SecondApi>(o => { o.ApiToken = Token; o.BaseAddress = api.BaseAddress; o.Project = "acme"; });
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<FirstApi>();
        var second = provider.GetRequiredService<SecondApi>();
        using var a = await first.Client.SendAsync(Scripted.Request(HttpMethod.Get, "a", 503, fail: 1));
        using var b = await second.Client.SendAsync(Scripted.Request(HttpMethod.Get, "b", 503, fail: 1));

        Assert.Equal(api.BaseAddress, first.Client.BaseAddress);
        Assert.Equal(2, api.AttemptsOf("a"));
        Assert.Equal(2, api.AttemptsOf("b"));
        Assert.Same(provider.GetRequiredService<DatoCmsProjects>().RetryOptionsFor("acme", new DatoCmsRetryOptions(), provider), shared);
    }

    [Fact]
    public async Task MissingTokenFailsWhenTheClientIsCreatedWithoutQuotingAnything()
    {
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o => o.Environment = "sandbox");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms"));

        Assert.Equal(new[] { "The DatoCMS client 'datocms': ApiToken is required." }, error.Failures);
    }

    [Fact]
    public async Task EachClientIsValidatedOnceAndOnlyForItsOwnName()
    {
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o => o.ApiVersion = "3");
        services.AddDatoCmsHttpClient("datocms", o => o.Environment = "sandbox");
        services.AddDatoCmsHttpClient("valid", o => o.ApiToken = Token);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms"));
        Assert.Equal(new[] { "The DatoCMS client 'datocms': ApiToken is required." }, error.Failures);
        using var valid = provider.GetRequiredService<IHttpClientFactory>().CreateClient("valid");
    }

    [Fact]
    public async Task EachProblemOfTheSettingsIsNamedOnItsOwn()
    {
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o => { o.ApiToken = Token; o.BaseAddress = new Uri("/api/", UriKind.Relative); o.ApiVersion = " "; });
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms"));

        Assert.Equal(
            new[] { "The DatoCMS client 'datocms': BaseAddress must be an absolute URI.", "The DatoCMS client 'datocms': ApiVersion is required." },
            error.Failures);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisteredClientCanTakeTheResiliencePipelineInsteadOfTheHandler()
    {
        await using var api = await ScriptedApi.StartAsync();
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o => { o.ApiToken = Token; o.BaseAddress = api.BaseAddress; o.UseRetryHandler = false; })
            .AddDatoCmsResilienceHandler(o => { o.MaxAttempts = 2; o.BaseDelay = TimeSpan.FromMilliseconds(1); o.MaxDelay = TimeSpan.FromMilliseconds(2); });
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms");

        using var response = await client.SendAsync(Scripted.Request(HttpMethod.Put, "r1", 422, "ITEM_LOCKED"));

        // Two attempts, not 2 x 5: only the pipeline retries.
        Assert.Equal(2, api.AttemptsOf("r1"));
        Assert.Equal("Bearer " + Token, api.LastHeaders["Authorization"]);
    }

    [Fact]
    public async Task TheResiliencePipelineReplacesTheHandlerWithoutBeingAskedTo()
    {
        // UseRetryHandler left on, as a user who added the pipeline to a registered client may well
        // do: two nested retry loops would send 2 x 5 attempts.
        await using var api = await ScriptedApi.StartAsync();
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o => { o.ApiToken = Token; o.BaseAddress = api.BaseAddress; })
            .AddDatoCmsResilienceHandler(o => { o.MaxAttempts = 2; o.BaseDelay = TimeSpan.FromMilliseconds(1); o.MaxDelay = TimeSpan.FromMilliseconds(2); });
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms");

        using var response = await client.SendAsync(Scripted.Request(HttpMethod.Put, "r1", 422, "ITEM_LOCKED"));

        Assert.Equal(2, api.AttemptsOf("r1"));
        Assert.False(provider.GetRequiredService<IOptionsMonitor<DatoCmsClientOptions>>().Get("datocms").UseRetryHandler);
    }

    public sealed class FirstApi
    {
        public FirstApi(HttpClient client) => Client = client;

        public HttpClient Client { get; }
    }

    public sealed class SecondApi
    {
        public SecondApi(HttpClient client) => Client = client;

        public HttpClient Client { get; }
    }
}
