using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// Clients and requests for the fault tests. Connections are never reused: SocketsHttpHandler
/// itself sends a request again, once, when a pooled connection closes before any answer, and that
/// would hide what our handler does.
/// </summary>
internal static class FaultClient
{
    /// <summary>A token nobody could mistake for anything else, to look for in every message.</summary>
    public const string FakeToken = "dato-FAKE-token-7f3c9e1b2a";

    public static DatoCmsRetryOptions Options(List<DatoCmsRetryAttempt>? retries = null, int maxAttempts = 5) => new()
    {
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        EnableThrottling = false,
        // Long enough that an answered attempt never times out on a loaded machine; hung ones cost this much.
        AttemptTimeout = TimeSpan.FromSeconds(2),
        Jobs = new DatoCmsJobOptions { FirstPollDelay = TimeSpan.FromMilliseconds(5), MaxPollDelay = TimeSpan.FromMilliseconds(40) },
        OnRetry = retries is null ? null : attempt => { lock (retries) { retries.Add(attempt); } },
    };

    public static SocketsHttpHandler FreshConnections() => new() { PooledConnectionLifetime = TimeSpan.Zero };

    public static HttpClient Client(ImitationApi api, DatoCmsRetryOptions options, HttpMessageHandler? inner = null)
    {
        var client = new HttpClient(new DatoCmsRetryHandler(options, inner ?? FreshConnections())) { BaseAddress = api.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeToken);
        return client;
    }

    public static HttpRequestMessage Request(HttpMethod method, string id, string? fault = null, string path = "items")
    {
        var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : new StringContent("{\"title\":\"" + id + "\"}") };
        request.Headers.Add("X-Test-Request", id);
        if (fault is not null)
        {
            request.Headers.Add("X-Test-Fault", fault);
        }

        return request;
    }

    /// <summary>
    /// A handler whose first <paramref name="refusals"/> connections go to a port that refuses them
    /// (a socket bound but not listening: the kernel answers with a reset), the rest to the server.
    /// </summary>
    public static SocketsHttpHandler RefusingFirst(int refusals)
    {
        var remaining = refusals;
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    EndPoint target = Interlocked.Decrement(ref remaining) >= 0 ? RefusingPort.EndPoint : context.DnsEndPoint;
                    await socket.ConnectAsync(target, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    /// <summary>A port on 127.0.0.1 that is reserved (bound) but never listens, so every connection is refused.</summary>
    public static class RefusingPort
    {
        private static readonly Socket Bound = Bind();

        public static IPEndPoint EndPoint => (IPEndPoint)Bound.LocalEndPoint!;

        public static Uri BaseAddress => new("http://" + EndPoint + "/");

        private static Socket Bind()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return socket;
        }
    }
}
