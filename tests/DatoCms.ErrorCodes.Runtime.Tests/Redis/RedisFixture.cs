using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>One redis-server and one connection for a test class; each test uses a project key of its own.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private static int _projects;

    public RedisServer Server { get; private set; } = null!;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public IDatabase Database => Connection.GetDatabase();

    /// <summary>A project key no other test uses, so tests sharing the server never share a limit.</summary>
    public static string NewProjectKey() => "project-" + Interlocked.Increment(ref _projects) + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);

    /// <summary>
    /// A connection that does not give up when the server is away and reconnects quickly when it is
    /// back; its commands fail after <paramref name="timeoutMilliseconds"/> (a synchronous
    /// acquisition's bound, a little longer than the limiter's own timeouts in the outage tests).
    /// </summary>
    public static Task<ConnectionMultiplexer> ConnectAsync(string endpoint, int timeoutMilliseconds = 1000)
    {
        var options = ConfigurationOptions.Parse(endpoint);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 1000;
        options.SyncTimeout = timeoutMilliseconds;
        options.AsyncTimeout = timeoutMilliseconds;
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new LinearRetry(200);
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    public async Task InitializeAsync()
    {
        Server = await RedisServer.StartNewAsync();

        // Redis stays up for the tests that share this connection: a synchronous acquisition that
        // timed out on a busy host would fall back to the local share and prove nothing.
        Connection = await ConnectAsync(Server.Endpoint, timeoutMilliseconds: 5000);

        // With AbortOnConnectFail off the connection may still be on its way: a test's first
        // command would then fail with "no connection available" on a busy host.
        for (var waited = 0; !Connection.IsConnected && waited < 10_000; waited += 20)
        {
            await Task.Delay(20);
        }

        await Database.PingAsync();
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
