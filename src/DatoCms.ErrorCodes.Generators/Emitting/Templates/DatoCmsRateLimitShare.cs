namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// How much of the project's window this process may use, learnt from the rate-limit headers
    /// alone (the limit is per project, shared by every token and process, and nothing but the
    /// headers tells one process about the others). Alone, the share is the whole limit. A 429
    /// proves the window full: the share drops to what this process has in flight and in the window,
    /// and only grows again after a random part of the reset, so processes that met the limit
    /// together do not come back together. An answer whose X-RateLimit-Remaining shows unused room
    /// lets the share grow at once; without such a sign it grows by one request per window, which
    /// is how a process finds capacity the others gave up. When the window is full and others hold
    /// a comparable part of it, a process holding more than an even split gives the excess back.
    /// Times are <see cref="global::System.Diagnostics.Stopwatch"/> ticks. Not thread-safe: the limiter locks.
    /// </summary>
    internal sealed class DatoCmsRateLimitShare // always internal
    {
        private static readonly global::System.Random Random = new global::System.Random();

        private readonly long _window;
        private int _share = int.MaxValue;
        private long _nextIncrease;
        private int _processes = 1;
        private long _processesSeen;
        private long _lastFull = long.MinValue;
        private long _roomSince = long.MaxValue;

        /// <summary>Creates the estimator for windows of <paramref name="window"/> stopwatch ticks.</summary>
        public DatoCmsRateLimitShare(long window)
        {
            _window = window;
        }

        /// <summary>How many requests this process may have in the window at <paramref name="now"/>.</summary>
        /// <param name="now">The stopwatch time.</param>
        /// <param name="limit">The project's limit per window.</param>
        public int Current(long now, int limit)
        {
            Grow(now, limit);
            return global::System.Math.Min(_share, limit);
        }

        /// <summary>When the share grows next without news from the server, or long.MaxValue when it is whole.</summary>
        /// <param name="limit">The project's limit per window.</param>
        public long NextIncrease(int limit) => _share >= (limit + _processes - 1) / _processes ? long.MaxValue : _nextIncrease;

        /// <summary>How many processes seem to share the window (1: this one alone).</summary>
        public int Processes => _processes;

        /// <summary>A 429: the window was full although this process held only <paramref name="ours"/> of it.</summary>
        /// <param name="now">The stopwatch time.</param>
        /// <param name="ours">This process's requests in flight or still in its window, the rejected one left out.</param>
        /// <param name="reset">The server's X-RateLimit-Reset in stopwatch ticks, or 0 when it sent none.</param>
        /// <param name="limit">The project's limit per window.</param>
        public void Rejected(long now, int ours, long reset, int limit)
        {
            _lastFull = now;
            _roomSince = long.MaxValue;

            // Down to what this process holds, but not below half an even split in one go: right
            // after its slots come free it holds little, and a burst of 429s is one event.
            var even = (limit + _processes - 1) / _processes;
            _share = global::System.Math.Max(global::System.Math.Max(1, ours), global::System.Math.Min(_share, even) / 2);

            var wait = reset > 0 ? reset : _window;
            _nextIncrease = now + (long)(wait * SpreadFactor(reset > 0 && reset % global::System.Diagnostics.Stopwatch.Frequency == 0, wait / (double)global::System.Diagnostics.Stopwatch.Frequency, NextDouble()));
        }

        /// <summary>
        /// A random point of the time a reset may really mean, so that clients rejected together come
        /// back at different instants: within the last second (at most its second half) of a
        /// whole-second reset, which the server rounded up; up to a quarter after an exact one.
        /// </summary>
        /// <param name="reset">X-RateLimit-Reset.</param>
        /// <param name="sample">A random number in [0, 1).</param>
        /// <returns>The wait.</returns>
        public static global::System.TimeSpan Spread(global::System.TimeSpan reset, double sample) =>
            global::System.TimeSpan.FromTicks((long)(reset.Ticks * SpreadFactor(reset.Ticks % global::System.TimeSpan.TicksPerSecond == 0, reset.TotalSeconds, sample)));

        private static double SpreadFactor(bool wholeSeconds, double seconds, double sample)
        {
            if (!wholeSeconds || seconds <= 0)
            {
                return 1 + (0.25 * sample);
            }

            var earliest = global::System.Math.Max(0.5, (seconds - 1) / seconds);
            return earliest + ((1 - earliest) * sample);
        }

        /// <summary>An accepted request's X-RateLimit-Remaining, compared with what this process holds.</summary>
        /// <param name="now">The stopwatch time.</param>
        /// <param name="limit">The project's limit per window.</param>
        /// <param name="remaining">X-RateLimit-Remaining of the answer: free slots after the server counted it.</param>
        /// <param name="ours">This process's requests in flight or still in its window, this one included.</param>
        /// <param name="uncounted">This process's requests sent after this one and not answered yet: they may take some of <paramref name="remaining"/>.</param>
        /// <param name="others">The part of the counted window that is not ours, at least.</param>
        public void Accepted(long now, int limit, int remaining, int ours, int uncounted, int others)
        {
            Grow(now, limit);

            // Full, or nearly: a fixed window is seen full only by its last answers, so a little slack
            // lets every process notice it.
            var full = remaining <= global::System.Math.Max(1, limit / 10);
            EstimateProcesses(now, limit, full, ours - uncounted, others);

            // Room the server reports is spare only when it lasts: right after a fixed window
            // starts, or when slots of the others have just expired, it is the others' requests
            // about to come. When no answer showed a full window for a whole window: alone, the
            // room is ours; shared, grow by one per answer, so capacity the others really gave up
            // is found within a window, without a stampede.
            var room = remaining - uncounted;

            // Until the window is first seen full nothing is known about the others: send no more
            // than the server says is left, so processes starting together do not overrun it together.
            if (_lastFull == long.MinValue && room >= 0)
            {
                _share = global::System.Math.Min(global::System.Math.Min(_share, limit), global::System.Math.Max(1, ours + room));
            }

            if (full)
            {
                _lastFull = now;
                _roomSince = long.MaxValue;
            }
            else if (room > 0 && _roomSince == long.MaxValue)
            {
                _roomSince = now;
            }

            if (room > 0 && _share < limit && ours + room > _share && (_lastFull == long.MinValue || now - _lastFull > _window) && now - _roomSince >= _window / 2)
            {
                _share = _processes == 1 ? global::System.Math.Min(limit, ours + room) : global::System.Math.Min(limit, _share + 1);
            }

            // A full window shared with others: hold no more than an even split.
            if (full && _processes > 1)
            {
                var even = (limit + _processes - 1) / _processes;
                if (even < global::System.Math.Min(_share, limit))
                {
                    _share = even;
                    _nextIncrease = global::System.Math.Max(_nextIncrease, now + _window);
                }
            }
        }

        /// <summary>
        /// How many processes share the window, assuming the others are like this one: as many as
        /// fit in what they hold (two at least when they hold a tenth of the window), measured when
        /// the window is full and this process holds half an even split at least: a process with a
        /// handful of requests would see dozens of processes like itself. The highest recent
        /// estimate stands while it is confirmed; unconfirmed for two windows, it falls by one per
        /// window. Every process measures the same thing when the shares are even, so the estimate
        /// holds them there.
        /// </summary>
        private void EstimateProcesses(long now, int limit, bool full, int counted, int others)
        {
            var even = (limit + _processes - 1) / _processes;
            if (full && counted * 10 >= limit && (_processes == 1 || counted * 2 >= even))
            {
                var estimate = global::System.Math.Max(1, (int)global::System.Math.Floor((((double)counted + others) / counted) + 0.5));
                if (others * 10 >= limit)
                {
                    estimate = global::System.Math.Max(2, estimate);
                }

                if (estimate >= _processes)
                {
                    _processes = estimate;
                    _processesSeen = now;
                    return;
                }
            }

            if (_processes > 1 && now - _processesSeen > 2 * _window)
            {
                _processes--;
                _processesSeen = now - _window;
            }
        }

        private static double NextDouble()
        {
            lock (Random)
            {
                // Jitter only spreads processes out; it needs no unpredictability.
#pragma warning disable CA5394
                return Random.NextDouble();
#pragma warning restore CA5394
            }
        }

        private void Grow(long now, int limit)
        {
            // Below an even split, probe for more four times a window. At or above it, only the
            // server's reports of room let the share grow.
            var even = (limit + _processes - 1) / _processes;
            while (_share < even && now >= _nextIncrease)
            {
                _nextIncrease += _window / 4;
                _share++;
            }
        }
    }
}
