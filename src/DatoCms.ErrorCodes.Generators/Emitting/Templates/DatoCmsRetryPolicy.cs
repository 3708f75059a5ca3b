namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The one place that decides whether and how long to wait before a retry; the handler,
    /// <see cref="DatoCmsRetry"/> and the Polly pipelines share it, so all retry exactly the same errors.
    /// </summary>
    internal static class DatoCmsRetryPolicy // always internal
    {
        private static readonly global::System.Random Random = new global::System.Random();

        /// <summary>The wait before retrying <paramref name="error"/>, or null when it must not be retried.</summary>
        /// <param name="error">The typed error of the failed attempt.</param>
        /// <param name="attempt">The attempt that failed, from 1.</param>
        /// <param name="isIdempotent">Whether repeating the request is safe even when the server may have acted on it.</param>
        /// <param name="options">The retry options.</param>
        public static global::System.TimeSpan? GetDelay(DatoCmsApiException error, int attempt, bool isIdempotent, DatoCmsRetryOptions options)
        {
            // Refresh (a stale version) and permanent errors need a change, not a wait.
            if (!error.IsTransient)
            {
                return null;
            }

            // A gateway error without an error body may have reached the API: only a request that
            // is safe to repeat is sent again. A 429 and a body with a code were rejected outright.
            if (error.Errors.Count == 0 && error.StatusCode != 429 && !isIdempotent)
            {
                return null;
            }

            if (error.RetryKind == DatoCmsRetryKind.RateLimit)
            {
                return RateLimitDelay(error, attempt, options);
            }

            return Backoff(attempt, options);
        }

        /// <summary>
        /// The wait after a 429 when no throttle paces the requests: X-RateLimit-Reset spread at
        /// random (<see cref="DatoCmsRateLimitShare.Spread"/>), so clients rejected together do not
        /// all come back at the same instant; backoff when the server sent no reset.
        /// </summary>
        /// <param name="error">The rate-limit error.</param>
        /// <param name="attempt">The attempt that failed, from 1.</param>
        /// <param name="options">The retry options.</param>
        public static global::System.TimeSpan RateLimitDelay(DatoCmsApiException error, int attempt, DatoCmsRetryOptions options)
        {
            if (!(error.RateLimitReset is global::System.TimeSpan reset))
            {
                return Backoff(attempt, options);
            }

            return options.UseJitter ? DatoCmsRateLimitShare.Spread(reset, NextDouble()) : reset;
        }

        /// <summary>Whether <paramref name="error"/> is a scheduled maintenance, waited out within MaintenanceWait rather than attempts.</summary>
        public static bool IsScheduledMaintenance(DatoCmsApiException? error) =>
            error != null && string.Equals(error.ApiCode, "PLATFORM_SCHEDULED_MAINTENANCE", global::System.StringComparison.Ordinal);

        /// <summary>
        /// The wait before retrying a scheduled maintenance: Retry-After when the server sends one,
        /// else the usual backoff, at most what is <paramref name="remaining"/> of MaintenanceWait;
        /// null once that is spent.
        /// </summary>
        /// <param name="retryAfter">The answer's Retry-After header, if any.</param>
        /// <param name="retry">How many maintenance answers this request has had, this one included.</param>
        /// <param name="remaining">What is left of <see cref="DatoCmsRetryOptions.MaintenanceWait"/>.</param>
        /// <param name="options">The retry options.</param>
        public static global::System.TimeSpan? MaintenanceDelay(global::System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, int retry, global::System.TimeSpan remaining, DatoCmsRetryOptions options)
        {
            if (remaining <= global::System.TimeSpan.Zero)
            {
                return null;
            }

            var delay = retryAfter?.Delta
                ?? (retryAfter?.Date is global::System.DateTimeOffset date ? date - global::System.DateTimeOffset.UtcNow : (global::System.TimeSpan?)null)
                ?? Backoff(retry, options);
            if (delay < global::System.TimeSpan.Zero)
            {
                delay = global::System.TimeSpan.Zero;
            }

            return delay < remaining ? delay : remaining;
        }

        /// <summary>Exponential backoff from BaseDelay, capped at MaxDelay, with "equal jitter" when enabled.</summary>
        public static global::System.TimeSpan Backoff(int attempt, DatoCmsRetryOptions options)
        {
            var exponent = global::System.Math.Min(attempt - 1, 30);
            var ticks = global::System.Math.Min((double)options.BaseDelay.Ticks * global::System.Math.Pow(2, exponent), options.MaxDelay.Ticks);
            return Jitter(global::System.TimeSpan.FromTicks((long)global::System.Math.Max(0, ticks)), options.UseJitter);
        }

        /// <summary>"Equal jitter": a wait drawn between half and all of <paramref name="delay"/>, or the delay itself when <paramref name="enabled"/> is false.</summary>
        public static global::System.TimeSpan Jitter(global::System.TimeSpan delay, bool enabled)
        {
            if (!enabled || delay <= global::System.TimeSpan.Zero)
            {
                return delay < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : delay;
            }

            var ticks = (double)delay.Ticks;
            return global::System.TimeSpan.FromTicks((long)((ticks / 2) + (ticks / 2 * NextDouble())));
        }

        private static double NextDouble()
        {
            lock (Random)
            {
                // Jitter only spreads retries out; it needs no unpredictability. CA5394 is one
                // of the few rules that analyze generated code, so AnalysisLevel latest-all saw it.
#pragma warning disable CA5394
                return Random.NextDouble();
#pragma warning restore CA5394
            }
        }

        /// <summary>
        /// What the retries of one request or operation have spent: attempts for ordinary failures,
        /// time for the rate limit (<see cref="DatoCmsRetryOptions.MaxRateLimitWait"/>) and for a
        /// scheduled maintenance (<see cref="DatoCmsRetryOptions.MaintenanceWait"/>).
        /// <see cref="DatoCmsRetry"/> and the Polly pipelines keep one each, so they give up where
        /// the handler does. Not thread-safe: one request's retries happen one after another.
        /// </summary>
        public sealed class Spending
        {
            private global::System.Diagnostics.Stopwatch? _rateLimited;
            private global::System.TimeSpan _maintenanceWaited;
            private int _maintenanceAnswers;

            /// <summary>Failed attempts so far, 429s and maintenance answers included.</summary>
            public int Attempts { get; private set; }

            /// <summary>Failed attempts that count against <see cref="DatoCmsRetryOptions.MaxAttempts"/>.</summary>
            public int Counted { get; private set; }

            /// <summary>How long since the first 429, or zero before one.</summary>
            public global::System.TimeSpan RateLimitElapsed => _rateLimited?.Elapsed ?? global::System.TimeSpan.Zero;

            /// <summary>Counts a failed attempt; only ordinary failures count against MaxAttempts.</summary>
            /// <param name="error">The attempt's typed error, or null after a network fault or a timeout.</param>
            public void Count(DatoCmsApiException? error)
            {
                Attempts++;
                if (!IsRateLimit(error) && !IsScheduledMaintenance(error))
                {
                    Counted++;
                }
            }

            /// <summary>Starts the MaxRateLimitWait clock at the first 429.</summary>
            public void StartRateLimit()
            {
                if (_rateLimited is null)
                {
                    _rateLimited = global::System.Diagnostics.Stopwatch.StartNew();
                }
            }

            /// <summary>
            /// The wait before retrying the attempt just counted, or null when it must not be retried;
            /// <paramref name="exhausted"/> says the failure was retryable but its budget is spent.
            /// </summary>
            /// <param name="error">The attempt's typed error, or null after a network fault or a timeout (backoff).</param>
            /// <param name="isIdempotent">Whether repeating the request is safe even when the server may have acted on it.</param>
            /// <param name="retryAfter">The answer's Retry-After header, if any (used for a maintenance).</param>
            /// <param name="options">The retry options.</param>
            /// <param name="exhausted">True when the failure would be retried but MaxAttempts or MaxRateLimitWait is spent.</param>
            public global::System.TimeSpan? Spend(DatoCmsApiException? error, bool isIdempotent, global::System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, DatoCmsRetryOptions options, out bool exhausted)
            {
                exhausted = false;
                if (IsRateLimit(error))
                {
                    // The rate limit delays a request, it does not fail it: 429s spend MaxRateLimitWait, not attempts.
                    // Backoff (without X-RateLimit-Reset) from the attempt the handler would count: the next one.
                    var wait = RateLimitDelay(error!, Counted + 1, options);
                    StartRateLimit();
                    exhausted = RateLimitElapsed + wait >= options.MaxRateLimitWait;
                    return exhausted ? (global::System.TimeSpan?)null : wait;
                }

                if (IsScheduledMaintenance(error))
                {
                    var delay = MaintenanceDelay(retryAfter, ++_maintenanceAnswers, options.MaintenanceWait - _maintenanceWaited, options);
                    _maintenanceWaited += delay ?? global::System.TimeSpan.Zero;
                    return delay;
                }

                var next = error is null ? Backoff(Counted, options) : GetDelay(error, Counted, isIdempotent, options);
                exhausted = next != null && Counted >= options.MaxAttempts;
                return exhausted ? null : next;
            }

            private static bool IsRateLimit(DatoCmsApiException? error) => error != null && error.RetryKind == DatoCmsRetryKind.RateLimit;
        }

        /// <summary>GET, HEAD, OPTIONS, PUT and DELETE may be repeated; POST and PATCH may not.</summary>
        public static bool IsIdempotent(global::System.Net.Http.HttpMethod method) =>
            method == global::System.Net.Http.HttpMethod.Get
            || method == global::System.Net.Http.HttpMethod.Head
            || method == global::System.Net.Http.HttpMethod.Options
            || method == global::System.Net.Http.HttpMethod.Put
            || method == global::System.Net.Http.HttpMethod.Delete;
    }
}
