namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The retry handler's adaptive throttle as a standard
    /// <see cref="global::System.Threading.RateLimiting.RateLimiter"/>, one permit per request: it
    /// keeps the project's window full and no fuller, and shares it with other processes from the
    /// rate-limit headers alone (see <see cref="DatoCmsRetryOptions.RateLimiter"/>). Waiting
    /// acquisition queues first come, first served; a failed attempt says when to retry
    /// (<see cref="global::System.Threading.RateLimiting.MetadataName.RetryAfter"/>). Report each
    /// answer through the lease (<see cref="DatoCmsRateLimitLease"/>'s <c>RecordResponse</c>),
    /// or the limiter cannot tell a 429 from an accepted request.
    /// </summary>
    internal sealed class DatoCmsAdaptiveRateLimiter : global::System.Threading.RateLimiting.RateLimiter
    {
        private readonly DatoCmsRateLimiter _throttle;
        private long _successfulLeases;
        private long _failedLeases;
        private int _disposed;

        /// <summary>Creates a limiter of <paramref name="requestsPerWindow"/> requests per <paramref name="window"/> until the server's headers say otherwise.</summary>
        /// <param name="requestsPerWindow">The project's limit (60 by default on the Content Management API).</param>
        /// <param name="window">The length of its window (3 s).</param>
        public DatoCmsAdaptiveRateLimiter(int requestsPerWindow, global::System.TimeSpan window)
            : this(new DatoCmsRateLimiter(requestsPerWindow, window))
        {
        }

        /// <summary>Creates a limiter with the spec's limits (<see cref="DatoCmsLimits"/>).</summary>
        public DatoCmsAdaptiveRateLimiter()
            : this(DatoCmsLimits.RequestsPerWindow, global::System.TimeSpan.FromSeconds(DatoCmsLimits.RateLimitWindowSeconds))
        {
        }

        internal DatoCmsAdaptiveRateLimiter(DatoCmsRateLimiter throttle)
        {
            _throttle = throttle;
        }

        /// <summary>The requests allowed per window now (the server's X-RateLimit-Limit once it sent one).</summary>
        public int Limit => _throttle.Limit;

        /// <summary>How many requests this process may have in the window: the limit alone, less when other processes share the project.</summary>
        public int Share => _throttle.Share;

        /// <inheritdoc />
        public override global::System.TimeSpan? IdleDuration => _throttle.IdleDuration;

        /// <inheritdoc />
        /// <remarks>Null before .NET 5 in the template project, whose C# 8 cannot set the statistics' init-only properties; consumers get this only with C# 9 or later.</remarks>
        public override global::System.Threading.RateLimiting.RateLimiterStatistics? GetStatistics()
        {
#if NET5_0_OR_GREATER
            return new global::System.Threading.RateLimiting.RateLimiterStatistics
            {
                CurrentAvailablePermits = _throttle.Available,
                CurrentQueuedCount = _throttle.Waiting,
                TotalSuccessfulLeases = global::System.Threading.Interlocked.Read(ref _successfulLeases),
                TotalFailedLeases = global::System.Threading.Interlocked.Read(ref _failedLeases),
            };
#else
            return null;
#endif
        }

        /// <inheritdoc />
        protected override global::System.Threading.RateLimiting.RateLimitLease AttemptAcquireCore(int permitCount)
        {
            CheckPermitCount(permitCount);
            if (permitCount == 0)
            {
                // Asks whether a request could start, without taking a slot.
                return _throttle.Available > 0 ? new DatoCmsRateLimitLease(NoSlot.Instance, global::System.TimeSpan.Zero) : Failed(_throttle.Window);
            }

            if (_throttle.TryAcquire(out var ticket, out var retryAfter))
            {
                global::System.Threading.Interlocked.Increment(ref _successfulLeases);
                return new DatoCmsRateLimitLease(ticket, global::System.TimeSpan.Zero);
            }

            return Failed(retryAfter);
        }

        /// <inheritdoc />
        protected override async global::System.Threading.Tasks.ValueTask<global::System.Threading.RateLimiting.RateLimitLease> AcquireAsyncCore(int permitCount, global::System.Threading.CancellationToken cancellationToken)
        {
            CheckPermitCount(permitCount);
            if (permitCount == 0)
            {
                return AttemptAcquireCore(0);
            }

            var ticket = await _throttle.AcquireAsync(cancellationToken).ConfigureAwait(false);
            global::System.Threading.Interlocked.Increment(ref _successfulLeases);
            return new DatoCmsRateLimitLease(ticket, global::System.TimeSpan.Zero);
        }

        /// <summary>A permit from this limiter, for the retry handler: the lease's own slot.</summary>
        internal global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket> AcquireTicketAsync(bool first, global::System.Threading.CancellationToken cancellationToken)
        {
#if NET7_0_OR_GREATER
            global::System.ObjectDisposedException.ThrowIf(global::System.Threading.Volatile.Read(ref _disposed) != 0, this);
#else
            if (global::System.Threading.Volatile.Read(ref _disposed) != 0)
            {
                throw new global::System.ObjectDisposedException(nameof(DatoCmsAdaptiveRateLimiter));
            }
#endif

            global::System.Threading.Interlocked.Increment(ref _successfulLeases);
            return _throttle.AcquireAsync(cancellationToken, first);
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            global::System.Threading.Interlocked.Exchange(ref _disposed, 1);
            base.Dispose(disposing);
        }

        private static void CheckPermitCount(int permitCount)
        {
            // One permit is one request: the server counts requests, not weights.
            if (permitCount < 0 || permitCount > 1)
            {
                throw new global::System.ArgumentOutOfRangeException(nameof(permitCount), permitCount, "A DatoCMS request takes one permit; ask for 0 or 1.");
            }
        }

        private DatoCmsRateLimitLease Failed(global::System.TimeSpan retryAfter)
        {
            global::System.Threading.Interlocked.Increment(ref _failedLeases);
            return new DatoCmsRateLimitLease(null, retryAfter);
        }

        /// <summary>The "slot" of a zero-permit lease: there is nothing to report.</summary>
        private sealed class NoSlot : DatoCmsRateLimitTicket
        {
            public static readonly NoSlot Instance = new NoSlot();

            public override void Complete(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers)
            {
            }

            public override void Abandon()
            {
            }
        }
    }
}
