namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// How <see cref="DatoCmsRetryHandler"/> and <see cref="DatoCmsRetry"/> retry and pace requests.
    /// Share one instance between the handlers that use one API token: the client-side throttle
    /// lives here, so all of them are paced together.
    /// </summary>
    internal sealed partial class DatoCmsRetryOptions
    {
        private readonly object _gate = new object();
        private DatoCmsRateLimiter? _rateLimiter;
        private int _maxAttempts = 5;
        private global::System.TimeSpan _baseDelay = global::System.TimeSpan.FromMilliseconds(500);
        private global::System.TimeSpan _maxDelay = global::System.TimeSpan.FromSeconds(30);
        private global::System.TimeSpan _maxRateLimitWait = global::System.TimeSpan.FromMinutes(3);
        private int _requestsPerWindow = DatoCmsLimits.RequestsPerWindow;
        private global::System.TimeSpan _rateLimitWindow = global::System.TimeSpan.FromSeconds(DatoCmsLimits.RateLimitWindowSeconds);
        private global::System.TimeSpan _attemptTimeout = global::System.TimeSpan.FromSeconds(30);
        private global::System.TimeSpan _totalTimeout = global::System.Threading.Timeout.InfiniteTimeSpan;
        private global::System.TimeSpan _maintenanceWait = global::System.TimeSpan.FromMinutes(1);
        private DatoCmsJobOptions _jobs = new DatoCmsJobOptions();

        // Null: a value out of range throws (see DatoCmsRejectedSettings).
        private DatoCmsRejectedSettings? _rejected;

        /// <summary>
        /// How many times a request is sent at most, the first time included (default 5). Answers
        /// the server rejected for the rate limit (429) do not count: <see cref="MaxRateLimitWait"/> bounds those.
        /// </summary>
        public int MaxAttempts
        {
            get => _maxAttempts;
            set => _maxAttempts = DatoCmsRejectedSettings.Check(_rejected, nameof(MaxAttempts), value, value >= 1, _maxAttempts, "At least one attempt is needed.");
        }

        /// <summary>The first backoff delay; each later one doubles, up to <see cref="MaxDelay"/> (default 500 ms). Not negative.</summary>
        public global::System.TimeSpan BaseDelay
        {
            get => _baseDelay;
            set => _baseDelay = DatoCmsRejectedSettings.Check(_rejected, nameof(BaseDelay), value, value >= global::System.TimeSpan.Zero, _baseDelay, "The backoff delay cannot be negative.");
        }

        /// <summary>
        /// The longest backoff delay (default 30 s). Not negative; shorter than <see cref="BaseDelay"/>,
        /// it is every backoff delay. A server's X-RateLimit-Reset is honoured even when longer.
        /// </summary>
        public global::System.TimeSpan MaxDelay
        {
            get => _maxDelay;
            set => _maxDelay = DatoCmsRejectedSettings.Check(_rejected, nameof(MaxDelay), value, value >= global::System.TimeSpan.Zero, _maxDelay, "The longest backoff delay cannot be negative.");
        }

        /// <summary>
        /// Whether backoff delays are randomised (between half and all of the exponential delay, the
        /// default), so that many clients that failed together do not retry together.
        /// </summary>
        public bool UseJitter { get; set; } = true;

        /// <summary>
        /// Whether requests are paced on the client side to the rate limit (on by default), so that a
        /// burst mostly never receives a 429 and the window is used to the full. The pace adapts to
        /// the X-RateLimit-Limit and X-RateLimit-Remaining headers the server sends, and shares the
        /// project's window fairly with other processes that use it.
        /// </summary>
        public bool EnableThrottling { get; set; } = true;

        /// <summary>
        /// How long one request may wait, in all, for the rate limit once the server answered it 429
        /// (default 3 minutes): a busy project delays a request, it does not fail it, until this
        /// runs out; then the 429 is returned. Waits for the client-side throttle before the first
        /// attempt do not count.
        /// </summary>
        public global::System.TimeSpan MaxRateLimitWait
        {
            get => _maxRateLimitWait;
            set => _maxRateLimitWait = DatoCmsRejectedSettings.Check(_rejected, nameof(MaxRateLimitWait), value, value >= global::System.TimeSpan.Zero, _maxRateLimitWait, "The wait cannot be negative.");
        }

        /// <summary>Requests allowed per window until the server says otherwise (default from the spec's limits; 1 to 100,000).</summary>
        public int RequestsPerWindow
        {
            get => _requestsPerWindow;
            set => _requestsPerWindow = DatoCmsRejectedSettings.Check(_rejected, nameof(RequestsPerWindow), value, value >= 1 && value <= DatoCmsRateLimitHeaders.MostRequestsPerWindow, _requestsPerWindow, "Between 1 and 100,000 requests per window are allowed.");
        }

        /// <summary>The length of the rate-limit window (default from the spec's limits; at most a day).</summary>
        public global::System.TimeSpan RateLimitWindow
        {
            get => _rateLimitWindow;
            set => _rateLimitWindow = DatoCmsRejectedSettings.Check(_rejected, nameof(RateLimitWindow), value, value > global::System.TimeSpan.Zero && value <= DatoCmsRateLimitHeaders.LongestWindow, _rateLimitWindow, "The window must be positive and at most a day.");
        }

        /// <summary>
        /// How long one attempt may wait for the response headers (and an error body) before it is
        /// abandoned (default 30 s, as the JavaScript client; <see cref="global::System.Threading.Timeout.InfiniteTimeSpan"/> for none).
        /// A timed-out attempt is retried only for idempotent methods, since the server may have
        /// received it; otherwise, or when no attempt is left, a <see cref="global::System.TimeoutException"/> names the budget.
        /// </summary>
        public global::System.TimeSpan AttemptTimeout
        {
            get => _attemptTimeout;
            set => _attemptTimeout = DatoCmsRejectedSettings.Check(_rejected, nameof(AttemptTimeout), value, DatoCmsJobOptions.IsPositiveOrInfinite(value), _attemptTimeout, "The attempt timeout must be positive or infinite.");
        }

        /// <summary>
        /// The budget of one request's attempts and waits together (default none:
        /// <see cref="global::System.Threading.Timeout.InfiniteTimeSpan"/>); when it runs out a
        /// <see cref="global::System.TimeoutException"/> says so. Each poll of an asynchronous job is a request of its own.
        /// </summary>
        public global::System.TimeSpan TotalTimeout
        {
            get => _totalTimeout;
            set => _totalTimeout = DatoCmsRejectedSettings.Check(_rejected, nameof(TotalTimeout), value, DatoCmsJobOptions.IsPositiveOrInfinite(value), _totalTimeout, "The total timeout must be positive or infinite.");
        }

        /// <summary>
        /// How long to wait out a scheduled maintenance (503 PLATFORM_SCHEDULED_MAINTENANCE) in all,
        /// honouring Retry-After when the server sends it (default 1 minute). These retries do not
        /// count against <see cref="MaxAttempts"/>; set hours to ride out a whole maintenance window.
        /// </summary>
        public global::System.TimeSpan MaintenanceWait
        {
            get => _maintenanceWait;
            set => _maintenanceWait = DatoCmsRejectedSettings.Check(_rejected, nameof(MaintenanceWait), value, value >= global::System.TimeSpan.Zero, _maintenanceWait, "The maintenance wait cannot be negative.");
        }

        /// <summary>
        /// Whether the handler follows an asynchronous job (a 202 whose body is a job) to its result
        /// and returns the <c>/job-results/{id}</c> response instead of the 202 (on by default).
        /// </summary>
        public bool FollowJobs { get; set; } = true;

        /// <summary>How jobs are followed: poll waits and the job timeout.</summary>
        public DatoCmsJobOptions Jobs
        {
            get => _jobs;
            set => _jobs = value ?? throw new global::System.ArgumentNullException(nameof(value));
        }

        /// <summary>
        /// Called before each wait for a retry, with the attempt that failed, the delay and the error;
        /// after a network fault or a timeout the error has status 0 and the fault as its inner exception.
        /// </summary>
        public global::System.Action<DatoCmsRetryAttempt>? OnRetry { get; set; }

        /// <summary>
        /// Options for a bindable options class to own: a value out of range, here or in <see cref="Jobs"/>,
        /// is remembered for <see cref="AddRejectedSettings"/> instead of thrown (see <see cref="DatoCmsRejectedSettings"/>).
        /// </summary>
        internal static DatoCmsRetryOptions CreateForBinding() => new DatoCmsRetryOptions
        {
            _rejected = new DatoCmsRejectedSettings(),
            _jobs = DatoCmsJobOptions.CreateForBinding(),
        };

        /// <summary>Adds the values rejected since <see cref="CreateForBinding"/>, the options' names prefixed with <paramref name="path"/>.</summary>
        internal void AddRejectedSettings(string path, global::System.Collections.Generic.List<string> problems)
        {
            _rejected?.AddTo(path, problems);
            _jobs.AddRejectedSettings(path + nameof(Jobs) + ".", problems);
        }

        /// <summary>Makes the setters throw again, once the options were validated: a later value out of range must not go unnoticed.</summary>
        internal void RejectAtOnce()
        {
            _rejected = null;
            _jobs.RejectAtOnce();
        }

        /// <summary>The throttle shared by everything that uses these options; created on first use from the settings above.</summary>
        internal DatoCmsRateLimiter Throttle
        {
            get
            {
                lock (_gate)
                {
                    return _rateLimiter ??= new DatoCmsRateLimiter(RequestsPerWindow, RateLimitWindow);
                }
            }
        }

        /// <summary>Waits for permission to send one request: from the <c>RateLimiter</c> option when one is set, else from <see cref="Throttle"/>.</summary>
        /// <param name="isRetry">The request was rejected for the rate limit already: it goes first in line.</param>
        /// <param name="cancellationToken">Stops the wait.</param>
        internal global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket> AcquireAsync(bool isRetry, global::System.Threading.CancellationToken cancellationToken)
        {
            global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>? acquired = null;
            AcquireFromRateLimiter(ref acquired, isRetry, cancellationToken);
            return acquired ?? Throttle.AcquireAsync(cancellationToken, isRetry);
        }

        /// <summary>
        /// Notes on <paramref name="request"/> that <paramref name="ticket"/> is its attempt's permit,
        /// so that a pacing handler further in (the Redis one, given the same limiter) does not take a second.
        /// </summary>
        internal static void NotePermit(global::System.Net.Http.HttpRequestMessage request, DatoCmsRateLimitTicket ticket) => NoteRateLimiterPermit(request, ticket);

        // Implemented where System.Threading.RateLimiting is referenced (the RateLimiter option).
        partial void AcquireFromRateLimiter(ref global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>? acquired, bool isRetry, global::System.Threading.CancellationToken cancellationToken);

        static partial void NoteRateLimiterPermit(global::System.Net.Http.HttpRequestMessage request, DatoCmsRateLimitTicket ticket);
    }
}
