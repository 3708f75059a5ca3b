using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>The retry handler against a real HTTP server that imitates the API's failures.</summary>
public class RetryHandlerTests
{
    private static DatoCmsRetryOptions FastOptions(List<DatoCmsRetryAttempt>? retries = null, int maxAttempts = 5) => new()
    {
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        EnableThrottling = false,
        OnRetry = retries is null ? null : attempt => { lock (retries) { retries.Add(attempt); } },
    };

    private static HttpClient Client(ImitationApi api, DatoCmsRetryOptions options) =>
        new(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };

    private static HttpRequestMessage Request(HttpMethod method, string id, string? fault = null, HttpContent? content = null, string path = "items")
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Test-Request", id);
        if (fault is not null)
        {
            request.Headers.Add("X-Test-Fault", fault);
        }

        return request;
    }

    [Fact]
    public async Task TransientCodeIsRetriedWithTheSameBodyUntilItPasses()
    {
        await using var api = await ImitationApi.StartAsync();
        var retries = new List<DatoCmsRetryAttempt>();
        using var client = Client(api, FastOptions(retries));

        // A stream that cannot be rewound: the handler must buffer it to send it three times.
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes("{\"title\":\"héllo\"}")));
        using var response = await client.SendAsync(Request(HttpMethod.Post, "r1", "locked:2", content));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new[] { 422, 422, 201 }, api.Attempts["r1"].Select(a => a.Status));
        Assert.All(api.Attempts["r1"], a => Assert.Equal("{\"title\":\"héllo\"}", a.Body));
        Assert.Equal(new[] { 1, 2 }, retries.Select(r => r.Attempt));
        Assert.All(retries, r => Assert.IsType<ItemLockedException>(r.Exception));
        Assert.All(retries, r => Assert.InRange(r.Delay, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50)));
    }

    [Theory]
    [InlineData("invalid", typeof(InvalidFieldException))]
    [InlineData("stale", typeof(StaleItemVersionException))]
    public async Task PermanentErrorsAndStaleVersionsSurfaceAtOnce(string fault, Type expected)
    {
        await using var api = await ImitationApi.StartAsync();
        var retries = new List<DatoCmsRetryAttempt>();
        using var client = Client(api, FastOptions(retries));

        using var response = await client.SendAsync(Request(HttpMethod.Put, "r1", fault, new StringContent("{}")));
        var error = await Assert.ThrowsAnyAsync<DatoCmsApiException>(() => response.EnsureDatoCmsSuccessAsync());

        Assert.IsType(expected, error);
        Assert.Equal(1, api.AttemptsOf("r1"));
        Assert.Empty(retries);
        Assert.Equal(422, error.StatusCode);
    }

    [Fact]
    public async Task BareGatewayErrorIsRetriedOnlyForIdempotentMethods()
    {
        await using var api = await ImitationApi.StartAsync();
        using var client = Client(api, FastOptions());

        using var get = await client.SendAsync(Request(HttpMethod.Get, "get", "bare503:2"));
        using var post = await client.SendAsync(Request(HttpMethod.Post, "post", "bare503:2", new StringContent("{}")));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(3, api.AttemptsOf("get"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Equal(1, api.AttemptsOf("post"));
        var error = await Assert.ThrowsAsync<DatoCmsTransientApiException>(() => post.EnsureDatoCmsSuccessAsync());
        Assert.Equal(503, error.StatusCode);
    }

    [Fact]
    public async Task BodyWithATransientCodeOrFlagIsRetriedForAnyMethod()
    {
        await using var api = await ImitationApi.StartAsync();
        using var client = Client(api, FastOptions());

        using var locked = await client.SendAsync(Request(HttpMethod.Post, "locked", "locked:1", new StringContent("{}")));
        using var flagged = await client.SendAsync(Request(HttpMethod.Post, "flagged", "flagged:1", new StringContent("{}")));
        using var html = await client.SendAsync(Request(HttpMethod.Get, "html", "html503:1"));

        Assert.Equal(new[] { 2, 2, 2 }, new[] { api.AttemptsOf("locked"), api.AttemptsOf("flagged"), api.AttemptsOf("html") });
        Assert.True(locked.IsSuccessStatusCode && flagged.IsSuccessStatusCode && html.IsSuccessStatusCode);
    }

    [Fact]
    public async Task WhenAttemptsRunOutTheLastErrorSurfaces()
    {
        await using var api = await ImitationApi.StartAsync();
        var retries = new List<DatoCmsRetryAttempt>();
        using var client = Client(api, FastOptions(retries, maxAttempts: 3));

        using var response = await client.SendAsync(Request(HttpMethod.Post, "r1", "locked:always", new StringContent("{}")));

        Assert.Equal(3, api.AttemptsOf("r1"));
        Assert.Equal(2, retries.Count);
        var error = await Assert.ThrowsAsync<ItemLockedException>(() => response.EnsureDatoCmsSuccessAsync());
        Assert.Contains("ITEM_LOCKED", error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationDuringAWaitStopsAtOnce()
    {
        await using var api = await ImitationApi.StartAsync();
        var options = FastOptions();
        options.BaseDelay = TimeSpan.FromSeconds(20);
        options.MaxDelay = TimeSpan.FromSeconds(20);
        using var client = Client(api, options);

        // A warm connection first: on a busy host a cold one (connection set-up, JIT) can take longer
        // than the 300 ms below, and the token would then fire before the attempt under test is sent.
        using (await client.SendAsync(Request(HttpMethod.Get, "warm-up")))
        {
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Request(HttpMethod.Get, "r1", "locked:always"), cancellation.Token));

        Assert.Equal(1, api.AttemptsOf("r1"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "cancelled during a 10-20 s wait, it took " + watch.Elapsed);
    }

    [Fact]
    public async Task TooManyRequestsWaitsForTheResetTheServerAsked()
    {
        await using var api = await ImitationApi.StartAsync(requestsPerWindow: 1, window: TimeSpan.FromMilliseconds(400));
        var retries = new List<DatoCmsRetryAttempt>();
        using var client = Client(api, FastOptions(retries));

        using var first = await client.SendAsync(Request(HttpMethod.Get, "first"));
        using var second = await client.SendAsync(Request(HttpMethod.Get, "second"));

        Assert.True(second.IsSuccessStatusCode);
        var retry = Assert.Single(retries);
        var error = Assert.IsType<RateLimitExceededException>(retry.Exception);

        // An exact reset (milliseconds) is waited in full, plus up to a quarter, so clients rejected together spread out.
        Assert.NotNull(error.RateLimitReset);
        Assert.InRange(retry.Delay, error.RateLimitReset!.Value, error.RateLimitReset.Value * 1.25);
        Assert.InRange(retry.Delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task FailedJobResultIsReturnedAndEnsureThrowsItsTypedError()
    {
        await using var api = await ImitationApi.StartAsync();
        using var client = Client(api, FastOptions());

        using var response = await client.SendAsync(Request(HttpMethod.Get, "job", path: "job-results/j1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, api.AttemptsOf("job"));
        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => response.EnsureDatoCmsSuccessAsync());
        Assert.Equal(422, error.StatusCode);
        using var plain = await client.GetAsync("items");
        Assert.Null(await plain.ReadDatoCmsErrorAsync());
    }

    [Fact]
    public async Task ConcurrentRequestsUnderFaultsAllCompleteExactlyOnce()
    {
        await using var api = await ImitationApi.StartAsync();
        using var client = Client(api, FastOptions(maxAttempts: 4));
        string[] faults = { string.Empty, "locked:1", "html503:2", "flagged:1", "invalid", "bare503:1", "stale" };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 140).Select(async i =>
        {
            var fault = faults[i % faults.Length];
            var method = fault == "bare503:1" && i % 2 == 0 ? HttpMethod.Post : HttpMethod.Get;
            using var response = await client.SendAsync(Request(method, "r" + i, fault.Length == 0 ? null : fault, method == HttpMethod.Post ? new StringContent("{}") : null));
            var error = await response.ReadDatoCmsErrorAsync();
            return (Id: "r" + i, Fault: fault, Method: method, Error: error);
        }));

        foreach (var (id, fault, method, error) in outcomes)
        {
            var attempts = api.Attempts[id].ToList();

            // Accepted at most once, and never sent again after the server accepted it.
            Assert.True(attempts.Count(a => a.Status < 300) <= 1, id);
            Assert.True(attempts.FindIndex(a => a.Status < 300) is -1 || attempts.FindIndex(a => a.Status < 300) == attempts.Count - 1, id);
            switch (fault)
            {
                case "invalid":
                    Assert.IsType<InvalidFieldException>(error);
                    break;
                case "stale":
                    Assert.IsType<StaleItemVersionException>(error);
                    break;
                case "bare503:1" when method == HttpMethod.Post:
                    Assert.IsType<DatoCmsTransientApiException>(error);
                    Assert.Single(attempts);
                    break;
                default:
                    Assert.Null(error);
                    Assert.Equal(fault.Length == 0 ? 1 : int.Parse(fault.Split(':')[1]) + 1, attempts.Count);
                    break;
            }
        }
    }

    [Fact]
    public void OptionsRejectNonsense()
    {
        var options = new DatoCmsRetryOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxAttempts = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.RequestsPerWindow = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.RateLimitWindow = TimeSpan.Zero);

        // A negative backoff delay would retry at once, as fast as the server answers.
        Assert.Throws<ArgumentOutOfRangeException>(() => options.BaseDelay = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxDelay = TimeSpan.FromTicks(-1));
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        options.BaseDelay = TimeSpan.Zero;
        options.MaxDelay = TimeSpan.Zero;
        Assert.Throws<ArgumentNullException>(() => new DatoCmsRetryHandler(null!));
        Assert.Equal(DatoCmsLimits.RequestsPerWindow, options.RequestsPerWindow);
        Assert.Equal(DatoCmsLimits.RateLimitWindow, options.RateLimitWindow);
    }

    /// <summary>A request body that can be read once, front to back, like a network or pipe stream.</summary>
    private sealed class NonSeekableStream : Stream
    {
        private readonly MemoryStream _inner;

        public NonSeekableStream(byte[] bytes) => _inner = new MemoryStream(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
