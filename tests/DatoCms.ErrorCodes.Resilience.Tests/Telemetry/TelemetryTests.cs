using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DatoCms.ErrorCodes.Resilience.Tests.Telemetry;

[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection
{
}

/// <summary>
/// The meter, trace events and log messages of a retry, seen the way an exporter sees them, for
/// the plain retry handler and for the resilience handler. Alone in their collection, as the meter
/// and the activity listeners are process-wide.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public class TelemetryTests
{
    private const string Secret = "s3cr3t-api-token";

    [Fact]
    public async Task PlainHandlerReportsRetriesRateLimitsExhaustionAndWaits()
    {
        await using var api = await ScriptedApi.StartAsync();
        using var recorder = new TelemetryRecorder(DatoCmsTelemetry.MeterName);
        var logger = new RecordingLogger();
        var options = RetryStacks.FastRetryOptions(maxAttempts: 3);
        options.Logger = logger;
        options.UseJitter = false; // exact X-RateLimit-Reset waits (with jitter they are spread)
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };
        using var source = new ActivitySource("DatoCms.ErrorCodes.Resilience.Tests");

        using (var parent = source.StartActivity("caller"))
        {
            using var locked = await client.SendAsync(Authorized(Scripted.Request(HttpMethod.Post, "locked", 422, "ITEM_LOCKED", fail: 2)));
            using var limited = await client.SendAsync(Authorized(Scripted.Request(HttpMethod.Get, "limited", 429, "RATE_LIMIT_EXCEEDED", reset: "0.02", fail: 1)));
            using var lost = await client.SendAsync(Authorized(Scripted.Request(HttpMethod.Put, "lost", 503)));

            Assert.NotNull(parent);
            var events = parent!.Events.Where(e => e.Name == "datocms.retry").ToList();
            Assert.Equal(5, events.Count);
            Assert.Equal(new object?[] { 1, 2, 1, 1, 2 }, events.Select(e => e.Tags.First(t => t.Key == "datocms.retry.attempt").Value));
        }

        var retries = recorder.Of("datocms.client.retries");
        Assert.Equal(5, retries.Count);
        Assert.Equal(2, retries.Count(m => m.Tag("error.type") == "ITEM_LOCKED" && m.Tag("datocms.retry.reason") == "transient_code" && m.Tag("http.request.method") == "POST" && m.Tag("http.response.status_code") == "422"));
        Assert.Single(retries, m => m.Tag("error.type") == "RATE_LIMIT_EXCEEDED" && m.Tag("datocms.retry.reason") == "rate_limit");
        Assert.Equal(2, retries.Count(m => m.Tag("error.type") == "503" && m.Tag("datocms.retry.reason") == "gateway"));

        var rateLimited = Assert.Single(recorder.Of("datocms.client.rate_limited"));
        Assert.Equal("GET", rateLimited.Tag("http.request.method"));

        var exhausted = Assert.Single(recorder.Of("datocms.client.retries_exhausted"));
        Assert.Equal("503", exhausted.Tag("error.type"));
        Assert.Equal("PUT", exhausted.Tag("http.request.method"));

        var waits = recorder.Of("datocms.client.wait.duration");
        Assert.All(waits, w => Assert.Equal("s", w.Unit));
        Assert.Single(waits, w => w.Tag("datocms.wait.reason") == "rate_limit_reset" && w.Value == 0.02);
        Assert.Equal(4, waits.Count(w => w.Tag("datocms.wait.reason") == "backoff"));

        var retryLogs = logger.Records.Where(r => r.EventId.Id == 1401).ToList();
        Assert.Equal(5, retryLogs.Count);
        Assert.All(retryLogs, r => Assert.Equal(LogLevel.Information, r.Level));
        var first = retryLogs[0];
        Assert.Equal("ITEM_LOCKED", first.Fields["ErrorCode"]);
        Assert.Equal(1, first.Fields["Attempt"]);
        Assert.Equal("req-1", first.Fields["RequestId"]);
        Assert.Equal("/items", first.Fields["UrlPath"]);
        Assert.Contains(retryLogs, r => r.Fields["ErrorCode"] as string == "RATE_LIMIT_EXCEEDED" && (double)r.Fields["WaitMs"]! == 20);
        var gaveUp = Assert.Single(logger.Records, r => r.EventId.Id == 1402);
        Assert.Equal(LogLevel.Warning, gaveUp.Level);
        Assert.Equal(3, gaveUp.Fields["Attempts"]);

        AssertNoSecret(recorder, logger);
    }

    [Fact]
    public async Task AThrottled429IsLoggedWithTheWaitItSpentInTheThrottle()
    {
        // With throttling on, the retry of a 429 waits in the throttle, not in a delay the handler
        // computes: the log line must carry that wait, not the zero known before it.
        await using var api = await ScriptedApi.StartAsync();
        using var recorder = new TelemetryRecorder(DatoCmsTelemetry.MeterName);
        var logger = new RecordingLogger();
        var options = new DatoCmsRetryOptions { Logger = logger, UseJitter = false };
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };

        using var limited = await client.SendAsync(Authorized(Scripted.Request(HttpMethod.Get, "limited", 429, "RATE_LIMIT_EXCEEDED", reset: "0.4", fail: 1)));

        Assert.Equal(200, (int)limited.StatusCode);
        var retry = Assert.Single(logger.Records, r => r.EventId.Id == 1401);
        Assert.Equal("RATE_LIMIT_EXCEEDED", retry.Fields["ErrorCode"]);
        Assert.Equal(1, retry.Fields["Attempt"]);
        var waitMs = (double)retry.Fields["WaitMs"]!;
        Assert.InRange(waitMs, 300, 5000);
        var counted = Assert.Single(recorder.Of("datocms.client.retries"));
        Assert.Equal("rate_limit", counted.Tag("datocms.retry.reason"));
        var reset = Assert.Single(recorder.Of("datocms.client.wait.duration"), w => w.Tag("datocms.wait.reason") == "rate_limit_reset");
        Assert.Equal(waitMs / 1000, reset.Value, 3);
        Assert.Single(recorder.Of("datocms.client.rate_limited"));
        AssertNoSecret(recorder, logger);
    }

    [Fact]
    public async Task AnAttemptTimeoutIsReportedAsATimeoutNotAsANetworkFault()
    {
        // A hung answer is not a reset connection: an operator needs to tell them apart.
        await using var api = await ScriptedApi.StartAsync();
        using var recorder = new TelemetryRecorder(DatoCmsTelemetry.MeterName);
        var logger = new RecordingLogger();
        var options = RetryStacks.FastRetryOptions(maxAttempts: 2);
        options.Logger = logger;
        options.AttemptTimeout = TimeSpan.FromSeconds(1);
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };
        (await client.SendAsync(Authorized(Scripted.Request(HttpMethod.Get, "warm-up", 200)))).Dispose();

        await Assert.ThrowsAsync<TimeoutException>(() => client.SendAsync(Authorized(Scripted.Request(HttpMethod.Get, "hung", 200, delayMs: 5000))));

        var retry = Assert.Single(recorder.Of("datocms.client.retries"));
        Assert.Equal("timeout", retry.Tag("datocms.retry.reason"));
        Assert.Equal("timeout", Assert.Single(logger.Records, r => r.EventId.Id == 1401).Fields["ErrorCode"]);
        var plainExhausted = Assert.Single(recorder.Of("datocms.client.retries_exhausted"));
        Assert.Equal("timeout", plainExhausted.Tag("error.type"));
        Assert.Equal("GET", plainExhausted.Tag("http.request.method"));
        var plainGaveUp = Assert.Single(logger.Records, r => r.EventId.Id == 1402);
        Assert.Equal("timeout", plainGaveUp.Fields["ErrorCode"]);
        Assert.Equal(2, plainGaveUp.Fields["Attempts"]);

        // The resilience handler's Polly timeout, the same way.
        var services = new ServiceCollection();
        services.AddHttpClient("dato", c => c.BaseAddress = api.BaseAddress).AddDatoCmsResilienceHandler(o =>
        {
            o.MaxAttempts = 2;
            o.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxDelay = TimeSpan.FromMilliseconds(2);
            o.EnableThrottling = false;
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
        });
        await using var provider = services.BuildServiceProvider();
        using var pipelined = provider.GetRequiredService<IHttpClientFactory>().CreateClient("dato");
        (await pipelined.SendAsync(Authorized(Scripted.Request(HttpMethod.Get, "warm-up-2", 200)))).Dispose();

        await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() => pipelined.SendAsync(Authorized(Scripted.Request(HttpMethod.Get, "hung-2", 200, delayMs: 5000))));

        Assert.Equal(2, recorder.Of("datocms.client.retries").Count(m => m.Tag("datocms.retry.reason") == "timeout"));
        Assert.DoesNotContain(recorder.Of("datocms.client.retries"), m => m.Tag("datocms.retry.reason") == "network");
        Assert.Equal(2, recorder.Of("datocms.client.retries_exhausted").Count(m => m.Tag("error.type") == "timeout"));
    }

    [Fact]
    public async Task ARefusedConnectionThatRunsOutOfAttemptsIsCountedAndLoggedAsExhausted()
    {
        // Found by a new user's trial: the network path retried and logged each attempt, then gave up
        // without a retries_exhausted point or a 1402 line, so an outage never showed as one.
        using var recorder = new TelemetryRecorder(DatoCmsTelemetry.MeterName);
        var logger = new RecordingLogger();
        var options = RetryStacks.FastRetryOptions(maxAttempts: 3);
        options.Logger = logger;
        options.EnableThrottling = false;
        using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = new Uri("http://127.0.0.1:1/") };

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Authorized(new HttpRequestMessage(HttpMethod.Get, "items?page=2"))));

        Assert.Equal(2, recorder.Of("datocms.client.retries").Count(m => m.Tag("datocms.retry.reason") == "network"));
        var exhausted = Assert.Single(recorder.Of("datocms.client.retries_exhausted"));
        Assert.Equal("network", exhausted.Tag("error.type"));
        Assert.Equal("GET", exhausted.Tag("http.request.method"));
        var gaveUp = Assert.Single(logger.Records, r => r.EventId.Id == 1402);
        Assert.Equal(LogLevel.Warning, gaveUp.Level);
        Assert.Equal("network", gaveUp.Fields["ErrorCode"]);
        Assert.Equal(3, gaveUp.Fields["Attempts"]);
        Assert.Equal("/items", gaveUp.Fields["UrlPath"]);
        AssertNoSecret(recorder, logger);
    }

    [Fact]
    public async Task ResilienceHandlerLogsThroughTheContainersLoggerAndFeedsPollysTelemetry()
    {
        await using var api = await ScriptedApi.StartAsync();
        using var recorder = new TelemetryRecorder(DatoCmsTelemetry.MeterName, "Polly");
        var logger = new RecordingLogger();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logger).SetMinimumLevel(LogLevel.Trace));
        services.AddHttpClient("dato", c => c.BaseAddress = api.BaseAddress).AddDatoCmsResilienceHandler(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxDelay = TimeSpan.FromMilliseconds(2);
        });
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("dato");

        using var response = await client.SendAsync(Authorized(Scripted.Request(HttpMethod.Patch, "locked", 422, "ENVIRONMENT_NOT_READY", fail: 2)));

        Assert.Equal(3, api.AttemptsOf("locked"));
        Assert.Equal(2, recorder.Of("datocms.client.retries").Count(m => m.Tag("error.type") == "ENVIRONMENT_NOT_READY"));
        Assert.Contains(recorder.Of("datocms.client.wait.duration"), w => w.Tag("datocms.wait.reason") == "throttle");
        Assert.Equal(2, logger.Records.Count(r => r.EventId.Id == 1401 && r.Fields["ErrorCode"] as string == "ENVIRONMENT_NOT_READY"));
        Assert.Equal(2, recorder.Of("resilience.polly.strategy.events").Count(m => m.Tag("strategy.name") == "DatoCmsRetry" && m.Tag("event.name") == "OnRetry"));

        AssertNoSecret(recorder, logger);
    }

    /// <summary>
    /// A Polly pipeline of the user's own (not an HTTP one) sees only the exception: its signals take the
    /// method, path and request id from the request the exception carries (a new user's trial,
    /// 2026-12-03: they were "-" and "_OTHER", and the id the api_error's).
    /// </summary>
    [Fact]
    public async Task AnSdkPipelineReportsTheRequestTheExceptionCarries()
    {
        await using var api = await ScriptedApi.StartAsync();
        using var recorder = new TelemetryRecorder(DatoCmsTelemetry.MeterName);
        var logger = new RecordingLogger();
        var options = RetryStacks.FastRetryOptions(maxAttempts: 3);
        options.Logger = logger;
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        var pipeline = new Polly.ResiliencePipelineBuilder().AddDatoCmsRetry(options).Build();

        Task<int> RunAsync(HttpMethod method, string id, int status, string code, int? fail = null) =>
            pipeline.ExecuteAsync(
                async token =>
                {
                    using var response = await client.SendAsync(Authorized(Scripted.Request(method, id, status, code, fail: fail)), token);
                    await response.EnsureDatoCmsSuccessAsync(token);
                    return (int)response.StatusCode;
                }).AsTask();

        Assert.Equal(200, await RunAsync(HttpMethod.Post, "locked", 422, "ITEM_LOCKED", fail: 1));
        await Assert.ThrowsAnyAsync<DatoCmsApiException>(() => RunAsync(HttpMethod.Put, "lost", 422, "ENVIRONMENT_NOT_READY"));

        var retry = Assert.Single(logger.Records, r => r.EventId.Id == 1401 && r.Fields["ErrorCode"] as string == "ITEM_LOCKED");
        Assert.Equal("POST", retry.Fields["HttpMethod"]);
        Assert.Equal("/items", retry.Fields["UrlPath"]);
        Assert.StartsWith("req-", (string)retry.Fields["RequestId"]!, StringComparison.Ordinal);
        var gaveUp = Assert.Single(logger.Records, r => r.EventId.Id == 1402);
        Assert.Equal("PUT", gaveUp.Fields["HttpMethod"]);
        Assert.Equal("/items", gaveUp.Fields["UrlPath"]);
        Assert.Single(recorder.Of("datocms.client.retries"), m => m.Tag("error.type") == "ITEM_LOCKED" && m.Tag("http.request.method") == "POST");
        Assert.Equal("PUT", Assert.Single(recorder.Of("datocms.client.retries_exhausted")).Tag("http.request.method"));
        AssertNoSecret(recorder, logger);
    }

    [Fact]
    public async Task RetryExecuteAsyncReportsTheHandlersSignals()
    {
        await using var api = await ScriptedApi.StartAsync();
        using var recorder = new TelemetryRecorder(DatoCmsTelemetry.MeterName);
        var logger = new RecordingLogger();
        var options = RetryStacks.FastRetryOptions(maxAttempts: 3);
        options.Logger = logger;
        options.UseJitter = false; // exact X-RateLimit-Reset waits
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        using var source = new ActivitySource("DatoCms.ErrorCodes.Resilience.Tests.Execute");

        // Each run sends the same scripted request until it passes; the typed exception carries the request's description, never its headers.
        Task<int> RunAsync(HttpMethod method, string id, int status, string code, string? reset = null, int? fail = null) =>
            DatoCmsRetry.ExecuteAsync(
                async token =>
                {
                    using var response = await client.SendAsync(Authorized(Scripted.Request(method, id, status, code, reset: reset, fail: fail)), token);
                    await response.EnsureDatoCmsSuccessAsync(token);
                    return (int)response.StatusCode;
                },
                options);

        using (var parent = source.StartActivity("caller"))
        {
            Assert.Equal(200, await RunAsync(HttpMethod.Post, "locked", 422, "ITEM_LOCKED", fail: 2));
            Assert.Equal(200, await RunAsync(HttpMethod.Get, "limited", 429, "RATE_LIMIT_EXCEEDED", reset: "0.02", fail: 1));
            await Assert.ThrowsAnyAsync<DatoCmsApiException>(() => RunAsync(HttpMethod.Put, "lost", 422, "ENVIRONMENT_NOT_READY"));

            Assert.NotNull(parent);
            var events = parent!.Events.Where(e => e.Name == "datocms.retry").ToList();
            Assert.Equal(5, events.Count);
            Assert.Equal(new object?[] { 1, 2, 1, 1, 2 }, events.Select(e => e.Tags.First(t => t.Key == "datocms.retry.attempt").Value));
        }

        var retries = recorder.Of("datocms.client.retries");
        Assert.Equal(5, retries.Count);
        Assert.Equal(2, retries.Count(m => m.Tag("error.type") == "ITEM_LOCKED" && m.Tag("datocms.retry.reason") == "transient_code" && m.Tag("http.request.method") == "POST" && m.Tag("http.response.status_code") == "422"));
        Assert.Single(retries, m => m.Tag("error.type") == "RATE_LIMIT_EXCEEDED" && m.Tag("datocms.retry.reason") == "rate_limit" && m.Tag("http.request.method") == "GET");
        Assert.Equal(2, retries.Count(m => m.Tag("error.type") == "ENVIRONMENT_NOT_READY" && m.Tag("http.request.method") == "PUT"));

        var rateLimited = Assert.Single(recorder.Of("datocms.client.rate_limited"));
        Assert.Equal("GET", rateLimited.Tag("http.request.method"));

        var exhausted = Assert.Single(recorder.Of("datocms.client.retries_exhausted"));
        Assert.Equal("ENVIRONMENT_NOT_READY", exhausted.Tag("error.type"));
        Assert.Equal("PUT", exhausted.Tag("http.request.method"));

        var waits = recorder.Of("datocms.client.wait.duration");
        Assert.Single(waits, w => w.Tag("datocms.wait.reason") == "rate_limit_reset" && w.Value == 0.02);
        Assert.Equal(4, waits.Count(w => w.Tag("datocms.wait.reason") == "backoff"));

        var retryLogs = logger.Records.Where(r => r.EventId.Id == 1401).ToList();
        Assert.Equal(5, retryLogs.Count);
        Assert.Equal("ITEM_LOCKED", retryLogs[0].Fields["ErrorCode"]);
        Assert.Equal("req-1", retryLogs[0].Fields["RequestId"]);
        Assert.Equal("/items", retryLogs[0].Fields["UrlPath"]);
        var gaveUp = Assert.Single(logger.Records, r => r.EventId.Id == 1402);
        Assert.Equal(3, gaveUp.Fields["Attempts"]);

        AssertNoSecret(recorder, logger);
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Secret);
        return request;
    }

    private static void AssertNoSecret(TelemetryRecorder recorder, RecordingLogger logger)
    {
        Assert.All(logger.Records, r =>
        {
            Assert.DoesNotContain(Secret, r.Message, StringComparison.Ordinal);
            Assert.All(r.Fields.Values, v => Assert.DoesNotContain(Secret, Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal));
        });
        Assert.All(recorder.Measurements, m => Assert.All(m.Tags.Values, v => Assert.DoesNotContain(Secret, Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)));
        Assert.All(recorder.Activities, a => Assert.All(a.Events.SelectMany(e => e.Tags).Concat(a.TagObjects), t => Assert.DoesNotContain(Secret, Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)));
    }
}
