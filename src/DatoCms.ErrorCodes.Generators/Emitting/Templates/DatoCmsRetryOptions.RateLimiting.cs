namespace DatoCms.ErrorCodes
{
    /// <summary>The <see cref="RateLimiter"/> option, where System.Threading.RateLimiting is referenced.</summary>
    internal sealed partial class DatoCmsRetryOptions
    {
        /// <summary>The request option under which the retry handler names the <see cref="RateLimiter"/> that granted the attempt being sent.</summary>
        private const string PermitLimiterOption = "DatoCmsRetryOptions.PermitLimiter";

        /// <summary>
        /// Paces the requests instead of the built-in throttle, when set (and
        /// <see cref="EnableThrottling"/> is on): any <see cref="global::System.Threading.RateLimiting.RateLimiter"/>,
        /// one permit per attempt, so the throttle can be shared with other pipelines or replaced
        /// (by a distributed one, say). A <see cref="DatoCmsAdaptiveRateLimiter"/> also learns from
        /// every answer, and so does a limiter whose leases are <see cref="DatoCmsRateLimitLease"/>s
        /// (the Redis rate limiter's): each attempt's answer, 429s included, is reported to its lease.
        /// Another limiter only hands out permits. A permit that is refused is asked for again after
        /// its retry-after, within <see cref="MaxRateLimitWait"/>.
        /// </summary>
        public global::System.Threading.RateLimiting.RateLimiter? RateLimiter { get; set; }

        /// <summary>
        /// The <see cref="RateLimiter"/> that granted the permit of the attempt <paramref name="request"/>
        /// is, as the retry handler noted it; null when the attempt was paced otherwise or not at all.
        /// </summary>
        /// <param name="request">The request being sent.</param>
        internal static global::System.Threading.RateLimiting.RateLimiter? PermitLimiterOf(global::System.Net.Http.HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            return request.Options.TryGetValue(new global::System.Net.Http.HttpRequestOptionsKey<global::System.Threading.RateLimiting.RateLimiter>(PermitLimiterOption), out var limiter) ? limiter : null;
#else
            // Before .NET 5 Properties is the request's only bag; compiled for a newer framework without the symbol, it is obsolete but still works.
#pragma warning disable CS0618
            return request.Properties.TryGetValue(PermitLimiterOption, out var limiter) ? limiter as global::System.Threading.RateLimiting.RateLimiter : null;
#pragma warning restore CS0618
#endif
        }

        /// <summary>The built-in throttle as a standard rate limiter, to share it with other pipelines; it is the one these options use.</summary>
        /// <returns>A limiter over this instance's throttle.</returns>
        public DatoCmsAdaptiveRateLimiter CreateRateLimiter() => new DatoCmsAdaptiveRateLimiter(Throttle);

        static partial void NoteRateLimiterPermit(global::System.Net.Http.HttpRequestMessage request, DatoCmsRateLimitTicket ticket)
        {
            if (ticket is LeaseTicket lease)
            {
#if NET5_0_OR_GREATER
                request.Options.Set(new global::System.Net.Http.HttpRequestOptionsKey<global::System.Threading.RateLimiting.RateLimiter>(PermitLimiterOption), lease.Limiter);
#else
                // See PermitLimiterOf.
#pragma warning disable CS0618
                request.Properties[PermitLimiterOption] = lease.Limiter;
#pragma warning restore CS0618
#endif
            }
        }

        partial void AcquireFromRateLimiter(ref global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>? acquired, bool isRetry, global::System.Threading.CancellationToken cancellationToken)
        {
            var limiter = RateLimiter;
            if (limiter is DatoCmsAdaptiveRateLimiter adaptive)
            {
                acquired = adaptive.AcquireTicketAsync(isRetry, cancellationToken);
            }
            else if (limiter != null)
            {
                acquired = LeaseTicket.AcquireAsync(limiter, MaxRateLimitWait, cancellationToken);
            }
        }

        /// <summary>A permit of a foreign rate limiter: released when the answer comes, or when none does.</summary>
        private sealed class LeaseTicket : DatoCmsRateLimitTicket
        {
            private global::System.Threading.RateLimiting.RateLimitLease? _lease;

            private LeaseTicket(global::System.Threading.RateLimiting.RateLimiter limiter, global::System.Threading.RateLimiting.RateLimitLease lease)
            {
                Limiter = limiter;
                _lease = lease;
            }

            /// <summary>The limiter that granted the permit.</summary>
            public global::System.Threading.RateLimiting.RateLimiter Limiter { get; }

            public static async global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket> AcquireAsync(global::System.Threading.RateLimiting.RateLimiter limiter, global::System.TimeSpan budget, global::System.Threading.CancellationToken cancellationToken)
            {
                var waited = global::System.Diagnostics.Stopwatch.StartNew();
                while (true)
                {
                    var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                    if (lease.IsAcquired)
                    {
                        return new LeaseTicket(limiter, lease);
                    }

                    // Refused (its queue is full, say): ask again when it says, within the rate-limit budget.
                    var retryAfter = lease.TryGetMetadata(global::System.Threading.RateLimiting.MetadataName.RetryAfter, out var after) && after > global::System.TimeSpan.Zero ? after : global::System.TimeSpan.FromMilliseconds(100);
                    lease.Dispose();
                    if (retryAfter > budget - waited.Elapsed)
                    {
                        throw new global::System.TimeoutException("The RateLimiter of DatoCmsRetryOptions refused a permit for longer than MaxRateLimitWait (" + budget + ").");
                    }

                    await DatoCmsTimeBudget.Delay(retryAfter, cancellationToken).ConfigureAwait(false);
                }
            }

            public override void Complete(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers)
            {
                // A lease that can learn from the answer (the Redis limiter's) gets it before it is released.
                if (global::System.Threading.Volatile.Read(ref _lease) is DatoCmsRateLimitLease answerable)
                {
                    answerable.RecordResponse(statusCode, headers);
                }

                Release();
            }

            public override void Abandon() => Release();

            private void Release() => global::System.Threading.Interlocked.Exchange(ref _lease, null)?.Dispose();
        }
    }
}
