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
        private int _requestsPerWindow = DatoCmsLimits.RequestsPerWindow;
        private global::System.TimeSpan _rateLimitWindow = global::System.TimeSpan.FromSeconds(DatoCmsLimits.RateLimitWindowSeconds);

        /// <summary>How many times a request is sent at most, the first time included (default 5).</summary>
        public int MaxAttempts
        {
            get => _maxAttempts;
            set => _maxAttempts = value >= 1 ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "At least one attempt is needed.");
        }

        /// <summary>The first backoff delay; each later one doubles, up to <see cref="MaxDelay"/> (default 500 ms).</summary>
        public global::System.TimeSpan BaseDelay { get; set; } = global::System.TimeSpan.FromMilliseconds(500);

        /// <summary>The longest backoff delay (default 30 s). A server's X-RateLimit-Reset is honoured even when longer.</summary>
        public global::System.TimeSpan MaxDelay { get; set; } = global::System.TimeSpan.FromSeconds(30);

        /// <summary>
        /// Whether backoff delays are randomised (between half and all of the exponential delay, the
        /// default), so that many clients that failed together do not retry together.
        /// </summary>
        public bool UseJitter { get; set; } = true;

        /// <summary>
        /// Whether requests are paced on the client side to the rate limit (on by default), so that a
        /// burst mostly never receives a 429. The pace adapts to the X-RateLimit-Limit and
        /// X-RateLimit-Remaining headers the server sends.
        /// </summary>
        public bool EnableThrottling { get; set; } = true;

        /// <summary>Requests allowed per window until the server says otherwise (default from the spec's limits).</summary>
        public int RequestsPerWindow
        {
            get => _requestsPerWindow;
            set => _requestsPerWindow = value >= 1 ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "At least one request per window is needed.");
        }

        /// <summary>The length of the rate-limit window (default from the spec's limits).</summary>
        public global::System.TimeSpan RateLimitWindow
        {
            get => _rateLimitWindow;
            set => _rateLimitWindow = value > global::System.TimeSpan.Zero ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The window must be positive.");
        }

        /// <summary>Called before each wait for a retry, with the attempt that failed, the delay and the error.</summary>
        public global::System.Action<DatoCmsRetryAttempt>? OnRetry { get; set; }

        /// <summary>The throttle shared by everything that uses these options; created on first use from the settings above.</summary>
        internal DatoCmsRateLimiter RateLimiter
        {
            get
            {
                lock (_gate)
                {
                    return _rateLimiter ??= new DatoCmsRateLimiter(RequestsPerWindow, RateLimitWindow);
                }
            }
        }
    }
}
