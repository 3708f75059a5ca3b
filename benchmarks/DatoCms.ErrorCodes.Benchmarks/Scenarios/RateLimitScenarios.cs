using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;

namespace DatoCms.ErrorCodes.Benchmarks.Scenarios;

/// <summary>
/// The retry handler at the real rate limit (60 requests per 3 s, shared by the project) against
/// the Kestrel imitation the runtime tests use: each worker stands for a separate process, with
/// its own options (so its own throttle) and its own connections, and sends 300 requests, 24 at
/// a time, half GET and half PUT. Prints one markdown row per run; the figures are measured on the
/// server's clock, the way the real limit sees the traffic.
/// <code>dotnet run -c Release --project benchmarks/DatoCms.ErrorCodes.Benchmarks -- scenarios</code>
/// Options: <c>--workers 1,3</c>, <c>--modes fixed,sliding</c>, <c>--throttling on|off</c>,
/// <c>--runs N</c>, <c>--requests N</c> (or <c>N1,N2,...</c>: one count per worker, the last for the rest; uneven workloads leave a worker alone for the run's end), <c>--trace</c> (per-window counts per worker with the range of its share and its estimates of the processes, to stderr), <c>--trace-bucket MS</c> (trace in slices of MS milliseconds instead of whole server windows: shows the bursts inside a window), <c>--stagger MS</c> (worker <c>w</c> starts <c>w</c> × MS milliseconds after the first, as processes started one after another do; its finish time is then counted from its own start), <c>--jitter TO,BACK</c> (every request takes up to TO more milliseconds to reach the counter and its answer up to BACK more after it, at random: a real network's jitter and the API's varying work), <c>--faults</c> (the fault mix of <see cref="ScenarioFaults"/> in every worker's requests: transient codes, connection resets, asynchronous jobs, maintenance answers).
/// </summary>
public static class RateLimitScenarios
{
    private const int Concurrency = 24;

