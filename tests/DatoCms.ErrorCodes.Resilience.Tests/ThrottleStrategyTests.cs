using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
using Polly;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>
/// The throttle strategy's ticket step, over Kestrel and the real throttle: each attempt takes a
/// slot, then completes it with the answer (a 429 gives it back) or abandons it when no answer
/// came. Whatever happens, no slot is left in flight.
/// </summary>
public class ThrottleStrategyTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _reports = new();
    private ScriptedApi _api = null!;
    private DatoCmsRateLimiter _throttle = null!;
    private HttpClient _client = null!;
    private ResiliencePipeline<HttpResponseMessage> _pipeline = null!;

    public async Task InitializeAsync()
    {
        _api = await ScriptedApi.StartAsync();
        _client = new HttpClient { BaseAddress = _api.BaseAddress };
        _throttle = new DatoCmsRateLimiter(10, TimeSpan.FromMilliseconds(200));
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddDatoCmsThrottle(async (first, token) => new ReportingTicket(await _throttle.AcquireAsync(token, first), _reports), null)
            .Build();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    [Theory]
    [InlineData(200, null, "complete 200")]
    [InlineData(429, "RATE_LIMIT_EXCEEDED", "complete 429")]
    [InlineData(503, null, "complete 503")]
    [InlineData(422, "ITEM_LOCKED", "complete 422")]
    public async Task AnyAnswerCompletesTheTicketWithItsStatus(int status, string? code, string report)
    {
        using var response = await _pipeline.ExecuteAsync(async token => await _client.SendAsync(Scripted.Request(HttpMethod.Get, Guid.NewGuid().ToString("N"), status, code, reset: "0.001"), token));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(new[] { report }, _reports);
        AssertNothingInFlight();
    }

    [Fact]
    public async Task RateLimitedAnswerGivesItsSlotBack()
    {
        // A throttle of one slot a minute: were the 429's slot charged, the next request would wait a minute.
        var throttle = new DatoCmsRateLimiter(1, TimeSpan.FromMinutes(1));
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddDatoCmsThrottle((first, token) => throttle.AcquireAsync(token, first), null).Build();

        using (var rejected = await pipeline.ExecuteAsync(async token => await _client.SendAsync(Scripted.Request(HttpMethod.Get, "r1", 429, "RATE_LIMIT_EXCEEDED"), token)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        }

        Assert.Equal(1, throttle.Available);
        Assert.NotNull(throttle.IdleDuration);
    }

    [Fact]
    public async Task NetworkFaultAbandonsTheTicket()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var nowhere = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        await Assert.ThrowsAsync<HttpRequestException>(async () => await _pipeline.ExecuteAsync(async token => await nowhere.GetAsync("items", token)));

        Assert.Equal(new[] { "abandon" }, _reports);
        AssertNothingInFlight();
    }

    [Fact]
    public async Task ExceptionThrownByTheCallbackAbandonsTheTicket()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _pipeline.ExecuteAsync<HttpResponseMessage>(_ => throw new InvalidOperationException("no request")));

        Assert.Equal(new[] { "abandon" }, _reports);
        AssertNothingInFlight();
    }

    [Fact]
    public async Task CancellationDuringTheRequestAbandonsTheTicket()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _pipeline.ExecuteAsync(
            async token => await _client.SendAsync(Scripted.Request(HttpMethod.Get, "slow", 200, delayMs: 5000), token),
            cancellation.Token));

        Assert.Equal(new[] { "abandon" }, _reports);
        AssertNothingInFlight();
    }

    [Fact]
    public async Task CancellationWhileWaitingForASlotTakesNoSlot()
    {
        var throttle = new DatoCmsRateLimiter(1, TimeSpan.FromMinutes(1));
        var held = await throttle.AcquireAsync(CancellationToken.None);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddDatoCmsThrottle((first, token) => throttle.AcquireAsync(token, first), null).Build();
        var sent = false;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pipeline.ExecuteAsync(
            _ =>
            {
                sent = true;
                return new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK));
            },
            cancellation.Token));

        Assert.False(sent);
        Assert.Equal(0, throttle.Waiting);
        held.Complete(429, null); // the held slot goes back: nothing else is charged
        Assert.Equal(1, throttle.Available);
    }

    [Fact]
    public async Task SlotReservedByA429sRetryIsUsedInsteadOfANewOne()
    {
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            var reserved = new ReportingTicket(await _throttle.AcquireAsync(CancellationToken.None), _reports, "reserved ");
            DatoCmsRetryBudget.Of(context, DatoCmsRetryBudget.HttpKey).Reserve(reserved, CancellationToken.None);

            using var response = await _pipeline.ExecuteAsync(async ctx => await _client.SendAsync(Scripted.Request(HttpMethod.Get, "reserved", 200), ctx.CancellationToken), context);

            Assert.Equal(new[] { "reserved complete 200" }, _reports);
            AssertNothingInFlight();
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [Fact]
    public async Task SlotReservedForARetryThatNeverComesIsAbandoned()
    {
        var context = ResilienceContextPool.Shared.Get();
        using var cancellation = new CancellationTokenSource();
        DatoCmsRetryBudget.Of(context, DatoCmsRetryBudget.HttpKey).Reserve(new ReportingTicket(await _throttle.AcquireAsync(CancellationToken.None), _reports), cancellation.Token);

        cancellation.Cancel();

        Assert.Equal(new[] { "abandon" }, _reports);
        Assert.Null(DatoCmsRetryBudget.TakeReserved(context));
        AssertNothingInFlight();
        ResilienceContextPool.Shared.Return(context);
    }

    private void AssertNothingInFlight() => Assert.NotNull(_throttle.IdleDuration);

    /// <summary>A real slot that also reports how it was settled.</summary>
    private sealed class ReportingTicket(DatoCmsRateLimitTicket inner, ConcurrentQueue<string> reports, string prefix = "") : DatoCmsRateLimitTicket
    {
        public override void Complete(int statusCode, IEnumerable<KeyValuePair<string, IEnumerable<string>>>? headers)
        {
            reports.Enqueue(prefix + "complete " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            inner.Complete(statusCode, headers);
        }

        public override void Abandon()
        {
            reports.Enqueue(prefix + "abandon");
            inner.Abandon();
        }
    }
}
