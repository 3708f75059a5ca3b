using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DatoCms.ErrorCodes.Resilience.Tests.Imitation;

/// <summary>
/// A real HTTP server on 127.0.0.1 whose failures a test scripts per request, to compare retry
/// stacks case by case: <c>X-Test-Status</c> and <c>X-Test-Code</c> (an api_error body; none when
/// absent), <c>X-Test-Transient: true</c> (the body's flag), <c>X-Test-Reset</c> (X-RateLimit-Reset
/// seconds), <c>X-Test-Fail</c> (how many attempts fail before a success; all when absent) and
/// <c>X-Test-Delay-Ms</c> (a slow 200). Attempts and the headers received are recorded per
/// <c>X-Test-Request</c> id. The rate-limited imitation is <see cref="Retry.ImitationApi"/>.
/// </summary>
public sealed class ScriptedApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedApi(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The status of every attempt, by request id.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<int>> Attempts { get; } = new();

    /// <summary>Every request header received, by name, last value wins.</summary>
    public ConcurrentDictionary<string, string> LastHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<ScriptedApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new ScriptedApi(app);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        var server = (IServer)app.Services.GetService(typeof(IServer))!;
        api.BaseAddress = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
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
        var headers = context.Request.Headers;
        foreach (var header in headers)
        {
            LastHeaders[header.Key] = header.Value.ToString();
        }

        var attempts = Attempts.GetOrAdd(headers["X-Test-Request"].ToString(), _ => new ConcurrentQueue<int>());
        var attempt = attempts.Count + 1;
        if (int.TryParse(headers["X-Test-Delay-Ms"].ToString(), CultureInfo.InvariantCulture, out var delayMs))
        {
            // Counted on arrival: the client may give up (and the test look) before the answer.
            attempts.Enqueue(0);
            try
            {
                await Task.Delay(delayMs, context.RequestAborted);
                await context.Response.WriteAsync("{}");
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        var failures = int.TryParse(headers["X-Test-Fail"].ToString(), CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
        var status = int.TryParse(headers["X-Test-Status"].ToString(), CultureInfo.InvariantCulture, out var s) ? s : 200;
        if (attempt > failures || status < 300)
        {
            attempts.Enqueue(200);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"data\":{\"type\":\"item\",\"id\":\"1\"}}");
            return;
        }

        attempts.Enqueue(status);
        context.Response.StatusCode = status;
        context.Response.Headers["X-Request-Id"] = "req-" + attempt.ToString(CultureInfo.InvariantCulture);
        if (headers.TryGetValue("X-Test-Reset", out var reset))
        {
            context.Response.Headers["X-RateLimit-Reset"] = reset.ToString();
        }

        var code = headers["X-Test-Code"].ToString();
        if (code.Length > 0)
        {
            var transient = headers["X-Test-Transient"].ToString() == "true" ? ",\"transient\":true" : string.Empty;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"data\":[{\"id\":\"e" + attempt.ToString(CultureInfo.InvariantCulture) + "\",\"type\":\"api_error\",\"attributes\":{\"code\":\"" + code + "\",\"details\":{}" + transient + "}}]}");
        }
    }
}
