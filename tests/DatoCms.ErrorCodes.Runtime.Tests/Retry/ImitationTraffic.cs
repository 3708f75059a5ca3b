using System;
using System.Collections.Generic;
using System.Linq;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// What the imitation's counter saw, in the order it counted: each attempt's time since the
/// server started, the worker (<c>X-Test-Worker</c>) that sent it and whether it was accepted.
/// Scenario figures are computed from this, on the server's clock, as the real limit sees them.
/// </summary>
public sealed class ImitationTraffic
{
    private readonly object _gate = new();
    private readonly List<(TimeSpan At, string Worker, bool Accepted)> _counted = new();

    public void Record(TimeSpan at, string worker, bool accepted)
    {
        lock (_gate)
        {
            _counted.Add((at, worker, accepted));
        }
    }

    public IReadOnlyList<(TimeSpan At, string Worker, bool Accepted)> Snapshot()
    {
        lock (_gate)
        {
            return _counted.ToList();
        }
    }

    /// <summary>
    /// The accepted rate after the first window's worth of requests, as a fraction of the allowed
    /// rate: (accepted − limit) over the time from the first to the last acceptance, divided by
    /// limit / window. The first window's burst is free for everyone, so it is left out; a client
    /// that keeps every later window full scores 100 %.
    /// </summary>
    public double FractionOfAllowedRate(int limit, TimeSpan window)
    {
        var accepted = Snapshot().Where(c => c.Accepted).Select(c => c.At).OrderBy(at => at).ToList();
        if (accepted.Count <= limit)
        {
            return double.NaN;
        }

        var span = accepted[^1] - accepted[0];
        var rate = (accepted.Count - limit) / span.TotalSeconds;
        return rate / (limit / window.TotalSeconds);
    }

    /// <summary>
    /// How full the run kept the windows between its first and its last: the accepted requests in
    /// every window-long interval of the server's clock (counted from its start, the fixed window's
    /// grid) after the first window with an acceptance and before the last, over the limit of each.
    /// No interval of one window's length can hold more than the limit, fixed or sliding, so this is
    /// at most 1; unlike <see cref="FractionOfAllowedRate"/> it is blind to how the run ends (a few
    /// requests left over for one more window), which is why it is reported beside it, not instead.
    /// NaN when the run spans fewer than three windows. <paramref name="after"/> leaves out what was
    /// counted up to that time on the server's clock (an earlier phase of the test).
    /// </summary>
    public double FractionOfMiddleWindowsFilled(int limit, TimeSpan window, TimeSpan? after = null)
    {
        var perWindow = Snapshot().Where(c => c.Accepted && (after is null || c.At > after)).GroupBy(c => c.At.Ticks / window.Ticks).ToDictionary(g => g.Key, g => g.Count());
        if (perWindow.Count == 0)
        {
            return double.NaN;
        }

        var first = perWindow.Keys.Min();
        var last = perWindow.Keys.Max();
        if (last - first < 2)
        {
            return double.NaN;
        }

        var accepted = 0;
        for (var index = first + 1; index < last; index++)
        {
            accepted += perWindow.TryGetValue(index, out var count) ? count : 0;
        }

        return accepted / (double)(limit * (last - first - 1));
    }
}
