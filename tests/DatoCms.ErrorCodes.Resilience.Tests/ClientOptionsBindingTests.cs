using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>
/// AddDatoCmsHttpClient's settings bound from configuration: a value out of range is an
/// <see cref="OptionsValidationException"/> that names the client and the option, the way the
/// options pattern reports bad settings, not an exception from inside the binder.
/// </summary>
public class ClientOptionsBindingTests
{
    private const string Token = "binding-secret-token";

    /// <summary>Settings that the setters of <see cref="DatoCmsRetryOptions"/> and <see cref="DatoCmsJobOptions"/> reject.</summary>
    public static TheoryData<string, string, string> OutOfRange => new()
    {
        { "Retry:MaxAttempts", "0", "Retry.MaxAttempts" },
        { "Retry:BaseDelay", "-00:00:01", "Retry.BaseDelay" },
        { "Retry:RequestsPerWindow", "0", "Retry.RequestsPerWindow" },
        { "Retry:AttemptTimeout", "00:00:00", "Retry.AttemptTimeout" },
        { "Retry:Jobs:Timeout", "00:00:00", "Retry.Jobs.Timeout" },
        { "Retry:Jobs:FirstPollDelay", "-00:00:01", "Retry.Jobs.FirstPollDelay" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task OutOfRangeValueBoundInTheConfigureActionFailsValidationNamingTheClientAndTheOption(string key, string value, string option)
    {
        var configuration = Configuration(("DatoCms:ApiToken", Token), ("DatoCms:" + key, value));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o => configuration.GetSection("DatoCms").Bind(o));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms"));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("The DatoCMS client 'datocms': " + option + " is " + value + ": ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryValueOutOfRangeIsNamedWhenTheSectionIsBoundThroughTheOptionsApi()
    {
        var configuration = Configuration(
            ("DatoCms:ApiToken", Token),
            ("DatoCms:Retry:MaxAttempts", "0"),
            ("DatoCms:Retry:MaxDelay", "-00:00:05"),
            ("DatoCms:Retry:Jobs:MaxPollDelay", "-00:00:01"));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o => { });
        services.Configure<DatoCmsClientOptions>("datocms", configuration.GetSection("DatoCms"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms"));

        // The binder goes on past a rejected value, so every one is named, in the order bound.
        Assert.Equal(
            new[]
            {
                "The DatoCMS client 'datocms': Retry.MaxAttempts is 0: At least one attempt is needed.",
                "The DatoCMS client 'datocms': Retry.MaxDelay is -00:00:05: The longest backoff delay cannot be negative.",
                "The DatoCMS client 'datocms': Retry.Jobs.MaxPollDelay is -00:00:01: The poll delay cannot be negative.",
            },
            error.Failures);
        Assert.Equal("datocms", error.OptionsName);
    }

    [Fact]
    public async Task ValidateOnStartReportsAValueOutOfRangeBeforeAnyClientIsMade()
    {
        var configuration = Configuration(("DatoCms:ApiToken", Token), ("DatoCms:Retry:MaxAttempts", "-1"));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o => configuration.GetSection("DatoCms").Bind(o));
        services.AddOptions<DatoCmsClientOptions>("datocms").ValidateOnStart();
        await using var provider = services.BuildServiceProvider();

        // What a host runs as it starts.
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(new[] { "The DatoCMS client 'datocms': Retry.MaxAttempts is -1: At least one attempt is needed." }, error.Failures);
    }

    [Fact]
    public async Task ValidValueSetAfterARejectedOneWins()
    {
        var configuration = Configuration(("DatoCms:ApiToken", Token), ("DatoCms:Retry:MaxAttempts", "0"));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o =>
        {
            configuration.GetSection("DatoCms").Bind(o);
            o.Retry.MaxAttempts = 2;
        });
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms");

        Assert.Equal(2, provider.GetRequiredService<IOptionsMonitor<DatoCmsClientOptions>>().Get("datocms").Retry.MaxAttempts);
    }

    [Fact]
    public async Task ValidatedOptionsThrowAtOnceForALaterValueOutOfRange()
    {
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", o => o.ApiToken = Token);
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<DatoCmsClientOptions>>().Get("datocms");

        // The handler already uses these options: a change nobody would see must not be swallowed.
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retry.MaxAttempts = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retry.Jobs.Timeout = TimeSpan.Zero);
        Assert.Equal(5, options.Retry.MaxAttempts);
    }

