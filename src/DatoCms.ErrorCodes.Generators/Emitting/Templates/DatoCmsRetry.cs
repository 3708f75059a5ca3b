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
            var spent = new DatoCmsRetryPolicy.Spending();
            while (true)
            {
                global::System.TimeSpan delay;
                string reason;
                try
                {
                    return await operation(cancellationToken).ConfigureAwait(false);
                }
                catch (DatoCmsApiException error) when (ShouldRetry(error, settings, spent, out delay))
                {
                    // The same signals as the handler's retries: the meter, the trace event, the log.
                    reason = DatoCmsTelemetry.ReasonOf(error);
                    DatoCmsTelemetry.Retrying(settings, reason, error, error.Request?.Method, DatoCmsTelemetry.PathOf(error.Request), spent.Attempts, delay, DatoCmsTelemetry.RequestIdOf(error));
                    settings.OnRetry?.Invoke(new DatoCmsRetryAttempt(spent.Attempts, delay, error, null));
                }

                await DatoCmsTimeBudget.Delay(delay, cancellationToken).ConfigureAwait(false);
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
        private static bool ShouldRetry(DatoCmsApiException error, DatoCmsRetryOptions options, DatoCmsRetryPolicy.Spending spent, out global::System.TimeSpan delay)
        {
            spent.Count(error);
            var next = spent.Spend(error, true, null, options, out var exhausted);
            if (exhausted)
            {
                var attempts = error.RetryKind == DatoCmsRetryKind.RateLimit ? spent.Attempts : spent.Counted;
                DatoCmsTelemetry.Exhausted(options, error, error.Request?.Method, DatoCmsTelemetry.PathOf(error.Request), attempts, DatoCmsTelemetry.RequestIdOf(error));
            }

            delay = next ?? global::System.TimeSpan.Zero;
            return next.HasValue;
        }

    }
}
