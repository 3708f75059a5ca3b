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
    /// response through <see cref="Observe"/> (<see cref="DatoCmsRedisRateLimitHandler"/> does).
    /// </summary>
    internal sealed class DatoCmsRedisRateLimiter : global::System.Threading.RateLimiting.RateLimiter
    {
        private const string RetryAfterMetadata = "RETRY_AFTER";

        private static readonly global::System.Threading.RateLimiting.RateLimitLease Granted = new Lease(true, null);

        private readonly global::StackExchange.Redis.IConnectionMultiplexer _connection;
        private readonly DatoCmsRedisRateLimiterOptions _options;
        private readonly global::StackExchange.Redis.RedisKey[] _reserveKeys;
        private readonly global::StackExchange.Redis.RedisKey[] _pauseKeys;
        private readonly global::StackExchange.Redis.RedisKey _limitKey;
        private readonly string _clientId = global::System.Guid.NewGuid().ToString("N");
        private readonly long _spanMicroseconds;
        private readonly object _fallbackGate = new object();
        private DatoCmsRateLimiter _fallback;
        private int _limit;
        private int _fallbackLimit;
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
            _fallbackLimit = ShareOf(_limit);
            _fallback = new DatoCmsRateLimiter(_fallbackLimit, options.Window);
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
            var remaining = DatoCmsRateLimitHeaders.ReadInt(headers, DatoCmsLimits.RateLimitRemainingHeader);
            var reset = statusCode == 429 ? DatoCmsRateLimitHeaders.ReadReset(headers) : null;
            if (limit is int newLimit && newLimit > 0)
            {
                UpdateLimit(newLimit, publish: true);
            }

            // The local throttle learns the pause and what the server says is left, never the full
            // limit: while Redis is away it must keep to this process's share.
            if (remaining != null || reset != null)
            {
                var local = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>(2);
                if (remaining is int left)
                {
                    local.Add(new global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>(
                        DatoCmsLimits.RateLimitRemainingHeader, new[] { left.ToString(global::System.Globalization.CultureInfo.InvariantCulture) }));
                }

                if (reset is global::System.TimeSpan pause)
                {
                    local.Add(new global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>(
                        DatoCmsLimits.RateLimitResetHeader, new[] { pause.TotalSeconds.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture) }));
                }

                Fallback.Observe(statusCode, local);
            }

            if (reset is global::System.TimeSpan wait)
            {
                _ = PublishPauseAsync(wait + _options.ClockSkewMargin);
            }
        }

        /// <summary>Publishes a pause every worker honours, as a 429's X-RateLimit-Reset does; for callers that learn of the limit another way.</summary>
        /// <param name="duration">How long no worker may send.</param>
        /// <returns>Whether Redis took the pause (false when Redis is unreachable; the local throttle still honours it).</returns>
        public global::System.Threading.Tasks.Task<bool> PauseAsync(global::System.TimeSpan duration)
        {
            var headers = new[]
            {
                new global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>(
                    DatoCmsLimits.RateLimitResetHeader, new[] { duration.TotalSeconds.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture) }),
            };
            Fallback.Observe(429, headers);
            return PublishPauseAsync(duration);
        }

        /// <inheritdoc />
        protected override global::System.Threading.RateLimiting.RateLimitLease AttemptAcquireCore(int permitCount)
        {
            ThrowIfInvalid(permitCount);
            if (permitCount == 0)
            {
                return Granted;
            }

            // Only a slot free right now is taken. The call is synchronous, bounded by the connection's
            // SyncTimeout; blocking on an asynchronous call here could starve the thread pool instead.
            if (TryUseRedis())
            {
                var answered = Reserve(permitCount);
                if (answered.HasValue && answered.Value.Reserved)
                {
                    global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                    return Granted;
                }

                if (answered.HasValue)
                {
                    global::System.Threading.Interlocked.Increment(ref _failedLeases);
                    return new Lease(false, answered.Value.Wait);
                }
            }

            global::System.Threading.Interlocked.Increment(ref _failedLeases);
            return new Lease(false, global::System.TimeSpan.FromTicks(_options.Window.Ticks / global::System.Math.Max(1, _fallbackLimit)));
        }

        /// <inheritdoc />
        protected override async global::System.Threading.Tasks.ValueTask<global::System.Threading.RateLimiting.RateLimitLease> AcquireAsyncCore(int permitCount, global::System.Threading.CancellationToken cancellationToken)
        {
            ThrowIfInvalid(permitCount);
            if (permitCount == 0)
            {
                return Granted;
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
                        global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                        return Granted;
                    }

                    // A cancelled wait leaves its slot unused: the log stays conservative, never over the limit.
                    // Task.Delay drops a fraction of a millisecond, which could wake the slot just before the pause ends.
                    await global::System.Threading.Tasks.Task.Delay(global::System.TimeSpan.FromMilliseconds(global::System.Math.Ceiling(reply.Value.Wait.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);

                    // A 429 elsewhere may have paused everyone while this slot was waiting: then queue again.
                    if (!await IsPausedAsync(cancellationToken).ConfigureAwait(false))
                    {
                        global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                        return Granted;
                    }
                }

                for (var i = 0; i < permitCount; i++)
                {
                    // The answer reaches the fallback through Observe, not through this slot: it is charged from now.
                    (await Fallback.AcquireAsync(cancellationToken).ConfigureAwait(false)).Abandon();
                }

                global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                return Granted;
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

        private DatoCmsRateLimiter Fallback
        {
            get
            {
                lock (_fallbackGate)
                {
                    return _fallback;
                }
            }
        }

        private int ShareOf(int limit) => global::System.Math.Max(1, (int)global::System.Math.Floor(limit * _options.FallbackShare));

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
                var share = ShareOf(limit);
                lock (_fallbackGate)
                {
                    if (share != _fallbackLimit)
                    {
                        _fallbackLimit = share;
                        _fallback = new DatoCmsRateLimiter(share, _options.Window);
                    }
                }
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

        private sealed class Lease : global::System.Threading.RateLimiting.RateLimitLease
        {
            private readonly global::System.TimeSpan? _retryAfter;

            public Lease(bool isAcquired, global::System.TimeSpan? retryAfter)
            {
                IsAcquired = isAcquired;
                _retryAfter = retryAfter;
            }

            public override bool IsAcquired { get; }

            public override global::System.Collections.Generic.IEnumerable<string> MetadataNames =>
                _retryAfter.HasValue ? new[] { RetryAfterMetadata } : global::System.Array.Empty<string>();

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                if (_retryAfter.HasValue && metadataName == RetryAfterMetadata)
                {
                    metadata = _retryAfter.Value;
                    return true;
                }

                metadata = null;
                return false;
            }
        }
    }
}
