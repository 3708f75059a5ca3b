using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>
/// With the throttle on, a 429 waits for the throttle (first in line) within MaxRateLimitWait
/// instead of spending an attempt, in every stack: the handler, the resilience handler and a
/// pipeline built with AddDatoCmsRetry.
/// </summary>
public class ThrottledRateLimitTests
{
    public static TheoryData<string> Stacks => new() { "handler", "resilience", "polly" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task BurstThatMeets429sPassesWithNoAttemptToSpare(string stack)
    {
        // The server allows 8 per 2 s, and another client has just used them all: the stack's
        // throttle cannot know, so its first requests meet 429s. MaxAttempts allows no retry at all:
        // only the rate-limit budget can carry the rejected requests through.
        // A sliding window: a fixed one could turn over in the middle and accept everything. The other
        // client's requests go out together and the window is 2 s, so that on a loaded machine they are
        // still in the window when the burst comes (sent one by one into a 1 s window, they once were not).
        await using var api = await ImitationApi.StartAsync(new ImitationOptions { RequestsPerWindow = 8, Window = TimeSpan.FromSeconds(2), Mode = ImitationWindowMode.Sliding });
        using (var other = new HttpClient { BaseAddress = api.BaseAddress })
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "items");
                request.Headers.Add("X-Test-Request", "other" + i);
                using var response = await other.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }));
        }

        await using var client = Client(stack, api.BaseAddress, maxRateLimitWait: TimeSpan.FromMinutes(1));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "items");
            request.Headers.Add("X-Test-Request", stack + i);
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.True(api.TooManyRequests > 0, "the burst met no 429, so it proves nothing");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task WithoutRateLimitBudgetThe429IsReturnedAsReceived(string stack)
    {
        await using var api = await ScriptedApi.StartAsync();
        await using var client = Client(stack, api.BaseAddress, maxRateLimitWait: TimeSpan.Zero);
        var id = stack + "-" + Guid.NewGuid().ToString("N");

        using var response = await client.SendAsync(Scripted.Request(HttpMethod.Get, id, 429, "RATE_LIMIT_EXCEEDED", reset: "0.001"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, api.AttemptsOf(id));
        var error = await response.ReadDatoCmsErrorAsync();
        Assert.Equal("RATE_LIMIT_EXCEEDED", error!.ApiCode);
    }

    private static StackClient Client(string stack, Uri baseAddress, TimeSpan maxRateLimitWait)
    {
        var project = "throttled-" + Guid.NewGuid().ToString("N");
        switch (stack)
        {
            case "handler":
                return new StackClient(new HttpClient(new DatoCmsRetryHandler(Options(maxRateLimitWait), new SocketsHttpHandler())) { BaseAddress = baseAddress }, null, null);
            case "resilience":
                var services = new ServiceCollection();
                services.AddHttpClient(project, c => c.BaseAddress = baseAddress).AddDatoCmsResilienceHandler(o =>
                {
                    o.MaxAttempts = 1;
                    o.RequestsPerWindow = 40;
                    o.RateLimitWindow = TimeSpan.FromSeconds(1);
                    o.MaxRateLimitWait = maxRateLimitWait;
                    o.Project = project;
                });
                var provider = services.BuildServiceProvider();
                return new StackClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(project), null, provider);
            default:
                var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddDatoCmsRetry(Options(maxRateLimitWait)).Build();
                return new StackClient(new HttpClient { BaseAddress = baseAddress }, pipeline, null);
        }
    }

    private static DatoCmsRetryOptions Options(TimeSpan maxRateLimitWait) => new()
    {
        MaxAttempts = 1,
        RequestsPerWindow = 40,
        RateLimitWindow = TimeSpan.FromSeconds(1),
        MaxRateLimitWait = maxRateLimitWait,
    };

    /// <summary>One stack's way of sending a request.</summary>
    private sealed class StackClient(HttpClient client, ResiliencePipeline<HttpResponseMessage>? pipeline, ServiceProvider? services) : IAsyncDisposable
    {
        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (pipeline is null)
            {
                return await client.SendAsync(request);
            }

            // HttpClient sends a message once: each attempt gets a copy.
            var content = request.Content is null ? null : await request.Content.ReadAsStringAsync();
            return await pipeline.ExecuteAsync(async token =>
            {
                var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = content is null ? null : new StringContent(content) };
                foreach (var header in request.Headers)
                {
                    copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                return await client.SendAsync(copy, token);
            });
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            if (services is not null)
            {
                await services.DisposeAsync();
            }
        }
    }
}
