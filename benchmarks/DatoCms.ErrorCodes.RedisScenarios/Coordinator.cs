using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DatoCms.ErrorCodes.Runtime.Tests.Redis;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;

namespace DatoCms.ErrorCodes.RedisScenarios;

/// <summary>
/// Starts the imitation of the API (the real 60 requests per 3 s fixed window) and a redis-server,
/// launches the worker processes, releases them at once, and checks the targets: no request lost,
/// at least 95 % of the allowed rate, at most 1 % of the requests sent answered 429, the slowest
/// worker within 20 % of the fastest. The fault run stops Redis in the middle of the burst and
/// starts it again.
/// </summary>
internal static class Coordinator
{
    private const int RequestsPerWindow = 60;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Stuck = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(CoordinatorSettings settings)
    {
        Console.WriteLine($"Imitation: {RequestsPerWindow} requests per {Window.TotalSeconds:0} s fixed window (allowed rate {RequestsPerWindow / Window.TotalSeconds:0.0} req/s); {settings.Requests} requests per run, {settings.Concurrency} in flight per worker{(settings.StaggerMs > 0 ? $", each worker released {settings.StaggerMs} ms after the one before (its time counts from its own release)" : string.Empty)}; {Environment.ProcessorCount} cores.");
        var rows = new List<string>();
        var met = true;
        if (!settings.FaultOnly)
        {
            foreach (var workers in settings.Workers)
            {
                foreach (var limiter in settings.Limiters)
                {
                    var run = await RunAsync(workers, limiter, settings, faultAt: null);
                    rows.Add(run.Row(limiter, workers));
                    met &= limiter != "redis" || run.MeetsTargets;
                    Console.WriteLine(rows[^1]);
                }
            }
        }

        string? faultReport = null;
        if (settings.Fault)
        {
            // Long enough that plenty of requests are sent after Redis' return plus two windows.
            var run = await RunAsync(settings.FaultWorkers, "redis", settings with { Requests = settings.FaultRequests }, faultAt: (TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(settings.OutageSeconds)));
            faultReport = run.FaultReport(settings.FaultWorkers, settings.OutageSeconds);
            met &= run.MeetsFaultTargets;
            Console.WriteLine(faultReport);
        }

        Console.WriteLine();
        Console.WriteLine("| Workers | Limiter | Requests | Sent | 429s | 429s / sent | Lost | Wall time | Rate (of 20/s allowed) | Slowest / fastest worker | Targets |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.ForEach(Console.WriteLine);
        if (faultReport is not null)
        {
            Console.WriteLine();
            Console.WriteLine(faultReport);
        }

        Console.WriteLine(met ? "Redis targets met." : "Redis targets NOT met.");
        return met ? 0 : 1;
    }

    private static async Task<Run> RunAsync(int workers, string limiter, CoordinatorSettings settings, (TimeSpan After, TimeSpan For)? faultAt)
    {
        await using var api = await ImitationApi.StartAsync(RequestsPerWindow, Window);
        await using var redis = limiter == "redis" ? await RedisServer.StartNewAsync() : null;
        var project = "scenario-" + Guid.NewGuid().ToString("N")[..8];
        var perWorker = settings.Requests / workers;
        var processes = Enumerable.Range(0, workers)
            .Select(id => StartWorker(new WorkerSettings(api.BaseAddress.ToString(), redis?.Endpoint, project, limiter, perWorker, settings.Concurrency, id, workers)))
            .ToList();
        try
        {
            foreach (var process in processes)
            {
                var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
                if (ready != "ready")
                {
                    throw new InvalidOperationException("A worker did not start: " + ready + " " + await process.StandardError.ReadToEndAsync());
                }
            }

            // The warm-up requests leave the server's window and the shared log before the burst starts.
            await Task.Delay(Window + Window / 6);
            var release = Task.Run(async () =>
            {
                for (var w = 0; w < processes.Count; w++)
                {
                    if (w > 0 && settings.StaggerMs > 0)
                    {
                        await Task.Delay(settings.StaggerMs);
                    }

                    await processes[w].StandardInput.WriteLineAsync("go");
                    await processes[w].StandardInput.FlushAsync();
                }
            });

            var go = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            long? redisStopped = null;
            long? redisBack = null;
            var fault = faultAt is { } f && redis is not null
                ? Task.Run(async () =>
                {
                    await Task.Delay(f.After);
                    await redis.StopAsync();
                    redisStopped = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    Console.WriteLine($"  redis-server stopped at +{(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - go) / 1000.0:0.0} s");
                    await Task.Delay(f.For);
                    await redis.StartAsync();
                    redisBack = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    Console.WriteLine($"  redis-server started again at +{(redisBack - go) / 1000.0:0.0} s");
                })
                : Task.CompletedTask;

            var results = new List<WorkerResult>();
            var stuck = 0;
            foreach (var process in processes)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                try
                {
                    await process.WaitForExitAsync().WaitAsync(Stuck);
                }
                catch (TimeoutException)
                {
                    stuck++;
                    process.Kill();
                    continue;
                }

                var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith(WorkerResult.Prefix, StringComparison.Ordinal));
                if (line is null)
                {
                    throw new InvalidOperationException("A worker reported no result: " + await errors);
                }

                results.Add(JsonSerializer.Deserialize<WorkerResult>(line[WorkerResult.Prefix.Length..])!);
                foreach (var message in (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    Console.WriteLine("  " + message);
                }
            }

            await release;
            await fault;
            return new Run(api, results, stuck, workers * perWorker, redisStopped, redisBack);
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.Dispose();
            }
        }
    }

    private static Process StartWorker(WorkerSettings settings)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Coordinator).Assembly.Location);
        }

        foreach (var argument in settings.ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>One run's figures, from the workers' reports and the imitation's record of every attempt.</summary>
    private sealed class Run
    {
        public Run(ImitationApi api, List<WorkerResult> results, int stuck, int requests, long? redisStopped, long? redisBack)
        {
            Requests = requests;
            Stuck = stuck;
            RedisStopped = redisStopped;
            RedisBack = redisBack;
            var burst = api.Attempts.Where(a => !a.Key.StartsWith(Worker.WarmUpPrefix, StringComparison.Ordinal)).Select(a => a.Value).ToList();
            Sent = burst.Sum(a => a.Count);
            TooMany = burst.Sum(a => a.Count(x => x.Status == 429));
            var accepted = burst.Count(a => a.Last().Status is 200 or 201);
            Lost = requests - accepted + results.Sum(r => r.Failures);
            Results = results;
            if (results.Count > 0)
            {
                WallSeconds = (results.Max(r => r.FinishedUnixMs) - results.Min(r => r.StartedUnixMs)) / 1000.0;
                Spread = results.Max(r => r.ElapsedSeconds) / results.Min(r => r.ElapsedSeconds);
            }
        }

        public int Requests { get; }

        public int Stuck { get; }

        public long? RedisStopped { get; }

        public long? RedisBack { get; }

        public int Sent { get; }

        public int TooMany { get; }

        public int Lost { get; }

        public List<WorkerResult> Results { get; }

        public double WallSeconds { get; }

        public double Spread { get; }

        public double RateShare => Requests / WallSeconds / (RequestsPerWindow / Window.TotalSeconds);

        public double TooManyShare => Sent == 0 ? 0 : (double)TooMany / Sent;

        public bool MeetsTargets => Lost == 0 && Stuck == 0 && RateShare >= 0.95 && TooManyShare <= 0.01 && Spread <= 1.2;

        /// <summary>429s among the attempts sent from two windows after Redis' return to the end.</summary>
        public (int TooMany, int Sent) AfterRecovery
        {
            get
            {
                var from = (RedisBack ?? long.MaxValue) + (long)(2 * Window.TotalMilliseconds);
                var attempts = Results.SelectMany(r => r.Attempts).Where(a => a[0] >= from).ToList();
                return (attempts.Count(a => a[1] == 429), attempts.Count);
            }
        }

        /// <summary>429s / attempts sent in each 3-second window from Redis' return on.</summary>
        public string WindowsAfterRecovery
        {
            get
            {
                if (RedisBack is not { } back)
                {
                    return "-";
                }

                var attempts = Results.SelectMany(r => r.Attempts).Where(a => a[0] >= back).ToList();
                var windows = attempts.GroupBy(a => (a[0] - back) / (long)Window.TotalMilliseconds).OrderBy(g => g.Key);
                return string.Join(", ", windows.Select(w => $"{w.Count(a => a[1] == 429)}/{w.Count()}"));
            }
        }

        /// <summary>
        /// Accepted answers to attempts sent in each whole 3-second window while Redis was away (from
        /// its stop on, by when each answer came), and the rate they make of the allowed one: every
        /// worker then paces locally at its FallbackShare, so together they should keep close to it.
        /// </summary>
        public (string PerWindow, double FractionOfAllowed) DuringOutage
        {
            get
            {
                if (RedisStopped is not { } stopped || RedisBack is not { } back)
                {
                    return ("-", double.NaN);
                }

                var windowMs = (long)Window.TotalMilliseconds;
                var whole = (back - stopped) / windowMs;
                if (whole == 0)
                {
                    return ("-", double.NaN);
                }

                var accepted = Results.SelectMany(r => r.Attempts)
                    .Where(a => a[0] >= stopped && a[0] < stopped + (whole * windowMs) && a[1] is 200 or 201)
                    .GroupBy(a => (a[0] - stopped) / windowMs)
                    .ToDictionary(g => g.Key, g => g.Count());
                var counts = Enumerable.Range(0, (int)whole).Select(w => accepted.TryGetValue(w, out var n) ? n : 0).ToList();
                return (string.Join(", ", counts), counts.Sum() / (double)(whole * RequestsPerWindow));
            }
        }

        public bool MeetsFaultTargets => Lost == 0 && Stuck == 0 && RedisBack is not null && AfterRecovery.Sent > 0 && AfterRecovery.TooMany <= AfterRecovery.Sent / 100.0;

        public string Row(string limiter, int workers) => string.Create(CultureInfo.InvariantCulture,
            $"| {workers} | {(limiter == "redis" ? "Redis (shared)" : "headers only")} | {Requests} | {Sent} | {TooMany} | {TooManyShare:P1} | {Lost}{(Stuck > 0 ? $" ({Stuck} stuck)" : string.Empty)} | {WallSeconds:0.0} s | {Requests / WallSeconds:0.0} req/s ({RateShare:P1}) | {Spread:0.00} | {(limiter != "redis" ? "-" : MeetsTargets ? "met" : "missed")} |");

        public string FaultReport(int workers, int outageSeconds)
        {
            var (tooManyAfter, sentAfter) = AfterRecovery;
            var fallbacks = Results.Sum(r => r.Fallbacks);
            var recoveries = Results.Sum(r => r.Recoveries);
            var (outageWindows, outageRate) = DuringOutage;
            return string.Create(CultureInfo.InvariantCulture,
                $"Fault run ({workers} workers, Redis stopped 4 s into the burst for {outageSeconds} s): {Requests} requests, {Sent} sent, {TooMany} x 429 in all, {Lost} lost, {Stuck} stuck, " +
                $"{WallSeconds:0.0} s; fell back {fallbacks} times, recovered {recoveries} times; accepted per 3-s window while Redis was away: {outageWindows} " +
                $"({outageRate:P0} of the {RequestsPerWindow} allowed); from two windows after Redis' return: {tooManyAfter} x 429 of {sentAfter} sent " +
                $"({(sentAfter == 0 ? 0 : (double)tooManyAfter / sentAfter):P1}); 429s / sent per window from the return on: {WindowsAfterRecovery}; targets {(MeetsFaultTargets ? "met" : "missed")}.");
        }
    }
}
