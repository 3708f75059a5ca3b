using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>
/// The four ways to retry against the API, set up alike (two attempts, millisecond backoff without
/// jitter, 2.6 s for the rate limit, 10 ms of maintenance, no throttle): the plain retry
/// handler, the resilience handler from IHttpClientFactory, a Polly pipeline built with
/// AddDatoCmsRetry around HttpClient calls, and the standard resilience handler corrected with
/// ConfigureForDatoCms (its breaker kept shut: the table fails on purpose, far more than 10 %).
/// </summary>
public sealed class RetryStacks : IAsyncLifetime
{
    private ServiceProvider? _services;

    public ScriptedApi Api { get; private set; } = null!;

    public HttpClient HandlerClient { get; private set; } = null!;

    public HttpClient ResilienceClient { get; private set; } = null!;

    public HttpClient StandardClient { get; private set; } = null!;

    public HttpClient PlainClient { get; private set; } = null!;

    public ResiliencePipeline<HttpResponseMessage> PollyPipeline { get; private set; } = null!;

    /// <summary>
    /// The rate-limit budget of the stacks: a 429 with X-RateLimit-Reset <see cref="RateLimitReset"/>
    /// (0.9 s) is sent 3 times. The second wait starts about 0.9 s in and ends by 1.8 s, leaving 0.8 s
    /// of the budget for round trips on a busy machine (four stacks run side by side; 0.5 s was not
    /// enough once, in a CI run of the whole suite on two cores); a third would end at 2.7 s at the
    /// earliest, 0.1 s past it (Task.Delay may end a millisecond early, never more, so that side
    /// needs little; round trips only push the third wait further out).
    /// </summary>
    public static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromMilliseconds(2600);

    /// <summary>The X-RateLimit-Reset the parity table's 429s carry, in seconds (see <see cref="MaxRateLimitWait"/>).</summary>
    public const string RateLimitReset = "0.9";

    /// <summary>The maintenance budget of the stacks: backoff waits of 1, 2, 2, 2, 2 and the last 1 ms, so a maintenance is sent 7 times.</summary>
    public static readonly TimeSpan MaintenanceWait = TimeSpan.FromMilliseconds(10);

    internal static DatoCmsRetryOptions FastRetryOptions(int maxAttempts = 2) => new()
    {
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(2),
        EnableThrottling = false,
    };

    /// <summary>The options of the stacks: without jitter, so that waits, and so the time budgets, come out the same in each.</summary>
    internal static DatoCmsRetryOptions StackOptions()
    {
        var options = FastRetryOptions();
        options.UseJitter = false;
        options.MaxRateLimitWait = MaxRateLimitWait;
        options.MaintenanceWait = MaintenanceWait;
        return options;
    }

    public async Task InitializeAsync()
    {
        Api = await ScriptedApi.StartAsync();
        HandlerClient = new HttpClient(new DatoCmsRetryHandler(StackOptions(), new SocketsHttpHandler())) { BaseAddress = Api.BaseAddress };
        PlainClient = new HttpClient { BaseAddress = Api.BaseAddress };
        PollyPipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddDatoCmsRetry(StackOptions()).Build();

        var services = new ServiceCollection();
        services.AddHttpClient("dato", client => client.BaseAddress = Api.BaseAddress)
            .AddDatoCmsResilienceHandler(options =>
            {
                options.MaxAttempts = 2;
                options.BaseDelay = TimeSpan.FromMilliseconds(1);
                options.MaxDelay = TimeSpan.FromMilliseconds(2);
                options.EnableThrottling = false;
                options.UseJitter = false;
                options.MaxRateLimitWait = MaxRateLimitWait;
                options.MaintenanceWait = MaintenanceWait;
            });
        services.AddHttpClient("standard", client => client.BaseAddress = Api.BaseAddress)
            .AddStandardResilienceHandler(options =>
            {
                options.ConfigureForDatoCms(new DatoCmsResilienceOptions
                {
                    MaxAttempts = 2,
                    BaseDelay = TimeSpan.FromMilliseconds(1),
                    MaxDelay = TimeSpan.FromMilliseconds(2),
                    UseJitter = false,
                    MaxRateLimitWait = MaxRateLimitWait,
                    MaintenanceWait = MaintenanceWait,
                });
                options.CircuitBreaker.ShouldHandle = _ => ValueTask.FromResult(false);
            });
        _services = services.BuildServiceProvider();
        ResilienceClient = _services.GetRequiredService<IHttpClientFactory>().CreateClient("dato");
        StandardClient = _services.GetRequiredService<IHttpClientFactory>().CreateClient("standard");
    }

    /// <summary>Sends one scripted request through the Polly pipeline (a new message per attempt, as HttpClient needs).</summary>
    public async Task<HttpResponseMessage> SendThroughPollyAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken = default) =>
        await PollyPipeline.ExecuteAsync(async token => await PlainClient.SendAsync(request(), token), cancellationToken);

    public async Task DisposeAsync()
    {
        HandlerClient.Dispose();
        PlainClient.Dispose();
        ResilienceClient.Dispose();
        StandardClient.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Api.DisposeAsync();
    }
}
