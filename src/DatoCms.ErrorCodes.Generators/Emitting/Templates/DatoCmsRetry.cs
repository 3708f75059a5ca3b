namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Retries an operation that throws <see cref="DatoCmsApiException"/> by the same rules as
    /// <see cref="DatoCmsRetryHandler"/>: for work the handler cannot see as one request, such as
    /// creating an asynchronous job and reading its result. The operation is assumed safe to
    /// repeat. Pacing is left to the handler, which sees each request. Each retry reports the
    /// handler's signals (<see cref="DatoCmsTelemetry"/>): the datocms.client.* metrics, a trace
    /// event and a log message through <see cref="DatoCmsRetryOptions"/>' logger.
    /// </summary>
    internal static class DatoCmsRetry
    {
        /// <summary>Runs <paramref name="operation"/>, retrying transient DatoCMS errors.</summary>
        /// <typeparam name="T">The operation's result.</typeparam>
        /// <param name="operation">The work; it receives the cancellation token.</param>
        /// <param name="options">How to retry; null for the defaults.</param>
        /// <param name="cancellationToken">Cancels the operation and any wait at once.</param>
        /// <returns>The operation's result.</returns>
        /// <exception cref="DatoCmsApiException">A permanent error, or the last transient one when no attempt (or, for the rate limit, no <see cref="DatoCmsRetryOptions.MaxRateLimitWait"/>) is left.</exception>
        public static async global::System.Threading.Tasks.Task<T> ExecuteAsync<T>(
            global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<T>> operation,
            DatoCmsRetryOptions? options = null,
            global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (operation is null)
            {
                throw new global::System.ArgumentNullException(nameof(operation));
            }

            var settings = options ?? new DatoCmsRetryOptions();
            var budget = new Budget();
            while (true)
            {
                global::System.TimeSpan delay;
                string reason;
                try
                {
                    return await operation(cancellationToken).ConfigureAwait(false);
                }
                catch (DatoCmsApiException error) when (ShouldRetry(error, settings, budget, out delay))
                {
                    // The same signals as the handler's retries: the meter, the trace event, the log.
                    reason = DatoCmsTelemetry.ReasonOf(error);
                    DatoCmsTelemetry.Retrying(settings, reason, error, error.Request?.Method, DatoCmsTelemetry.PathOf(error.Request), budget.Total, delay, RequestIdOf(error));
                    settings.OnRetry?.Invoke(new DatoCmsRetryAttempt(budget.Total, delay, error, null));
                }

                await global::System.Threading.Tasks.Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                DatoCmsTelemetry.Waited(settings, DatoCmsTelemetry.WaitKindOf(reason), delay, null, null);
            }
        }

        /// <summary>Runs <paramref name="operation"/>, retrying transient DatoCMS errors.</summary>
        /// <param name="operation">The work; it receives the cancellation token.</param>
        /// <param name="options">How to retry; null for the defaults.</param>
        /// <param name="cancellationToken">Cancels the operation and any wait at once.</param>
        /// <returns>A task that completes when the operation has succeeded.</returns>
        /// <exception cref="DatoCmsApiException">A permanent error, or the last transient one when no attempt (or, for the rate limit, no <see cref="DatoCmsRetryOptions.MaxRateLimitWait"/>) is left.</exception>
        public static global::System.Threading.Tasks.Task ExecuteAsync(
            global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task> operation,
            DatoCmsRetryOptions? options = null,
            global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (operation is null)
            {
                throw new global::System.ArgumentNullException(nameof(operation));
            }

            return ExecuteAsync<bool>(
                async token =>
                {
                    await operation(token).ConfigureAwait(false);
                    return true;
                },
                options,
                cancellationToken);
        }

        // Decides after a failed attempt and spends what the retry costs: an attempt for an ordinary
        // failure, time for the rate limit (MaxRateLimitWait) or a maintenance (MaintenanceWait).
        private static bool ShouldRetry(DatoCmsApiException error, DatoCmsRetryOptions options, Budget budget, out global::System.TimeSpan delay)
        {
            budget.Total++;
            var isRateLimit = error.RetryKind == DatoCmsRetryKind.RateLimit;
            var isMaintenance = DatoCmsRetryPolicy.IsScheduledMaintenance(error);
            if (!isRateLimit && !isMaintenance)
            {
                budget.Counted++;
            }

            global::System.TimeSpan? next;
            var exhausted = false;
            if (isMaintenance)
            {
                next = DatoCmsRetryPolicy.MaintenanceDelay(null, ++budget.MaintenanceAnswers, options.MaintenanceWait - budget.MaintenanceWaited, options);
                budget.MaintenanceWaited += next ?? global::System.TimeSpan.Zero;
            }
            else
            {
                next = DatoCmsRetryPolicy.GetDelay(error, isRateLimit ? budget.Counted + 1 : budget.Counted, true, options);
                if (next.HasValue && isRateLimit)
                {
                    // The rate limit delays an operation, it does not fail it: 429s spend MaxRateLimitWait, not attempts.
                    budget.RateLimited.Start();
                    exhausted = budget.RateLimited.Elapsed + next.Value >= options.MaxRateLimitWait;
                }
                else if (next.HasValue)
                {
                    exhausted = budget.Counted >= options.MaxAttempts;
                }
            }

            if (exhausted)
            {
                DatoCmsTelemetry.Exhausted(options, error, error.Request?.Method, DatoCmsTelemetry.PathOf(error.Request), isRateLimit ? budget.Total : budget.Counted, RequestIdOf(error));
                next = null;
            }

            delay = next ?? global::System.TimeSpan.Zero;
            return next.HasValue;
        }

        private static string? RequestIdOf(DatoCmsApiException error) => error.Request?.RequestId ?? DatoCmsTelemetry.RequestIdOf(null, error);

        /// <summary>What one run of an operation has spent so far.</summary>
        private sealed class Budget
        {
            public readonly global::System.Diagnostics.Stopwatch RateLimited = new global::System.Diagnostics.Stopwatch();
            public int Total;
            public int Counted;
            public int MaintenanceAnswers;
            public global::System.TimeSpan MaintenanceWaited;
        }
    }
}
