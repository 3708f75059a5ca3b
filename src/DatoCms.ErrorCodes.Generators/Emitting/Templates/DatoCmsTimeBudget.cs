namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The time budgets of one request: the caller's cancellation, the overall budget of every
    /// attempt and wait together, and the per-attempt timeout. Keeping them on separate token
    /// sources is what lets a cancellation be told apart from each kind of timeout. Its static
    /// helpers set every timer and wait the handler derives from a budget, so that a budget too
    /// long for a timer means "never" rather than an exception.
    /// </summary>
    internal sealed class DatoCmsTimeBudget : global::System.IDisposable // always internal
    {
        // The longest timer every target framework accepts: int.MaxValue milliseconds, about 24.8
        // days. Users say "as long as it takes" with TimeSpan.MaxValue, which a timer refuses
        // (ArgumentOutOfRangeException); a budget that long never runs out in practice.
        private static readonly global::System.TimeSpan LongestTimer = global::System.TimeSpan.FromMilliseconds(int.MaxValue);

        private readonly global::System.Threading.CancellationTokenSource? _total;

        /// <summary>Starts the overall budget now.</summary>
        /// <param name="total">The overall budget, or <see cref="global::System.Threading.Timeout.InfiniteTimeSpan"/>.</param>
        /// <param name="caller">The caller's cancellation.</param>
        public DatoCmsTimeBudget(global::System.TimeSpan total, global::System.Threading.CancellationToken caller)
        {
            Total = total;
            Caller = caller;
            if (total != global::System.Threading.Timeout.InfiniteTimeSpan)
            {
                _total = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(caller);
                CancelAfter(_total, total);
            }
        }

        /// <summary>The overall budget.</summary>
        public global::System.TimeSpan Total { get; }

        /// <summary>The caller's cancellation.</summary>
        public global::System.Threading.CancellationToken Caller { get; }

        /// <summary>Cancelled when the caller cancels or the overall budget runs out: for waits between attempts.</summary>
        public global::System.Threading.CancellationToken Token => _total?.Token ?? Caller;

        /// <summary>Whether the overall budget ran out (and not the caller who cancelled).</summary>
        public bool IsExhausted => _total != null && _total.IsCancellationRequested && !Caller.IsCancellationRequested;

        /// <summary>A token source for one attempt: cancelled by the caller, the overall budget, or <paramref name="attemptTimeout"/>.</summary>
        /// <param name="attemptTimeout">The attempt's timeout, or <see cref="global::System.Threading.Timeout.InfiniteTimeSpan"/>.</param>
        /// <returns>The source; dispose it when the attempt is over.</returns>
        public global::System.Threading.CancellationTokenSource StartAttempt(global::System.TimeSpan attemptTimeout)
        {
            var attempt = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(Token);
            if (attemptTimeout != global::System.Threading.Timeout.InfiniteTimeSpan)
            {
                CancelAfter(attempt, attemptTimeout);
            }

            return attempt;
        }

        /// <summary>
        /// Cancels <paramref name="source"/> after <paramref name="delay"/>, or never when the delay is
        /// infinite (or negative) or longer than a timer can run.
        /// </summary>
        /// <param name="source">The token source to cancel.</param>
        /// <param name="delay">A budget from the options, which may be as long as a TimeSpan goes.</param>
        public static void CancelAfter(global::System.Threading.CancellationTokenSource source, global::System.TimeSpan delay)
        {
            if (delay >= global::System.TimeSpan.Zero && delay <= LongestTimer)
            {
                source.CancelAfter(delay);
            }
        }

        /// <summary>Waits <paramref name="delay"/> (none when negative), but no longer than a timer can run.</summary>
        /// <param name="delay">A wait worked out from the options or the server's headers.</param>
        /// <param name="cancellationToken">Ends the wait early.</param>
        /// <returns>The wait.</returns>
        public static global::System.Threading.Tasks.Task Delay(global::System.TimeSpan delay, global::System.Threading.CancellationToken cancellationToken) =>
            global::System.Threading.Tasks.Task.Delay(delay < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : delay > LongestTimer ? LongestTimer : delay, cancellationToken);

        /// <inheritdoc />
        public void Dispose() => _total?.Dispose();
    }
}
