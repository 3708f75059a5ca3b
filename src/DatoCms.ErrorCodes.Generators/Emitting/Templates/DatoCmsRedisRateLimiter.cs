namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// One DatoCMS project's rate limit shared by every process that calls the API for it, through
    /// Redis. Each acquisition runs one atomic script that reserves the next free slot of a sliding
    /// log (timed by the Redis server's clock) and says how long to wait for it, so requests wait
    /// their turn, first come first served across all workers, instead of failing. A 429 seen by any
    /// worker pauses all of them until its X-RateLimit-Reset; an X-RateLimit-Limit from the server
    /// becomes the shared limit. When Redis is slow or down, requests fall back within
    /// <see cref="DatoCmsRedisRateLimiterOptions.RedisTimeout"/> to a local throttle at
    /// <see cref="DatoCmsRedisRateLimiterOptions.FallbackShare"/> of the limit, and go back to Redis
    /// when it answers again: acquisition never throws because Redis is unreachable. Feed it every
    /// response, through <see cref="Observe"/> (<see cref="DatoCmsRedisRateLimitHandler"/> does) or
    /// through the lease it granted (<see cref="DatoCmsRateLimitLease.RecordResponse(global::System.Net.Http.HttpResponseMessage)"/>:
    /// <see cref="DatoCmsRetryHandler"/> does when the limiter is its <see cref="DatoCmsRetryOptions.RateLimiter"/>).
    /// </summary>
    internal sealed class DatoCmsRedisRateLimiter : global::System.Threading.RateLimiting.RateLimiter
    {
        private readonly global::StackExchange.Redis.IConnectionMultiplexer _connection;
        private readonly DatoCmsRedisRateLimiterOptions _options;
        private readonly global::StackExchange.Redis.RedisKey[] _reserveKeys;
        private readonly global::StackExchange.Redis.RedisKey[] _pauseKeys;
        private readonly global::StackExchange.Redis.RedisKey _limitKey;
        private readonly string _clientId = global::System.Guid.NewGuid().ToString("N");
        private readonly long _spanMicroseconds;
        private readonly LocalShare _localShare;
        private int _limit;
        private int _publishedLimit;
        private long _sequence;
        private int _unavailable;
        private int _probing;
        private long _retryRedisAt;
        private long _queued;
        private long _successfulLeases;
        private long _failedLeases;
        private int _disposed;

        /// <summary>Creates a limiter that shares <see cref="DatoCmsRedisRateLimiterOptions.ProjectKey"/>'s limit through <paramref name="connection"/>.</summary>
        /// <param name="connection">The application's Redis connection; the limiter does not dispose it.</param>
        /// <param name="options">The project key and how to share; <see cref="DatoCmsRedisRateLimiterOptions.ProjectKey"/> is required.</param>
        public DatoCmsRedisRateLimiter(global::StackExchange.Redis.IConnectionMultiplexer connection, DatoCmsRedisRateLimiterOptions options)
        {
            _connection = connection ?? throw new global::System.ArgumentNullException(nameof(connection));
            _options = options ?? throw new global::System.ArgumentNullException(nameof(options));
            if (string.IsNullOrWhiteSpace(options.ProjectKey))
            {
                throw new global::System.ArgumentException("DatoCmsRedisRateLimiterOptions.ProjectKey is required: it names the project whose limit is shared.", nameof(options));
            }

            // The braces are a hash tag: in a Redis cluster all three keys live on one node, as a script needs.
            var root = options.KeyPrefix + "{" + options.ProjectKey + "}:";
            _reserveKeys = new global::StackExchange.Redis.RedisKey[] { root + "log", root + "pause", root + "limit" };
            _pauseKeys = new global::StackExchange.Redis.RedisKey[] { root + "pause" };
            _limitKey = root + "limit";
            _spanMicroseconds = (options.Window.Ticks + options.ClockSkewMargin.Ticks) / 10;
            _limit = options.RequestsPerWindow;
            _localShare = new LocalShare(ShareOf(_limit), options.Window + options.ClockSkewMargin, options.SpreadEvenly);
        }

        /// <summary>The limit in force: the server's X-RateLimit-Limit once known, else the configured one.</summary>
        public int Limit => global::System.Threading.Volatile.Read(ref _limit);

        /// <summary>Whether requests are paced by the local throttle because Redis did not answer.</summary>
        public bool IsUsingFallback => global::System.Threading.Volatile.Read(ref _unavailable) != 0;

        /// <inheritdoc />
        /// <remarks>A shared limiter is never idle from one process's point of view, so this is always null.</remarks>
        public override global::System.TimeSpan? IdleDuration => null;

        /// <inheritdoc />
        /// <remarks>
        /// Requests waiting in this process and leases granted or refused here; the permits available
        /// are those of the whole project, which only Redis knows, so they are reported as 0. Null
        /// before .NET 5, where the statistics' init-only properties cannot be set.
        /// </remarks>
        public override global::System.Threading.RateLimiting.RateLimiterStatistics? GetStatistics()
        {
#if NET5_0_OR_GREATER
            return new global::System.Threading.RateLimiting.RateLimiterStatistics
            {
                CurrentAvailablePermits = 0,
                CurrentQueuedCount = global::System.Threading.Interlocked.Read(ref _queued),
                TotalSuccessfulLeases = global::System.Threading.Interlocked.Read(ref _successfulLeases),
                TotalFailedLeases = global::System.Threading.Interlocked.Read(ref _failedLeases),
            };
#else
            return null;
#endif
        }

        /// <summary>
        /// Learns from a response: a 429's X-RateLimit-Reset pauses every worker, a new
        /// X-RateLimit-Limit becomes the shared limit. Never throws and never waits for Redis.
        /// </summary>
        /// <param name="statusCode">The response's status code.</param>
        /// <param name="headers">The response's headers.</param>
        public void Observe(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers)
        {
            var limit = DatoCmsRateLimitHeaders.ReadInt(headers, DatoCmsLimits.RateLimitLimitHeader);
            var reset = statusCode == 429 ? DatoCmsRateLimitHeaders.ReadReset(headers) : null;
            if (limit is int newLimit && newLimit > 0)
            {
                UpdateLimit(newLimit, publish: true);
            }

            // X-RateLimit-Remaining counts every process's requests. The shared log already keeps
            // them all within the limit, and the local share is this process's fixed part of it: the
            // others' requests in the window are expected, not a reason to take less (read as
            // competition, they cut the share to a share of itself: half the allowed rate in all).
            if (reset is global::System.TimeSpan wait)
            {
                var pause = wait + _options.ClockSkewMargin;
                _localShare.Pause(pause);
                _ = PublishPauseAsync(pause);
            }
        }

        /// <summary>Publishes a pause every worker honours, as a 429's X-RateLimit-Reset does; for callers that learn of the limit another way.</summary>
        /// <param name="duration">How long no worker may send.</param>
        /// <returns>Whether Redis took the pause (false when Redis is unreachable; the local throttle still honours it).</returns>
        public global::System.Threading.Tasks.Task<bool> PauseAsync(global::System.TimeSpan duration)
        {
            _localShare.Pause(duration);
            return PublishPauseAsync(duration);
        }

        /// <inheritdoc />
        protected override global::System.Threading.RateLimiting.RateLimitLease AttemptAcquireCore(int permitCount)
        {
            ThrowIfInvalid(permitCount);
            if (permitCount == 0)
            {
                return Granted();
            }

            // Only a slot free right now is taken. The call is synchronous, bounded by the connection's
            // SyncTimeout; blocking on an asynchronous call here could starve the thread pool instead.
            if (TryUseRedis())
            {
                var answered = Reserve(permitCount);
                if (answered.HasValue && answered.Value.Reserved)
                {
                    _localShare.Record(permitCount);
                    global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                    return Granted();
                }

                if (answered.HasValue)
                {
                    global::System.Threading.Interlocked.Increment(ref _failedLeases);
                    return new DatoCmsRateLimitLease(null, answered.Value.Wait);
                }
            }

            if (_localShare.TryTakeNow(permitCount, out var retryAfter))
            {
                global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                return Granted();
            }

            global::System.Threading.Interlocked.Increment(ref _failedLeases);
            return new DatoCmsRateLimitLease(null, retryAfter);
        }

        /// <inheritdoc />
        protected override async global::System.Threading.Tasks.ValueTask<global::System.Threading.RateLimiting.RateLimitLease> AcquireAsyncCore(int permitCount, global::System.Threading.CancellationToken cancellationToken)
        {
            ThrowIfInvalid(permitCount);
            if (permitCount == 0)
            {
                return Granted();
            }

            global::System.Threading.Interlocked.Increment(ref _queued);
            try
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!TryUseRedis())
                    {
                        break;
                    }

                    var reply = await ReserveWithTimeoutAsync(permitCount, cancellationToken).ConfigureAwait(false);
                    if (!reply.HasValue)
                    {
                        break;
                    }

                    if (reply.Value.Wait <= global::System.TimeSpan.Zero)
                    {
                        _localShare.Record(permitCount);
                        global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                        return Granted();
                    }

                    // A cancelled wait leaves its slot unused: the log stays conservative, never over the limit.
                    // Task.Delay drops a fraction of a millisecond, which could wake the slot just before the pause ends.
                    await global::System.Threading.Tasks.Task.Delay(global::System.TimeSpan.FromMilliseconds(global::System.Math.Ceiling(reply.Value.Wait.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);

                    // A 429 elsewhere may have paused everyone while this slot was waiting: then queue again.
                    if (!await IsPausedAsync(cancellationToken).ConfigureAwait(false))
                    {
                        _localShare.Record(permitCount);
                        global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                        return Granted();
                    }
                }

                await _localShare.WaitAsync(permitCount, cancellationToken).ConfigureAwait(false);
                global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                return Granted();
            }
            finally
            {
                global::System.Threading.Interlocked.Decrement(ref _queued);
            }
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            // The connection belongs to the application; waiting callers finish their current wait.
            global::System.Threading.Interlocked.Exchange(ref _disposed, 1);
            base.Dispose(disposing);
        }

        /// <summary>A lease that passes the answer it is given (<see cref="DatoCmsRateLimitLease.RecordResponse(global::System.Net.Http.HttpResponseMessage)"/>) to <see cref="Observe"/>.</summary>
        private DatoCmsRateLimitLease Granted() => new DatoCmsRateLimitLease(new AnswerTicket(this), global::System.TimeSpan.Zero);

        // A share such as 1.0 / 3 is stored a little under a third: 60 of it must still make 20.
        private int ShareOf(int limit) => global::System.Math.Max(1, (int)global::System.Math.Floor((limit * _options.FallbackShare) + 1e-9));

        private void ThrowIfInvalid(int permitCount)
        {
#if NET7_0_OR_GREATER
            global::System.ObjectDisposedException.ThrowIf(global::System.Threading.Volatile.Read(ref _disposed) != 0, this);
#else
            if (global::System.Threading.Volatile.Read(ref _disposed) != 0)
            {
                throw new global::System.ObjectDisposedException(nameof(DatoCmsRedisRateLimiter));
            }
#endif

            if (permitCount < 0 || permitCount > Limit)
            {
                throw new global::System.ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Between 0 and the limit per window may be acquired at once.");
            }
        }

        private void UpdateLimit(int limit, bool publish)
        {
            if (global::System.Threading.Interlocked.Exchange(ref _limit, limit) != limit)
            {
                _localShare.Resize(ShareOf(limit));
            }

            if (publish && global::System.Threading.Interlocked.Exchange(ref _publishedLimit, limit) != limit && !IsUsingFallback)
            {
                _ = PublishLimitAsync(limit);
            }
        }

        private bool TryUseRedis()
        {
            if (global::System.Threading.Volatile.Read(ref _unavailable) == 0)
            {
                return true;
            }

            // While Redis is away one request at a time, once per retry interval, asks it again.
            return global::System.Diagnostics.Stopwatch.GetTimestamp() >= global::System.Threading.Interlocked.Read(ref _retryRedisAt)
                && global::System.Threading.Interlocked.CompareExchange(ref _probing, 1, 0) == 0;
        }

        private void MarkAvailable()
        {
            global::System.Threading.Volatile.Write(ref _probing, 0);
            if (global::System.Threading.Interlocked.Exchange(ref _unavailable, 0) != 0)
            {
                Notify(() => _options.OnRedisRecovered?.Invoke());
            }
        }

        private void MarkUnavailable(global::System.Exception reason)
        {
            var retryAfter = (long)(_options.RedisRetryInterval.TotalSeconds * global::System.Diagnostics.Stopwatch.Frequency);
            global::System.Threading.Interlocked.Exchange(ref _retryRedisAt, global::System.Diagnostics.Stopwatch.GetTimestamp() + retryAfter);
            global::System.Threading.Volatile.Write(ref _probing, 0);
            if (global::System.Threading.Interlocked.Exchange(ref _unavailable, 1) == 0)
            {
                DatoCmsTelemetry.RedisFellBack();
                Notify(() => _options.OnRedisUnavailable?.Invoke(reason));
            }
        }

        private static void Notify(global::System.Action callback)
        {
            try
            {
                callback();
            }
            catch (global::System.Exception)
            {
                // A logging callback that fails must not fail the request it was called for.
            }
        }

        private async global::System.Threading.Tasks.Task<Reservation?> ReserveWithTimeoutAsync(int permitCount, global::System.Threading.CancellationToken cancellationToken)
        {
            var reply = ReserveAsync(permitCount, cancellationToken);
            using (var timeout = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var timer = global::System.Threading.Tasks.Task.Delay(_options.RedisTimeout, timeout.Token);
                var first = await global::System.Threading.Tasks.Task.WhenAny(reply, timer).ConfigureAwait(false);
                timeout.Cancel();
                if (first != reply)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        // A cancelled caller proves nothing about Redis; if it was the one probing, let the next one probe.
                        global::System.Threading.Volatile.Write(ref _probing, 0);
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    MarkUnavailable(new global::System.TimeoutException("Redis did not answer within " + _options.RedisTimeout.TotalMilliseconds + " ms."));
                    return null;
                }
            }

            return await reply.ConfigureAwait(false);
        }

        /// <summary>Runs the reservation script; null (and the fall-back) when Redis fails. Never throws.</summary>
        private async global::System.Threading.Tasks.Task<Reservation?> ReserveAsync(int permitCount, global::System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                var result = await _connection.GetDatabase().ScriptEvaluateAsync(DatoCmsRedisRateLimitScripts.Reserve, _reserveKeys, ReserveArguments(permitCount, -1)).ConfigureAwait(false);
                return ReadReservation(result);
            }
            catch (global::System.Exception ex)
            {
                // Unreachable, timed out, misconfigured: pace locally. A cancelled caller is not a Redis failure,
                // but if it was probing, the next caller probes instead.
                if (!cancellationToken.IsCancellationRequested)
                {
                    MarkUnavailable(ex);
                }
                else
                {
                    global::System.Threading.Volatile.Write(ref _probing, 0);
                }

                return null;
            }
        }

        /// <summary>Reserves only a slot that is free now, synchronously; null (and the fall-back) when Redis fails. Never throws.</summary>
        private Reservation? Reserve(int permitCount)
        {
            try
            {
                return ReadReservation(_connection.GetDatabase().ScriptEvaluate(DatoCmsRedisRateLimitScripts.Reserve, _reserveKeys, ReserveArguments(permitCount, 0)));
            }
            catch (global::System.Exception ex)
            {
                MarkUnavailable(ex);
                return null;
            }
        }

        private global::StackExchange.Redis.RedisValue[] ReserveArguments(int permitCount, long maxWaitMicroseconds)
        {
            var member = _clientId + ":" + global::System.Threading.Interlocked.Increment(ref _sequence).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            return new global::StackExchange.Redis.RedisValue[] { _spanMicroseconds, Limit, permitCount, member, maxWaitMicroseconds, _options.SpreadEvenly ? 1 : 0 };
        }

        private Reservation ReadReservation(global::StackExchange.Redis.RedisResult result)
        {
            var parts = (global::StackExchange.Redis.RedisResult[]?)result;
            if (parts == null || parts.Length < 3)
            {
                throw new global::System.InvalidOperationException("The rate-limit script returned an unexpected reply.");
            }

            MarkAvailable();
            var sharedLimit = (int)parts[2];
            if (sharedLimit > 0)
            {
                UpdateLimit(sharedLimit, publish: false);
            }

            return new Reservation((long)parts[0] == 1, global::System.TimeSpan.FromTicks((long)parts[1] * 10));
        }

        private async global::System.Threading.Tasks.Task<bool> IsPausedAsync(global::System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                var check = _connection.GetDatabase().KeyTimeToLiveAsync(_pauseKeys[0]);
                var first = await global::System.Threading.Tasks.Task.WhenAny(check, global::System.Threading.Tasks.Task.Delay(_options.RedisTimeout, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (first != check)
                {
                    Forget(check);
                    return false;
                }

                // A key Redis reports with 0 ms to live still exists for up to a millisecond: paused.
                var left = await check.ConfigureAwait(false);
                return left.HasValue && left.Value >= global::System.TimeSpan.Zero;
            }
            catch (global::System.Exception ex) when (!(ex is global::System.OperationCanceledException))
            {
                // The slot was granted; an unreachable Redis cannot withdraw it.
                return false;
            }
        }

        private async global::System.Threading.Tasks.Task<bool> PublishPauseAsync(global::System.TimeSpan duration)
        {
            var milliseconds = (long)global::System.Math.Ceiling(duration.TotalMilliseconds);
            if (milliseconds <= 0 || IsUsingFallback)
            {
                return false;
            }

            try
            {
                var publish = _connection.GetDatabase().ScriptEvaluateAsync(DatoCmsRedisRateLimitScripts.Pause, _pauseKeys, new global::StackExchange.Redis.RedisValue[] { milliseconds });
                if (await global::System.Threading.Tasks.Task.WhenAny(publish, global::System.Threading.Tasks.Task.Delay(_options.RedisTimeout)).ConfigureAwait(false) != publish)
                {
                    Forget(publish);
                    return false;
                }

                await publish.ConfigureAwait(false);
                return true;
            }
            catch (global::System.Exception)
            {
                // Best effort: this process's own throttle already honours the pause.
                return false;
            }
        }

        private async global::System.Threading.Tasks.Task PublishLimitAsync(int limit)
        {
            try
            {
                var publish = _connection.GetDatabase().StringSetAsync(_limitKey, limit, global::System.TimeSpan.FromDays(1));
                if (await global::System.Threading.Tasks.Task.WhenAny(publish, global::System.Threading.Tasks.Task.Delay(_options.RedisTimeout)).ConfigureAwait(false) != publish)
                {
                    Forget(publish);
                    return;
                }

                await publish.ConfigureAwait(false);
            }
            catch (global::System.Exception)
            {
                // Best effort: the next response carrying the header publishes it again.
                global::System.Threading.Volatile.Write(ref _publishedLimit, 0);
            }
        }

        private static void Forget(global::System.Threading.Tasks.Task task) =>
            task.ContinueWith(t => _ = t.Exception, global::System.Threading.CancellationToken.None, global::System.Threading.Tasks.TaskContinuationOptions.OnlyOnFaulted | global::System.Threading.Tasks.TaskContinuationOptions.ExecuteSynchronously, global::System.Threading.Tasks.TaskScheduler.Default);

        /// <summary>
        /// The throttle that paces this process while Redis is away: its fixed share of the limit
        /// (<see cref="DatoCmsRedisRateLimiterOptions.FallbackShare"/>), kept by the rules of the
        /// shared script applied to this process's own slots: no span (window and margin) holds more
        /// than the share, slots come in order, spread evenly a span divided by the share apart, and
        /// none before a pause ends. The shares of all processes add up to the limit by configuration,
        /// so only a 429's pause (and a new limit, through <see cref="Resize"/>) changes the pace.
        /// Slots granted through Redis are recorded too: when Redis fails, the first span already
        /// counts what this process has just sent. Times are stopwatch ticks. Safe for concurrent use.
        /// </summary>
        private sealed class LocalShare
        {
            private readonly object _gate = new object();
            private readonly long _span;
            private readonly bool _spreadEvenly;
            // The times of this process's last slots (as many as the share), oldest first from _oldest.
            private long[] _slots;
            private int _count;
            private int _oldest;
            private long _latest = long.MinValue;
            private long _pausedUntil = long.MinValue;

            public LocalShare(int share, global::System.TimeSpan span, bool spreadEvenly)
            {
                _slots = new long[share];
                _span = ToStopwatchTicks(span);
                _spreadEvenly = spreadEvenly;
            }

            /// <summary>Keeps to a new share from now on; the most recent slots still count.</summary>
            public void Resize(int share)
            {
                lock (_gate)
                {
                    if (share == _slots.Length)
                    {
                        return;
                    }

                    var kept = global::System.Math.Min(_count, share);
                    var slots = new long[share];
                    for (var i = 0; i < kept; i++)
                    {
                        slots[i] = _slots[(_oldest + _count - kept + i) % _slots.Length];
                    }

                    _slots = slots;
                    _count = kept;
                    _oldest = 0;
                }
            }

            /// <summary>No slot starts before <paramref name="duration"/> from now has passed (a longer pause already set stays).</summary>
            public void Pause(global::System.TimeSpan duration)
            {
                var until = Now() + ToStopwatchTicks(duration);
                lock (_gate)
                {
                    _pausedUntil = global::System.Math.Max(_pausedUntil, until);
                }
            }

            /// <summary>Counts <paramref name="permitCount"/> slots granted through Redis, taken now.</summary>
            public void Record(int permitCount)
            {
                lock (_gate)
                {
                    var now = Now();
                    for (var i = 0; i < permitCount; i++)
                    {
                        Add(global::System.Math.Max(now, _latest));
                    }
                }
            }

            /// <summary>Takes the slots if they are free now; otherwise says how long until they would be.</summary>
            public bool TryTakeNow(int permitCount, out global::System.TimeSpan retryAfter)
            {
                lock (_gate)
                {
                    var now = Now();
                    var wait = Reserve(now, permitCount, take: false);
                    if (wait > 0)
                    {
                        retryAfter = ToTimeSpan(wait);
                        return false;
                    }

                    Reserve(now, permitCount, take: true);
                    retryAfter = global::System.TimeSpan.Zero;
                    return true;
                }
            }

            /// <summary>
            /// Reserves the next slots and waits for them, first come, first served. A cancelled wait
            /// leaves its slots unused, which only makes the pace more conservative; a pause that
            /// appeared while waiting sends the request to the back of the line.
            /// </summary>
            public async global::System.Threading.Tasks.Task WaitAsync(int permitCount, global::System.Threading.CancellationToken cancellationToken)
            {
                while (true)
                {
                    long wait;
                    lock (_gate)
                    {
                        wait = Reserve(Now(), permitCount, take: true);
                    }

                    if (wait > 0)
                    {
                        // Task.Delay drops a fraction of a millisecond, which could wake the slot just before the span allows it.
                        await global::System.Threading.Tasks.Task.Delay(global::System.TimeSpan.FromMilliseconds(global::System.Math.Ceiling(ToTimeSpan(wait).TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
                    }

                    lock (_gate)
                    {
                        if (_pausedUntil <= Now())
                        {
                            return;
                        }
                    }
                }
            }

            private static long Now() => global::System.Diagnostics.Stopwatch.GetTimestamp();

            private static long ToStopwatchTicks(global::System.TimeSpan time) =>
                (long)(time.Ticks * ((double)global::System.Diagnostics.Stopwatch.Frequency / global::System.TimeSpan.TicksPerSecond));

            private static global::System.TimeSpan ToTimeSpan(long stopwatchTicks) =>
                global::System.TimeSpan.FromTicks((long)(stopwatchTicks * ((double)global::System.TimeSpan.TicksPerSecond / global::System.Diagnostics.Stopwatch.Frequency)));

            /// <summary>How long from <paramref name="now"/> until the last of the next <paramref name="permitCount"/> slots; they are taken when <paramref name="take"/>. The caller locks.</summary>
            private long Reserve(long now, int permitCount, bool take)
            {
                var share = _slots.Length;
                var interval = _spreadEvenly ? _span / share : 0;
                var planned = new long[permitCount];
                var slot = global::System.Math.Max(now, _pausedUntil);
                for (var i = 0; i < permitCount; i++)
                {
                    // In order: no earlier than the slot before (and the interval after it, spread evenly).
                    if (i > 0 || _count > 0)
                    {
                        slot = global::System.Math.Max(slot, (i > 0 ? planned[i - 1] : _latest) + interval);
                    }

                    // No span holds more than the share: one span after the share-th most recent slot,
                    // counting this request's own earlier permits.
                    var held = _count + i;
                    if (held >= share)
                    {
                        var index = held - share;
                        var bound = index < _count ? _slots[(_oldest + index) % share] : planned[index - _count];
                        slot = global::System.Math.Max(slot, bound + _span);
                    }

                    planned[i] = slot;
                }

                if (take)
                {
                    foreach (var taken in planned)
                    {
                        Add(taken);
                    }
                }

                return slot - now;
            }

            private void Add(long slot)
            {
                var share = _slots.Length;
                if (_count < share)
                {
                    _slots[(_oldest + _count) % share] = slot;
                    _count++;
                }
                else
                {
                    _slots[_oldest] = slot;
                    _oldest = (_oldest + 1) % share;
                }

                _latest = slot;
            }
        }

        /// <summary>
        /// The slot of a granted lease: the answer reported to it is observed once (the retry handler
        /// reports every attempt's answer this way, 429s included). Without an answer there is
        /// nothing to give back: the slot in the shared log was spent when the request left.
        /// </summary>
        private sealed class AnswerTicket : DatoCmsRateLimitTicket
        {
            private readonly DatoCmsRedisRateLimiter _limiter;
            private int _done;

            public AnswerTicket(DatoCmsRedisRateLimiter limiter)
            {
                _limiter = limiter;
            }

            public override void Complete(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers)
            {
                if (global::System.Threading.Interlocked.Exchange(ref _done, 1) == 0)
                {
                    _limiter.Observe(statusCode, headers);
                }
            }

            public override void Abandon() => global::System.Threading.Interlocked.Exchange(ref _done, 1);
        }

        private readonly struct Reservation
        {
            public Reservation(bool reserved, global::System.TimeSpan wait)
            {
                Reserved = reserved;
                Wait = wait;
            }

            public bool Reserved { get; }

            public global::System.TimeSpan Wait { get; }
        }
    }
}
