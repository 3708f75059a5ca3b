namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Retries an operation that throws <see cref="DatoCmsApiException"/> by the same rules as
    /// <see cref="DatoCmsRetryHandler"/>: for work the handler cannot see as one request, such as
    /// creating an asynchronous job and reading its result. The operation is assumed safe to
    /// repeat. Pacing is left to the handler, which sees each request.
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
            var rateLimited = new global::System.Diagnostics.Stopwatch();
            for (var attempt = 1; ; )
            {
                global::System.TimeSpan delay;
                try
                {
                    return await operation(cancellationToken).ConfigureAwait(false);
                }
                catch (DatoCmsApiException error) when (ShouldRetry(error, attempt, settings, rateLimited, out delay))
                {
                    settings.OnRetry?.Invoke(new DatoCmsRetryAttempt(attempt, delay, error, null));
                    if (error.RetryKind != DatoCmsRetryKind.RateLimit)
                    {
                        attempt++;
                    }
                }

                await global::System.Threading.Tasks.Task.Delay(delay, cancellationToken).ConfigureAwait(false);
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

        private static bool ShouldRetry(DatoCmsApiException error, int attempt, DatoCmsRetryOptions options, global::System.Diagnostics.Stopwatch rateLimited, out global::System.TimeSpan delay)
        {
            // The rate limit delays an operation, it does not fail it: 429s spend MaxRateLimitWait, not attempts.
            var isRateLimit = error.RetryKind == DatoCmsRetryKind.RateLimit;
            var next = isRateLimit || attempt < options.MaxAttempts ? DatoCmsRetryPolicy.GetDelay(error, attempt, true, options) : null;
            if (isRateLimit && next.HasValue)
            {
                rateLimited.Start();
                if (rateLimited.Elapsed + next.Value >= options.MaxRateLimitWait)
                {
                    next = null;
                }
            }

            delay = next ?? global::System.TimeSpan.Zero;
            return next.HasValue;
        }
    }
}
