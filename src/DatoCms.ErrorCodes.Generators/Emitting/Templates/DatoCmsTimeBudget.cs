namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The time budgets of one request: the caller's cancellation, the overall budget of every
    /// attempt and wait together, and the per-attempt timeout. Keeping them on separate token
    /// sources is what lets a cancellation be told apart from each kind of timeout.
    /// </summary>
    internal sealed class DatoCmsTimeBudget : global::System.IDisposable // always internal
    {
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
                _total.CancelAfter(total);
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
                attempt.CancelAfter(attemptTimeout);
            }

            return attempt;
        }

        /// <inheritdoc />
        public void Dispose() => _total?.Dispose();
    }
}
