namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// How <see cref="DatoCmsRedisRateLimiter"/> shares one project's rate limit through Redis, and
    /// how it behaves when Redis cannot be reached.
    /// </summary>
    internal sealed class DatoCmsRedisRateLimiterOptions
    {
        private string _projectKey = string.Empty;
        private string _keyPrefix = "datocms:rate-limit:";
        private int _requestsPerWindow = DatoCmsLimits.RequestsPerWindow;
        private global::System.TimeSpan _window = global::System.TimeSpan.FromSeconds(DatoCmsLimits.RateLimitWindowSeconds);
        private global::System.TimeSpan _clockSkewMargin = global::System.TimeSpan.FromMilliseconds(100);
        private global::System.TimeSpan _redisTimeout = global::System.TimeSpan.FromMilliseconds(500);
        private global::System.TimeSpan _redisRetryInterval = global::System.TimeSpan.FromSeconds(1);
        private double _fallbackShare = 0.25;

        /// <summary>
        /// Names the DatoCMS project whose limit is shared, for example its site id. Every worker of one
        /// project must use the same key, whatever API token it holds. Never put the API token here:
        /// the key is stored in Redis in clear.
        /// </summary>
        public string ProjectKey
        {
            get => _projectKey;
            set => _projectKey = !string.IsNullOrWhiteSpace(value) ? value : throw new global::System.ArgumentException("A project key is needed.", nameof(value));
        }

        /// <summary>Prefix of the Redis keys the limiter uses (default <c>datocms:rate-limit:</c>).</summary>
        public string KeyPrefix
        {
            get => _keyPrefix;
            set => _keyPrefix = value ?? throw new global::System.ArgumentNullException(nameof(value));
        }

        /// <summary>Requests allowed per window until a server's X-RateLimit-Limit says otherwise (default from the spec's limits; 1 to 100,000).</summary>
        public int RequestsPerWindow
        {
            get => _requestsPerWindow;
            set => _requestsPerWindow = value >= 1 && value <= DatoCmsRateLimitHeaders.MostRequestsPerWindow ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "Between 1 and 100,000 requests per window are allowed.");
        }

        /// <summary>The length of the rate-limit window (default from the spec's limits; at most a day).</summary>
        public global::System.TimeSpan Window
        {
            get => _window;
            set => _window = value > global::System.TimeSpan.Zero && value <= DatoCmsRateLimitHeaders.LongestWindow ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The window must be positive and at most a day.");
        }

        /// <summary>
        /// Time added to every window and to every published pause (default 100 ms). Slots are timed
        /// by the Redis server's clock, so the workers' own clocks do not matter; the margin covers the
        /// difference between the moment Redis grants a slot and the moment the API counts the request
        /// (network delay, scheduling), and between Redis' clock and the API's windows.
        /// </summary>
        public global::System.TimeSpan ClockSkewMargin
        {
            get => _clockSkewMargin;
            set => _clockSkewMargin = value >= global::System.TimeSpan.Zero && value <= global::System.TimeSpan.FromDays(1) ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The margin cannot be negative or longer than a day.");
        }

        /// <summary>
        /// How long one call to Redis may take before the limiter stops waiting for it and falls back to
        /// the local throttle (default 500 ms). It bounds each call, not the time from the start of an
        /// outage: a request notices at its next call to Redis (its reservation, or the check for a
        /// pause published while it waited for its slot).
        /// </summary>
        public global::System.TimeSpan RedisTimeout
        {
            get => _redisTimeout;
            set => _redisTimeout = value > global::System.TimeSpan.Zero && value <= global::System.TimeSpan.FromDays(1) ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The timeout must be positive and at most a day.");
        }

        /// <summary>
        /// After Redis failed, how long the limiter uses the local throttle before the next request
        /// tries Redis again (default 1 s), one at a time. The return waits for that request, so it can
        /// come later than the interval in a process that sends little.
        /// </summary>
        public global::System.TimeSpan RedisRetryInterval
        {
            get => _redisRetryInterval;
            set => _redisRetryInterval = value > global::System.TimeSpan.Zero && value <= global::System.TimeSpan.FromDays(1) ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The interval must be positive and at most a day.");
        }

        /// <summary>
        /// The part of the limit this process allows itself while Redis is unreachable (default 0.25).
        /// Set it to 1 divided by the number of processes that share the project, so that together they
        /// stay under the limit when none of them can coordinate.
        /// </summary>
        public double FallbackShare
        {
            get => _fallbackShare;
            set => _fallbackShare = value > 0 && value <= 1 ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The share must be more than 0 and at most 1.");
        }

        /// <summary>
        /// Whether slots are spaced evenly, the window divided by the limit apart (the default), or may
        /// be taken a whole window's worth at once. Evenly spread, every worker gets its turn from the
        /// first request on, however unevenly they start, and the server never sees a burst; a burst
        /// finishes a small job sooner when a single process works alone.
        /// </summary>
        public bool SpreadEvenly { get; set; } = true;

        /// <summary>
        /// Called once when Redis stops answering (with the failure), so that the fall-back is logged
        /// once rather than per request. Must not throw; it runs on the request's path.
        /// </summary>
        public global::System.Action<global::System.Exception>? OnRedisUnavailable { get; set; }

        /// <summary>Called once when Redis answers again after <see cref="OnRedisUnavailable"/>.</summary>
        public global::System.Action? OnRedisRecovered { get; set; }
    }
}
