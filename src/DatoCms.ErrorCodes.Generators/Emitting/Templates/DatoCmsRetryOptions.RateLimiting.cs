namespace DatoCms.ErrorCodes
{
    /// <summary>The <see cref="RateLimiter"/> option, where System.Threading.RateLimiting is referenced.</summary>
    internal sealed partial class DatoCmsRetryOptions
    {
        /// <summary>
        /// Paces the requests instead of the built-in throttle, when set (and
        /// <see cref="EnableThrottling"/> is on): any <see cref="global::System.Threading.RateLimiting.RateLimiter"/>,
        /// one permit per attempt, so the throttle can be shared with other pipelines or replaced
        /// (by a distributed one, say). A <see cref="DatoCmsAdaptiveRateLimiter"/> also learns from
        /// every answer; another limiter only hands out permits. A permit that is refused is asked
        /// for again after its retry-after, within <see cref="MaxRateLimitWait"/>.
        /// </summary>
        public global::System.Threading.RateLimiting.RateLimiter? RateLimiter { get; set; }

        /// <summary>The built-in throttle as a standard rate limiter, to share it with other pipelines; it is the one these options use.</summary>
        /// <returns>A limiter over this instance's throttle.</returns>
        public DatoCmsAdaptiveRateLimiter CreateRateLimiter() => new DatoCmsAdaptiveRateLimiter(Throttle);

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

            private LeaseTicket(global::System.Threading.RateLimiting.RateLimitLease lease)
            {
                _lease = lease;
            }

            public static async global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket> AcquireAsync(global::System.Threading.RateLimiting.RateLimiter limiter, global::System.TimeSpan budget, global::System.Threading.CancellationToken cancellationToken)
            {
                var waited = global::System.Diagnostics.Stopwatch.StartNew();
                while (true)
                {
                    var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                    if (lease.IsAcquired)
                    {
                        return new LeaseTicket(lease);
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

            public override void Complete(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers) => Release();

            public override void Abandon() => Release();

            private void Release() => global::System.Threading.Interlocked.Exchange(ref _lease, null)?.Dispose();
        }
    }
}
