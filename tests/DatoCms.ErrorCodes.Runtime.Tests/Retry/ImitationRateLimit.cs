using System;
using System.Collections.Generic;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>How the imitation counts requests against its limit.</summary>
public enum ImitationWindowMode
{
    /// <summary>
    /// Windows of a fixed length, one after the other from the server's start (the way a counter
    /// keyed by "now / window" works): the count drops to zero at every boundary.
    /// </summary>
    Fixed,

    /// <summary>A request is accepted when fewer than the limit were accepted in the window before it (a sliding log).</summary>
    Sliding,
}

/// <summary>
/// The project-wide request counter of the imitation: one instance per server, shared by every
/// client, as the real limit is shared by every token and process of a project. Only accepted
/// requests count; a rejected one does not use up the window. Not thread-safe: the caller locks.
/// </summary>
public sealed class ImitationRateLimit
{
    private readonly Queue<long> _accepted = new();
    private readonly long _windowTicks;
    private long _fixedWindowIndex = -1;
    private int _fixedWindowCount;

    public ImitationRateLimit(int limit, TimeSpan window, ImitationWindowMode mode)
    {
        Limit = limit;
        Window = window;
        Mode = mode;
        _windowTicks = window.Ticks;
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    public ImitationWindowMode Mode { get; }

    /// <summary>Counts a request arriving <paramref name="elapsed"/> after the server started.</summary>
    /// <returns>Whether it is accepted, what is left in the window after it, and (when rejected) when a slot frees.</returns>
    public (bool Allowed, int Remaining, TimeSpan Reset) Count(TimeSpan elapsed)
    {
        var now = elapsed.Ticks;
        if (Mode == ImitationWindowMode.Fixed)
        {
            var index = now / _windowTicks;
            if (index != _fixedWindowIndex)
            {
                _fixedWindowIndex = index;
                _fixedWindowCount = 0;
            }

            var reset = TimeSpan.FromTicks(((index + 1) * _windowTicks) - now);
            if (_fixedWindowCount >= Limit)
            {
                return (false, 0, reset);
            }

            _fixedWindowCount++;
            return (true, Limit - _fixedWindowCount, reset);
        }

        while (_accepted.Count > 0 && _accepted.Peek() + _windowTicks <= now)
        {
            _accepted.Dequeue();
        }

        if (_accepted.Count >= Limit)
        {
            return (false, 0, TimeSpan.FromTicks(_accepted.Peek() + _windowTicks - now));
        }

        _accepted.Enqueue(now);
        return (true, Limit - _accepted.Count, _accepted.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(_accepted.Peek() + _windowTicks - now));
    }
}