    [Fact]
    public void RetryOptionsMadeInCodeStillThrowAtOnce()
    {
        var retry = new DatoCmsRetryOptions();
        var client = new DatoCmsClientOptions { Retry = retry };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => client.Retry.MaxAttempts = 0);

        // The message names the option and the value (a new user's trial: "(Parameter 'value')" named neither).
        Assert.Equal("MaxAttempts", error.ParamName);
        Assert.Equal(0, error.ActualValue);
        Assert.Contains("MaxAttempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "ApiToken is required." }, client.Validate());
    }

    [Fact]
    public async Task ResilienceHandlerBoundFromASectionNamesAJobSettingOutOfRangeAndTheClient()
    {
        var configuration = Configuration(("R:MaxAttempts", "3"), ("R:Jobs:Timeout", "00:00:00"));
        var services = new ServiceCollection();
        services.AddHttpClient("r", c => c.BaseAddress = new Uri("http://127.0.0.1:1/")).AddDatoCmsResilienceHandler(configuration.GetSection("R"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("r"));

        Assert.Equal(
            new[] { "The DatoCMS resilience handler of client 'r': Jobs.Timeout is 00:00:00: The job timeout must be positive or infinite." },
            error.Failures);
    }

    [Fact]
    public void NullSectionThrowsBeforeAnyClientIsRegistered()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>("section", () => services.AddDatoCmsHttpClient("datocms", (IConfigurationSection)null!));
        Assert.Throws<ArgumentNullException>("section", () => services.AddDatoCmsHttpClient<ClientRegistrationTests.FirstApi>((IConfigurationSection)null!));
        Assert.Throws<ArgumentNullException>("section", () => services.AddDatoCmsHttpClient<ICmsApi, CmsApi>((IConfigurationSection)null!));

        Assert.Empty(services);
    }

    [Fact]
    public async Task NamedClientTakesItsSettingsFromASection()
    {
        await using var api = await ScriptedApi.StartAsync();
        var configuration = Configuration(
            ("DatoCms:ApiToken", Token),
            ("DatoCms:Environment", "sandbox-2"),
            ("DatoCms:BaseAddress", api.BaseAddress.ToString()),
            ("DatoCms:Retry:MaxAttempts", "2"),
            ("DatoCms:Retry:BaseDelay", "00:00:00.001"),
            ("DatoCms:Retry:MaxDelay", "00:00:00.002"),
            ("DatoCms:Retry:EnableThrottling", "false"));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", configuration.GetSection("DatoCms"));
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms");

        using var response = await client.SendAsync(Scripted.Request(HttpMethod.Put, "r1", 422, "ITEM_LOCKED"));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(2, api.AttemptsOf("r1"));
        Assert.Equal("Bearer " + Token, api.LastHeaders["Authorization"]);
        Assert.Equal("sandbox-2", api.LastHeaders["X-Environment"]);
    }

    [Fact]
    public async Task TypedClientsTakeTheirSettingsFromASection()
    {
        await using var api = await ScriptedApi.StartAsync();
        var configuration = Configuration(("DatoCms:ApiToken", Token), ("DatoCms:BaseAddress", api.BaseAddress.ToString()), ("DatoCms:ApiVersion", "4"));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient<ClientRegistrationTests.FirstApi>(configuration.GetSection("DatoCms"));
        services.AddDatoCmsHttpClient<ICmsApi, CmsApi>(configuration.GetSection("DatoCms"));
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<ClientRegistrationTests.FirstApi>();
        var second = provider.GetRequiredService<ICmsApi>();

        Assert.Equal(api.BaseAddress, first.Client.BaseAddress);
        Assert.Equal(api.BaseAddress, second.Client.BaseAddress);
        using var response = await second.Client.SendAsync(Scripted.Request(HttpMethod.Get, "r1", 200));
        Assert.Equal("4", api.LastHeaders["X-Api-Version"]);
        Assert.Equal("Bearer " + Token, api.LastHeaders["Authorization"]);
    }

