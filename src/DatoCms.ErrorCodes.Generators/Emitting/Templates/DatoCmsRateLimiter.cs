namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Client-side pacing: at most <c>limit</c> requests start in any window of the rate-limit
    /// length (a sliding log of send times), so however the server's fixed windows fall, a burst
    /// stays under the limit. It adapts to what the server says: X-RateLimit-Limit changes the
    /// limit, a lower X-RateLimit-Remaining (another client on the same token) takes capacity
    /// away, and a 429's X-RateLimit-Reset pauses everyone. Safe for concurrent use.
    /// </summary>
    internal sealed class DatoCmsRateLimiter // always internal
    {
        private readonly object _gate = new object();
        private readonly long _windowTicks;
        private long[] _sendTimes;
        private int _next;
        private long _pausedUntil = long.MinValue;

        /// <summary>Creates a limiter of <paramref name="limit"/> requests per <paramref name="window"/>.</summary>
        public DatoCmsRateLimiter(int limit, global::System.TimeSpan window)
        {
            // Server clocks count arrivals, we count departures: a small margin absorbs the jitter in between.
            _windowTicks = ToStopwatchTicks(window) + (ToStopwatchTicks(window) / 50);
            _sendTimes = NewLog(global::System.Math.Max(1, limit));
        }

        /// <summary>The number of requests allowed per window now.</summary>
        public int Limit
        {
            get
            {
                lock (_gate)
                {
                    return _sendTimes.Length;
                }
            }
        }

        /// <summary>Waits until a request may start, then counts it.</summary>
        public async global::System.Threading.Tasks.Task WaitAsync(global::System.Threading.CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                long wait;
                lock (_gate)
                {
                    var now = global::System.Diagnostics.Stopwatch.GetTimestamp();
                    var oldest = _sendTimes[_next];
                    var readyAt = global::System.Math.Max(_pausedUntil, oldest == long.MinValue ? long.MinValue : oldest + _windowTicks);
                    if (now >= readyAt)
                    {
                        _sendTimes[_next] = now;
                        _next = (_next + 1) % _sendTimes.Length;
                        return;
                    }

                    wait = readyAt - now;
                }

                var delay = global::System.TimeSpan.FromTicks(global::System.Math.Max(1, (long)(wait * ((double)global::System.TimeSpan.TicksPerSecond / global::System.Diagnostics.Stopwatch.Frequency))));
                await global::System.Threading.Tasks.Task.Delay(delay < global::System.TimeSpan.FromMilliseconds(1) ? global::System.TimeSpan.FromMilliseconds(1) : delay, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Learns from a response's status and rate-limit headers.</summary>
        public void Observe(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers)
        {
            var limit = DatoCmsRateLimitHeaders.ReadInt(headers, DatoCmsLimits.RateLimitLimitHeader);
            var remaining = DatoCmsRateLimitHeaders.ReadInt(headers, DatoCmsLimits.RateLimitRemainingHeader);
            var reset = statusCode == 429 ? DatoCmsRateLimitHeaders.ReadReset(headers) : null;
            if (limit is null && remaining is null && reset is null)
            {
                return;
            }

            lock (_gate)
            {
                var now = global::System.Diagnostics.Stopwatch.GetTimestamp();
                if (limit is int newLimit && newLimit > 0 && newLimit != _sendTimes.Length && newLimit <= 100000)
                {
                    Resize(newLimit);
                }

                if (reset is global::System.TimeSpan pause)
                {
                    _pausedUntil = global::System.Math.Max(_pausedUntil, now + ToStopwatchTicks(pause));
                }

                if (remaining is int left)
                {
                    // Requests of other clients on the same token: take the difference out of our window.
                    var free = 0;
                    foreach (var time in _sendTimes)
                    {
                        if (time == long.MinValue || now - time >= _windowTicks)
                        {
                            free++;
                        }
                    }

                    for (var extra = free - left; extra > 0; extra--)
                    {
                        _sendTimes[_next] = now;
                        _next = (_next + 1) % _sendTimes.Length;
                    }
                }
            }
        }

        private static long[] NewLog(int length)
        {
            var log = new long[length];
            for (var i = 0; i < log.Length; i++)
            {
                log[i] = long.MinValue;
            }

            return log;
        }

        private static long ToStopwatchTicks(global::System.TimeSpan time) =>
            (long)(time.Ticks * ((double)global::System.Diagnostics.Stopwatch.Frequency / global::System.TimeSpan.TicksPerSecond));

        private void Resize(int newLimit)
        {
            // Keep the most recent send times, oldest first, so the pacing carries over.
            var resized = NewLog(newLimit);
            var keep = global::System.Math.Min(newLimit, _sendTimes.Length);
            for (var i = 0; i < keep; i++)
            {
                var index = (_next - keep + i + _sendTimes.Length) % _sendTimes.Length;
                resized[i] = _sendTimes[index];
            }

            _sendTimes = resized;
            _next = keep % newLimit;
        }
    }
}
