using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
using Polly;
using Polly.Retry;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>The Polly building blocks on their own: pipelines around HTTP calls and around SDK delegates.</summary>
public class PollyBuildingBlocksTests
{
    [Fact]
    public async Task RateLimitedResponseWaitsExactlyTheResetTheServerAsked()
    {
        await using var api = await ScriptedApi.StartAsync();
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        var delays = new List<TimeSpan>();
        var options = RetryStacks.FastRetryOptions(maxAttempts: 3);
        options.OnRetry = attempt => delays.Add(attempt.Delay);
        options.UseJitter = false; // with jitter the X-RateLimit-Reset wait is spread at random
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddDatoCmsRetry(options).Build();

        using var response = await pipeline.ExecuteAsync(async token =>
            await client.SendAsync(Scripted.Request(HttpMethod.Post, "r1", 429, "RATE_LIMIT_EXCEEDED", reset: "0.25", fail: 2), token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, api.AttemptsOf("r1"));

        // The backoff settings cap at 2 ms: only the header can give these waits.
        Assert.Equal(new[] { TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(0.25) }, delays);
    }

    [Fact]
    public async Task PredicatesAndDelayGeneratorComposeIntoAPipelineOfYourOwn()
    {
        await using var api = await ScriptedApi.StartAsync();
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        var delays = new List<TimeSpan>();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 4,
                ShouldHandle = DatoCmsResilience.ShouldHandle,
                DelayGenerator = DatoCmsResilience.DelayGenerator(RetryStacks.FastRetryOptions()),
                OnRetry = args =>
                {
                    delays.Add(args.RetryDelay);
                    return default;
                },
            })
            .Build();

        using var locked = await pipeline.ExecuteAsync(async t => await client.SendAsync(Scripted.Request(HttpMethod.Post, "locked", 422, "ITEM_LOCKED", fail: 2), t));
        using var invalid = await pipeline.ExecuteAsync(async t => await client.SendAsync(Scripted.Request(HttpMethod.Put, "invalid", 422, "INVALID_FIELD"), t));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(3, api.AttemptsOf("locked"));
        Assert.Equal((HttpStatusCode)422, invalid.StatusCode);
        Assert.Equal(1, api.AttemptsOf("invalid"));
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromMilliseconds(2)));
    }

    [Fact]
    public async Task NetworkFaultIsRetriedOnlyWhenTheRequestIsKnownToBeSafeToRepeat()
    {
        // Nothing listens on this port once the listener is stopped: every attempt is a connection failure.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddDatoCmsRetry(RetryStacks.FastRetryOptions(maxAttempts: 3)).Build();

        async Task<int> AttemptsAsync(HttpMethod method)
        {
            var attempts = 0;
            var context = ResilienceContextPool.Shared.Get();
            context.Properties.Set(DatoCmsResilience.RequestMessageKey, new HttpRequestMessage(method, "items"));
            try
            {
                await Assert.ThrowsAsync<HttpRequestException>(async () => await pipeline.ExecuteAsync(
                    async ctx =>
                    {
                        Interlocked.Increment(ref attempts);
                        return await client.SendAsync(new HttpRequestMessage(method, "items"), ctx.CancellationToken);
                    },
                    context));
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            return attempts;
        }

        Assert.Equal(3, await AttemptsAsync(HttpMethod.Get));
        Assert.Equal(1, await AttemptsAsync(HttpMethod.Post));
    }

    [Fact]
    public async Task SdkDelegatesAreRetriedOnTransientErrorsOnly()
    {
        var delays = new List<TimeSpan>();
        var options = RetryStacks.FastRetryOptions(maxAttempts: 4);
        options.OnRetry = attempt => delays.Add(attempt.Delay);
        options.UseJitter = false; // with jitter the X-RateLimit-Reset wait is spread at random
        var pipeline = new ResiliencePipelineBuilder().AddDatoCmsRetry(options).Build();
        var calls = 0;

        var result = await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            if (calls < 3)
            {
                throw DatoCmsApiException.FromResponse(429, "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"RATE_LIMIT_EXCEEDED\",\"details\":{}}}]}", new[] { new KeyValuePair<string, IEnumerable<string>>("X-RateLimit-Reset", new[] { "0.05" }) });
            }

            return new ValueTask<string>("done");
        });

        var permanentCalls = 0;
        await Assert.ThrowsAsync<InvalidFieldException>(async () => await pipeline.ExecuteAsync<string>(_ =>
        {
            permanentCalls++;
            throw DatoCmsApiException.FromResponse(422, "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"details\":{}}}]}");
        }));

        Assert.Equal("done", result);
        Assert.Equal(3, calls);
        Assert.Equal(new[] { TimeSpan.FromSeconds(0.05), TimeSpan.FromSeconds(0.05) }, delays);
        Assert.Equal(1, permanentCalls);
    }

    [Fact]
    public async Task SdkPipelineCountsAnExceptionThrownAgainAsANewAttempt()
    {
        // One exception instance, thrown on every call: each call still spends an attempt.
        var locked = DatoCmsApiException.FromResponse(422, "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"details\":{}}}]}");
        var pipeline = new ResiliencePipelineBuilder().AddDatoCmsRetry(RetryStacks.FastRetryOptions(maxAttempts: 3)).Build();
        var calls = 0;

        await Assert.ThrowsAsync<ItemLockedException>(async () => await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            throw locked;
        }));

        Assert.Equal(3, calls);
    }
}