    public static async Task RunAsync(string[] args)
    {
        var workerCounts = Option(args, "--workers", "1,3").Split(',').Select(int.Parse).ToArray();
        var modes = Option(args, "--modes", "fixed,sliding").Split(',').Select(m => Enum.Parse<ImitationWindowMode>(m, ignoreCase: true)).ToArray();
        var throttling = Option(args, "--throttling", "on") != "off";
        var runs = int.Parse(Option(args, "--runs", "1"), CultureInfo.InvariantCulture);
        var requests = Option(args, "--requests", "300").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var trace = args.Contains("--trace");
        var traceBucket = Option(args, "--trace-bucket", string.Empty) is { Length: > 0 } bucket ? TimeSpan.FromMilliseconds(int.Parse(bucket, CultureInfo.InvariantCulture)) : (TimeSpan?)null;
        var stagger = TimeSpan.FromMilliseconds(int.Parse(Option(args, "--stagger", "0"), CultureInfo.InvariantCulture));
        var faults = args.Contains("--faults");
        var jitter = Option(args, "--jitter", "0,0").Split(',').Select(ms => TimeSpan.FromMilliseconds(int.Parse(ms, CultureInfo.InvariantCulture))).ToArray();
        var network = (To: jitter[0], Back: jitter.Length > 1 ? jitter[1] : TimeSpan.Zero);

        // One short run first, not reported: the process's own warm-up (JIT, thread pool) is not the
        // handler's; every reported run still starts with cold connections.
        await RunOnceAsync(1, ImitationWindowMode.Sliding, throttling, [90]);

        Console.WriteLine($"{string.Join(", ", requests)} requests per worker, {Concurrency} in flight per worker, half GET half PUT{(stagger > TimeSpan.Zero ? $", each worker starting {stagger.TotalMilliseconds:0} ms after the one before (finish times from its own start)" : string.Empty)}{(faults ? "; faults " + ScenarioFaults.Description : string.Empty)}; throttling {(throttling ? "on" : "off")}; server: {Describe(Server(ImitationWindowMode.Fixed, network))}");
        Console.WriteLine();
        Console.WriteLine("| Workers | Server window | Rate (% of allowed, first window excluded) | Middle windows filled | 429s | Attempts sent | Requests lost | Finish times (s) |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var workers in workerCounts)
        {
            foreach (var mode in modes)
            {
                for (var run = 0; run < runs; run++)
                {
                    var result = await RunOnceAsync(workers, mode, throttling, requests, traceBucket, stagger, faults, network);
                    Console.WriteLine(
                        $"| {workers} | {mode.ToString().ToLowerInvariant()} | {result.Rate:P1} | {result.MiddleWindowsFilled:P1} | {result.TooMany} | {result.Sent} | {result.Lost} | {string.Join(", ", result.FinishTimes.Select(t => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))} |");
                    if (trace)
                    {
                        Console.Error.WriteLine(result.Trace);
                    }
                }
            }
        }
    }

    /// <summary>
    /// One run; worker <c>w</c> sends <c>requests[w]</c> (the last entry for workers beyond the list),
    /// so that workers can finish at different times, and starts <c>w</c> × <paramref name="stagger"/>
    /// after the first; its finish time counts from its own start. With <paramref name="faults"/>,
    /// every worker's requests meet the fault mix of <see cref="ScenarioFaults"/>.
    /// </summary>
    public static async Task<ScenarioResult> RunOnceAsync(int workers, ImitationWindowMode mode, bool throttling, int[] requests, TimeSpan? traceBucket = null, TimeSpan stagger = default, bool faults = false, (TimeSpan To, TimeSpan Back) jitter = default)
    {
        var server = Server(mode, jitter);
        await using var api = await ImitationApi.StartAsync(server);
        var lost = 0;
        var shares = new List<(TimeSpan At, int Worker, int Share, int Processes)>();
        var watch = Stopwatch.StartNew();
        var finishTimes = await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var start = stagger * w;
            if (start > TimeSpan.Zero)
            {
                await Task.Delay(start);
            }

            // A process of its own: its own options (so its own throttle) and its own connections.
            var options = new DatoCmsRetryOptions { EnableThrottling = throttling };
            using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    lock (shares)
                    {
                        shares.Add((watch.Elapsed, w, options.Throttle.Share, ProcessesOf(options.Throttle)));
                    }

                    await Task.Delay(100, CancellationToken.None);
                }
            });
            var worker = "w" + w.ToString(CultureInfo.InvariantCulture);
            await Parallel.ForEachAsync(Enumerable.Range(0, requests[Math.Min(w, requests.Length - 1)]), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
            {
                var isGet = i % 2 == 0;
                using var request = new HttpRequestMessage(isGet ? HttpMethod.Get : HttpMethod.Put, "items/" + i.ToString(CultureInfo.InvariantCulture))
                {
                    Content = isGet ? null : new StringContent("{\"n\":" + i.ToString(CultureInfo.InvariantCulture) + "}"),
                };
                request.Headers.Add("X-Test-Request", worker + "-" + i.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("X-Test-Worker", worker);
                if (faults && ScenarioFaults.For(i) is { } fault)
                {
                    request.Headers.Add("X-Test-Fault", fault);
                }

                using var response = await client.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref lost);
                }
            });
            var finished = watch.Elapsed - start;
            await sampling.CancelAsync();
            await sampler;
            return finished;
        }));

        var counted = api.Traffic.Snapshot();
        return new ScenarioResult(
            api.Traffic.FractionOfAllowedRate(server.RequestsPerWindow, server.Window),
            counted.Count(c => !c.Accepted),
            counted.Count,
            lost,
            finishTimes)
        {
            MiddleWindowsFilled = api.Traffic.FractionOfMiddleWindowsFilled(server.RequestsPerWindow, server.Window),
            Trace = TraceByWindow(counted, traceBucket ?? server.Window, shares),
        };
    }

    /// <summary>Per server window (3 s from the server's start) or per <c>--trace-bucket</c>: accepted/rejected per worker, for <c>--trace</c>.</summary>
    private static string TraceByWindow(IReadOnlyList<(TimeSpan At, string Worker, bool Accepted)> counted, TimeSpan window, List<(TimeSpan At, int Worker, int Share, int Processes)> shares)
    {
        var workers = counted.Select(c => c.Worker).Distinct().OrderBy(w => w, StringComparer.Ordinal).ToList();
        var text = new System.Text.StringBuilder();
        text.AppendLine("window: " + string.Join("  ", workers.Select(w => w + " ok/429")));
        foreach (var group in counted.GroupBy(c => (int)(c.At.Ticks / window.Ticks)).OrderBy(g => g.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"{group.Key,3}: ");
            foreach (var w in workers)
            {
                var own = shares.Where(x => "w" + x.Worker.ToString(CultureInfo.InvariantCulture) == w && (int)(x.At.Ticks / window.Ticks) == group.Key).ToList();
                text.Append(CultureInfo.InvariantCulture, $"{w} {group.Count(c => c.Worker == w && c.Accepted),2}/{group.Count(c => c.Worker == w && !c.Accepted),-3} share {(own.Count == 0 ? "-" : own.Min(x => x.Share) + ".." + own.Max(x => x.Share) + " n" + string.Join("", own.Select(x => x.Processes).Distinct())),-12} ");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>
    /// The throttle's estimate of the processes sharing the window, for <c>--trace</c> only: read by
    /// reflection so that the generated limiter needs no member that only this runner uses; 0 when
    /// its shape has changed.
    /// </summary>
    private static int ProcessesOf(object throttle)
    {
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        var share = throttle.GetType().GetField("_share", Private)?.GetValue(throttle);
        return share?.GetType().GetProperty("Processes")?.GetValue(share) is int processes ? processes : 0;
    }

    /// <summary>The real window, with up to <paramref name="jitter"/> more on the way to the counter and on the answer, at random per request.</summary>
    private static ImitationOptions Server(ImitationWindowMode mode, (TimeSpan To, TimeSpan Back) jitter) =>
        ImitationOptions.RealWindow(mode) with { LatencySpread = jitter.To, ResponseDelaySpread = jitter.Back };

    private static string Describe(ImitationOptions o) =>
        $"{o.RequestsPerWindow} per {o.Window.TotalSeconds:0.#} s, whole-second X-RateLimit-Reset, {o.ConnectionSetupDelay.TotalMilliseconds:0} ms connection set-up, {o.Latency.TotalMilliseconds:0}{Plus(o.LatencySpread)} ms to the counter, {o.ResponseDelay.TotalMilliseconds:0}{Plus(o.ResponseDelaySpread)} ms back";

    private static string Plus(TimeSpan spread) => spread > TimeSpan.Zero ? $" (+ up to {spread.TotalMilliseconds:0} at random)" : string.Empty;

    private static string Option(string[] args, string name, string fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

/// <summary>One scenario run, measured on the server.</summary>
public sealed record ScenarioResult(double Rate, int TooMany, int Sent, int Lost, TimeSpan[] FinishTimes)
{
    /// <summary>The accepted share of the windows between the first and the last (see <c>ImitationTraffic.FractionOfMiddleWindowsFilled</c>): blind to the run's tail, reported beside <see cref="Rate"/>.</summary>
    public double MiddleWindowsFilled { get; init; } = double.NaN;

    /// <summary>Accepted and rejected requests per worker and server window (<c>--trace</c>).</summary>
    public string Trace { get; init; } = string.Empty;
}
