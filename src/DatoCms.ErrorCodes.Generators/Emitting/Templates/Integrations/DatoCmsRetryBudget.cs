namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// What one execution of a DatoCMS Polly retry has spent, kept in its <c>ResilienceContext</c>:
    /// attempts for ordinary failures (<see cref="DatoCmsRetryOptions.MaxAttempts"/>), time for the
    /// rate limit from the first 429 (<see cref="DatoCmsRetryOptions.MaxRateLimitWait"/>), and waits
    /// for a scheduled maintenance (<see cref="DatoCmsRetryOptions.MaintenanceWait"/>). These are the
    /// accounts <see cref="DatoCmsRetryHandler"/> keeps, so a pipeline stops where the handler stops;
    /// Polly's own attempt limit is set out of reach and these accounts decide instead. The accounts
    /// are a <see cref="DatoCmsRetryPolicy.Spending"/>, as in <see cref="DatoCmsRetry"/>; this type adds
    /// what Polly needs: which outcome was decided already, its delay, and a throttle slot reserved
    /// for a 429's retry.
    /// </summary>
    internal sealed class DatoCmsRetryBudget // always internal
    {
        /// <summary>The budget of the HTTP retry (responses and network faults).</summary>
        internal static readonly global::Polly.ResiliencePropertyKey<DatoCmsRetryBudget> HttpKey =
            new global::Polly.ResiliencePropertyKey<DatoCmsRetryBudget>("DatoCms.ErrorCodes.RetryBudget");

        /// <summary>The budget of the retry around SDK calls (exceptions): its own, should both retries share a context.</summary>
        internal static readonly global::Polly.ResiliencePropertyKey<DatoCmsRetryBudget> ExceptionKey =
            new global::Polly.ResiliencePropertyKey<DatoCmsRetryBudget>("DatoCms.ErrorCodes.RetryBudget.Exceptions");

        private readonly object _gate = new object();
        private readonly DatoCmsRetryPolicy.Spending _spent = new DatoCmsRetryPolicy.Spending();
        private DatoCmsRateLimitTicket? _reserved;
        private int _pollyAttempt = -1;
        private global::System.Threading.CancellationTokenRegistration _reservation;

        /// <summary>The outcomes seen so far, the current one included: the attempt number the handler reports.</summary>
        public int Attempts => _spent.Attempts;

        /// <summary>The attempts that count against MaxAttempts (neither a 429 nor a maintenance answer), the current one included.</summary>
        public int Counted => _spent.Counted;

        /// <summary>The outcome last decided about (a response or an exception).</summary>
        public object? Subject { get; private set; }

        /// <summary>The wait before retrying <see cref="Subject"/>, or null when it is not retried.</summary>
        public global::System.TimeSpan? Delay { get; private set; }

        /// <summary>Whether the wait before the retry of <see cref="Subject"/> was spent (and reported) before the retry's own delay: a 429 waiting for the throttle.</summary>
        public bool WaitedAlready { get; private set; }

        /// <summary>How long the rate limit has delayed this execution, from its first 429.</summary>
        public global::System.TimeSpan RateLimitElapsed => _spent.RateLimitElapsed;

        /// <summary>The budget of <paramref name="context"/>'s execution under <paramref name="key"/>, created on first use.</summary>
        public static DatoCmsRetryBudget Of(global::Polly.ResilienceContext context, global::Polly.ResiliencePropertyKey<DatoCmsRetryBudget> key)
        {
            if (!context.Properties.TryGetValue(key, out var budget))
            {
                budget = new DatoCmsRetryBudget();
                context.Properties.Set(key, budget);
            }

            return budget;
        }

        /// <summary>The slot a 429's retry already waited for, for the throttle to use instead of waiting again; null when there is none.</summary>
        public static DatoCmsRateLimitTicket? TakeReserved(global::Polly.ResilienceContext context) =>
            context.Properties.TryGetValue(HttpKey, out var budget) ? budget.TakeReserved() : null;

        /// <summary>
        /// Starts the account of a new outcome; false when this outcome was decided already (a
        /// predicate asked twice), and <see cref="Delay"/> still holds the answer.
        /// </summary>
        /// <param name="subject">The response or exception.</param>
        /// <param name="pollyAttempt">Polly's number of the attempt: an operation that throws one exception instance again is a new outcome.</param>
        /// <param name="error">Its typed error; null for a network fault or timeout.</param>
        public bool Begin(object subject, int pollyAttempt, DatoCmsApiException? error)
        {
            if (ReferenceEquals(Subject, subject) && _pollyAttempt == pollyAttempt)
            {
                return false;
            }

            Subject = subject;
            _pollyAttempt = pollyAttempt;
            Delay = null;
            WaitedAlready = false;
            _spent.Count(error);
            return true;
        }

        /// <summary>
        /// Spends what retrying the current outcome costs, when it is left: the wait, or null when
        /// the budget that pays for this kind of failure is spent (<paramref name="exhausted"/> then
        /// says whether it is worth reporting as a request given up, as the handler does).
        /// </summary>
        /// <param name="error">The typed error; null for a network fault or timeout that may be retried.</param>
        /// <param name="isIdempotent">Whether the request is safe to repeat.</param>
        /// <param name="retryAfter">The answer's Retry-After, read for a scheduled maintenance.</param>
        /// <param name="options">The retry options.</param>
        /// <param name="exhausted">True when a retryable failure is given up for lack of attempts or rate-limit time.</param>
        public global::System.TimeSpan? Spend(DatoCmsApiException? error, bool isIdempotent, global::System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, DatoCmsRetryOptions options, out bool exhausted)
        {
            var next = _spent.Spend(error, isIdempotent, retryAfter, options, out exhausted);
            if (!exhausted)
            {
                Delay = next;
            }

            return next;
        }

        /// <summary>Starts the rate-limit clock at the first 429.</summary>
        public void StartRateLimit() => _spent.StartRateLimit();

        /// <summary>
        /// Keeps the slot a 429's retry waited for until the next attempt's throttle takes it; should
        /// the execution end first (<paramref name="cancellationToken"/>), the slot is abandoned,
        /// never left charged for good.
        /// </summary>
        /// <param name="ticket">The slot.</param>
        /// <param name="cancellationToken">The execution's cancellation.</param>
        public void Reserve(DatoCmsRateLimitTicket ticket, global::System.Threading.CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _reserved?.Abandon();
                _reserved = ticket;
            }

            Delay = global::System.TimeSpan.Zero;
            WaitedAlready = true;

            // Runs at once when the execution is cancelled already: the retry will not happen.
            _reservation = cancellationToken.Register(state => ((DatoCmsRetryBudget)state!).Unreserve()?.Abandon(), this);
        }

        private DatoCmsRateLimitTicket? TakeReserved()
        {
            var ticket = Unreserve();
            if (ticket != null)
            {
                _reservation.Dispose();
            }

            return ticket;
        }

        private DatoCmsRateLimitTicket? Unreserve()
        {
            lock (_gate)
            {
                var ticket = _reserved;
                _reserved = null;
                return ticket;
            }
        }
    }
}
