using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>
/// A real redis-server of our own on a free loopback port, without persistence, for as long as a
/// test needs it. <see cref="StopAsync"/> and <see cref="StartAsync()"/> take it away and bring it
/// back (same port, empty) for fault tests. The scenario runner under benchmarks/ uses this file too.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>host:port, as StackExchange.Redis takes it.</summary>
    public string Endpoint => "127.0.0.1:" + Port;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server; fails at once with a clear message when redis-server is not installed.</summary>
    public static async Task<RedisServer> StartNewAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartAsync();
        return server;
    }

    /// <summary>The redis-server executable on PATH, or null.</summary>
    public static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[] { "/usr/bin", "/usr/local/bin", "/usr/sbin" })
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);

    // The README's test command must pass on a fresh machine: where redis-server is missing and we may
    // install packages (root with apt-get, as on CI and the project's machines), install it once per run.
    private static readonly Lazy<string?> InstalledOnce = new(TryInstall);

    private static string? TryInstall()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return null;
        }

        foreach (var arguments in new[] { "update -qq", "install -y -qq --no-install-recommends redis-server" })
        {
            var apt = new ProcessStartInfo("/usr/bin/apt-get", arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            apt.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(apt);
            if (process is null)
            {
                return null;
            }

            // Drain both streams so apt never blocks on a full pipe.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(600_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            Task.WaitAll(output, error);
        }

        return FindExecutable();
    }

    /// <summary>(Re)starts the server on its port, empty, and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var executable = FindExecutable() ?? InstalledOnce.Value
            ?? throw new InvalidOperationException("redis-server is not installed and could not be installed here, and the Redis rate-limiter tests need a real one. Run `apt-get install -y redis-server` as root, or .ci/run (which installs it).");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--save", string.Empty, "--appendonly", "no", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start with code {process.ExitCode} (port {Port}).");
            }

            if (await AcceptsConnectionsAsync())
            {
                return;
            }

            await Task.Delay(20);
        }

        await StopAsync();
        throw new TimeoutException($"redis-server did not accept connections on {Endpoint} within {StartTimeout.TotalSeconds} s.");
    }

    /// <summary>Kills the server, as a crash or an outage would, and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync();
        }
        finally
        {
            process.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>A loopback port free right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
