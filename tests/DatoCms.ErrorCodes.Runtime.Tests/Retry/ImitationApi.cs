using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// A real HTTP server on 127.0.0.1 that behaves like the Content Management API where retries
/// matter: a project-wide rate limit (fixed or sliding window, see <see cref="ImitationOptions"/>)
/// with X-RateLimit-Limit and -Remaining on every answer and a 429 with X-RateLimit-Reset and a
/// RATE_LIMIT_EXCEEDED body, network delays (a slow first request per connection), and
/// faults a test scripts per request through the <c>X-Test-Fault</c> header
/// (<c>locked:N</c>, <c>html503:N</c>, <c>bare503:N</c>, <c>flagged:N</c>
/// fail the first N attempts; <c>invalid</c>, <c>stale</c>, <c>locked:always</c> fail every time;
/// network faults and asynchronous jobs are in ImitationApi.Faults.cs).
/// Every attempt is recorded per <c>X-Test-Request</c> id, so a test can prove none was lost or
/// repeated after the server accepted it.
/// </summary>
public sealed partial class ImitationApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _windowGate = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly ImitationRateLimit _limit;
    private readonly ConcurrentDictionary<string, bool> _openConnections = new();

    private ImitationApi(WebApplication app, ImitationOptions options)
    {
        _app = app;
        Options = options;
        _limit = new ImitationRateLimit(options.RequestsPerWindow, options.Window, options.Mode);
    }

    public ImitationOptions Options { get; }

    public int RequestsPerWindow => Options.RequestsPerWindow;

    public TimeSpan Window => Options.Window;

    /// <summary>Every counted attempt in order, with its time and worker: the figures of the scenarios.</summary>
    public ImitationTraffic Traffic { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every attempt, by request id: the status answered and the body received.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> Attempts { get; } = new();

    public int TooManyRequests => Attempts.Values.Sum(a => a.Count(x => x.Status == 429));

    public static Task<ImitationApi> StartAsync(int requestsPerWindow = 1000, TimeSpan? window = null) =>
        StartAsync(new ImitationOptions { RequestsPerWindow = requestsPerWindow, Window = window ?? TimeSpan.FromSeconds(3) });

    public static async Task<ImitationApi> StartAsync(ImitationOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new ImitationApi(app, options);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)) is Microsoft.AspNetCore.Hosting.Server.IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("No server");
        api.BaseAddress = new Uri(address + "/");
        return api;
    }

    public int AttemptsOf(string requestId) => Attempts.TryGetValue(requestId, out var list) ? list.Count : 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var requestId = context.Request.Headers["X-Test-Request"].ToString();
        var attempts = Attempts.GetOrAdd(requestId, _ => new ConcurrentQueue<(int, string)>());
        var attempt = attempts.Count + 1;
        StampRequestIds(context);

        await TravelAsync(context);
        var (allowed, remaining, reset) = CountInWindow(context.Request.Headers["X-Test-Worker"].ToString());
        context.Response.Headers["X-RateLimit-Limit"] = RequestsPerWindow.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        var responseDelay = Options.ResponseDelay + Spread(Options.ResponseDelaySpread);
        if (responseDelay > TimeSpan.Zero)
        {
            await Task.Delay(responseDelay);
        }

        if (!allowed)
        {
            context.Response.Headers["X-RateLimit-Reset"] = Options.WholeSecondReset
                ? Math.Max(1, Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
                : reset.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            await AnswerAsync(context, attempts, body, 429, ErrorBody("RATE_LIMIT_EXCEEDED", "{\"limit\":" + RequestsPerWindow + "}"));
            return;
        }

        if (await TryInjectFaultAsync(context, requestId, attempts, attempt, body))
        {
            return;
        }

        var (status, answer, contentType) = Fault(context.Request.Headers["X-Test-Fault"].ToString(), attempt)
            ?? (context.Request.Path.StartsWithSegments("/job-results")
                ? (200, "{\"data\":{\"type\":\"job_result\",\"id\":\"j1\",\"attributes\":{\"status\":422,\"payload\":" + ErrorBody("INVALID_FIELD", "{\"field\":\"title\"}") + "}}}", "application/json")
                : (context.Request.Method == "POST" ? 201 : 200, "{\"data\":{\"type\":\"item\",\"id\":\"" + requestId + "\",\"echo\":" + Json(body) + "}}", "application/json"));
        await AnswerAsync(context, attempts, body, status, answer, contentType);
    }

    private static async Task AnswerAsync(HttpContext context, ConcurrentQueue<(int, string)> attempts, string body, int status, string answer, string contentType = "application/json")
    {
        attempts.Enqueue((status, body));
        context.Response.StatusCode = status;
        if (answer.Length > 0)
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(answer);
        }
    }

    /// <summary>The way to the server's counter: a new connection's set-up, then the one-way latency.</summary>
    private async Task TravelAsync(HttpContext context)
    {
        var delay = Options.Latency + Spread(Options.LatencySpread);
        if (Options.ConnectionSetupDelay > TimeSpan.Zero && _openConnections.TryAdd(context.Connection.Id, true))
        {
            delay += Options.ConnectionSetupDelay;
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }
    }

    /// <summary>A random delay between zero and <paramref name="spread"/>.</summary>
    private static TimeSpan Spread(TimeSpan spread) =>
        spread > TimeSpan.Zero ? TimeSpan.FromTicks((long)(spread.Ticks * Random.Shared.NextDouble())) : TimeSpan.Zero;

    private (bool Allowed, int Remaining, TimeSpan Reset) CountInWindow(string worker)
    {
        lock (_windowGate)
        {
            var now = _clock.Elapsed;
            var counted = _limit.Count(now);
            Traffic.Record(now, worker, counted.Allowed);
            return counted;
        }
    }

    private static (int Status, string Body, string ContentType)? Fault(string fault, int attempt)
    {
        if (fault.Length == 0)
        {
            return null;
        }

        var parts = fault.Split(':');
        var failing = parts.Length < 2 || parts[1] == "always" || attempt <= int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (!failing)
        {
            return null;
        }

        return parts[0] switch
        {
            "locked" => (422, ErrorBody("ITEM_LOCKED", "{}"), "application/json"),
            "flagged" => (422, ErrorBody("SOME_FUTURE_BUSY_CODE", "{}", transient: true), "application/json"),
            "html503" => (503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", "text/html"),
            "bare503" => (503, string.Empty, "text/plain"),
            "invalid" => (422, ErrorBody("INVALID_FIELD", "{\"field\":\"title\",\"code\":\"VALIDATION_REQUIRED\"}"), "application/json"),
            "stale" => (422, ErrorBody("STALE_ITEM_VERSION", "{}"), "application/json"),
            _ => throw new ArgumentException("Unknown fault " + fault),
        };
    }

    private static string ErrorBody(string code, string details, bool transient = false) =>
        "{\"data\":[{\"id\":\"" + Guid.NewGuid().ToString("N").Substring(0, 6) + "\",\"type\":\"api_error\",\"attributes\":{\"code\":\"" + code
        + "\",\"details\":" + details + (transient ? ",\"transient\":true" : string.Empty) + "}}]}";

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