    [Fact]
    public async Task SectionWithValuesOutOfRangeFailsValidationNamingEachWithoutTheToken()
    {
        var configuration = Configuration(
            ("DatoCms:ApiToken", Token),
            ("DatoCms:BaseAddress", "/api/"),
            ("DatoCms:Retry:RateLimitWindow", "00:00:00"),
            ("DatoCms:Retry:Jobs:Timeout", "-00:00:02"));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", configuration.GetSection("DatoCms"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms"));

        Assert.Equal(
            new[]
            {
                "The DatoCMS client 'datocms': BaseAddress must be an absolute URI.",
                "The DatoCMS client 'datocms': Retry.RateLimitWindow is 00:00:00: The window must be positive and at most a day.",
                "The DatoCMS client 'datocms': Retry.Jobs.Timeout is -00:00:02: The job timeout must be positive or infinite.",
            },
            error.Failures);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SectionWithoutATokenFailsValidation()
    {
        var configuration = Configuration(("DatoCms:Environment", "sandbox"));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient<ClientRegistrationTests.FirstApi>(configuration.GetSection("DatoCms"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ClientRegistrationTests.FirstApi>());

        Assert.Equal(new[] { "The DatoCMS client 'FirstApi': ApiToken is required." }, error.Failures);
    }

    // Found by a new user's trial: a token read from a file kept its newline and passed validation,
    // then every request failed with a FormatException that named neither the client nor the option.
    [Theory]
    [InlineData(Token + "\n", "ApiToken contains a line break or another control character (as a token read from a file often ends with one); trim it.")]
    [InlineData(Token + "\r\n", "ApiToken contains a line break or another control character (as a token read from a file often ends with one); trim it.")]
    [InlineData("Bearer " + Token, "ApiToken starts with 'Bearer ': give the token alone, the client adds the scheme.")]
    [InlineData("bearer " + Token, "ApiToken starts with 'Bearer ': give the token alone, the client adds the scheme.")]
    public async Task TokenThatCannotBeSentAsItIsFailsValidationWithoutQuotingIt(string token, string problem)
    {
        var configuration = Configuration(("DatoCms:ApiToken", token), ("DatoCms:Environment", "sandbox\n"));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", configuration.GetSection("DatoCms"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms"));

        Assert.Equal(new[] { "The DatoCMS client 'datocms': " + problem, "The DatoCMS client 'datocms': Environment contains a line break or another control character." }, error.Failures);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientMadeAfterTheConfigurationChangesGetsTheNewSettings()
    {
        await using var api = await ScriptedApi.StartAsync();
        var configuration = Configuration(("DatoCms:ApiToken", Token), ("DatoCms:BaseAddress", api.BaseAddress.ToString()), ("DatoCms:Environment", "before"));
        var services = new ServiceCollection();
        services.AddDatoCmsHttpClient("datocms", configuration.GetSection("DatoCms"));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        using (var before = factory.CreateClient("datocms"))
        {
            using var response = await before.SendAsync(Scripted.Request(HttpMethod.Get, "r1", 200));
        }

        configuration["DatoCms:Environment"] = "after";
        configuration["DatoCms:ApiToken"] = "rotated-token";
        configuration.Reload();
        using var after = factory.CreateClient("datocms");
        using var answer = await after.SendAsync(Scripted.Request(HttpMethod.Get, "r2", 200));

        Assert.Equal("after", api.LastHeaders["X-Environment"]);
        Assert.Equal("Bearer rotated-token", api.LastHeaders["Authorization"]);
    }

    public interface ICmsApi
    {
        HttpClient Client { get; }
    }

    public sealed class CmsApi : ICmsApi
    {
        public CmsApi(HttpClient client) => Client = client;

        public HttpClient Client { get; }
    }

    private static IConfigurationRoot Configuration(params (string Key, string Value)[] values)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
