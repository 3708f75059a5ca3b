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
}
