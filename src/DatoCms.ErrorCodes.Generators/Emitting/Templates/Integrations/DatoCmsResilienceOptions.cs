namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The settings of the DatoCMS resilience pipeline added by <c>AddDatoCmsResilienceHandler</c>.
    /// Plain properties, so they bind from configuration (a "DatoCms" section, say); out-of-range
    /// values are reported by options validation when the pipeline is built, not by the binder.
    /// </summary>
    internal sealed class DatoCmsResilienceOptions
    {
        /// <summary>
        /// How many times a request is sent at most, the first time included (default 5). 429s and a
        /// scheduled maintenance do not count: <see cref="MaxRateLimitWait"/> and <see cref="MaintenanceWait"/> bound those.
        /// </summary>
        public int MaxAttempts { get; set; } = 5;

        /// <summary>
        /// How long one request may wait, in all, for the rate limit once the server answered it 429
        /// (default 3 minutes); then the 429 is returned. <see cref="TotalTimeout"/> still bounds the whole request.
        /// </summary>
        public global::System.TimeSpan MaxRateLimitWait { get; set; } = global::System.TimeSpan.FromMinutes(3);

        /// <summary>
        /// How long to wait out a scheduled maintenance (503 PLATFORM_SCHEDULED_MAINTENANCE) in all,
        /// honouring Retry-After (default 1 minute), without spending attempts.
        /// </summary>
        public global::System.TimeSpan MaintenanceWait { get; set; } = global::System.TimeSpan.FromMinutes(1);

        /// <summary>The first backoff delay; each later one doubles, up to <see cref="MaxDelay"/> (default 500 ms).</summary>
        public global::System.TimeSpan BaseDelay { get; set; } = global::System.TimeSpan.FromMilliseconds(500);

        /// <summary>The longest backoff delay (default 30 s). A server's X-RateLimit-Reset is honoured even when longer.</summary>
        public global::System.TimeSpan MaxDelay { get; set; } = global::System.TimeSpan.FromSeconds(30);

        /// <summary>Whether backoff delays are randomised between half and all of the exponential delay (default true).</summary>
        public bool UseJitter { get; set; } = true;

        /// <summary>Whether requests wait for the adaptive client-side throttle before each attempt (default true).</summary>
        public bool EnableThrottling { get; set; } = true;

        /// <summary>Requests allowed per window until the server says otherwise (default from the spec's limits).</summary>
        public int RequestsPerWindow { get; set; } = DatoCmsLimits.RequestsPerWindow;

        /// <summary>The length of the rate-limit window (default from the spec's limits).</summary>
        public global::System.TimeSpan RateLimitWindow { get; set; } = global::System.TimeSpan.FromSeconds(DatoCmsLimits.RateLimitWindowSeconds);

        /// <summary>
        /// Which throttle the client shares: every client with the same name is paced together, as the
        /// API counts the requests of all tokens of a project together (default "default").
        /// </summary>
        public string Project { get; set; } = "default";

        /// <summary>The longest one attempt may take before it is abandoned (and, for a method safe to repeat, retried); default 30 s.</summary>
        public global::System.TimeSpan AttemptTimeout { get; set; } = global::System.TimeSpan.FromSeconds(30);

        /// <summary>
        /// The longest a request may take in all, retries and waits included (default 3 minutes, enough
        /// for the attempts and a few X-RateLimit-Reset waits).
        /// </summary>
        public global::System.TimeSpan TotalTimeout { get; set; } = global::System.TimeSpan.FromMinutes(3);

        /// <summary>Whether a 202 that starts an asynchronous job is followed to the job's result (default true).</summary>
        public bool FollowJobs { get; set; } = true;

        /// <summary>
        /// How long and how often a job's result is polled. Unlike options made in code, the default
        /// instance does not throw for a value out of range (<c>Jobs:Timeout = 00:00:00</c> bound from
        /// configuration, say): <see cref="Validate"/> names it ("Jobs.Timeout is 00:00:00: ...").
        /// </summary>
        public DatoCmsJobOptions Jobs { get; set; } = DatoCmsJobOptions.CreateForBinding();

        /// <summary>The problems of these settings, empty when they are valid.</summary>
        /// <returns>One sentence per problem.</returns>
        public global::System.Collections.Generic.IReadOnlyList<string> Validate()
        {
            var problems = new global::System.Collections.Generic.List<string>();
            if (MaxAttempts < 1)
            {
                problems.Add("MaxAttempts must be at least 1 (was " + MaxAttempts.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ").");
            }

            if (MaxRateLimitWait < global::System.TimeSpan.Zero || MaintenanceWait < global::System.TimeSpan.Zero)
            {
                problems.Add("MaxRateLimitWait and MaintenanceWait must not be negative.");
            }

            if (BaseDelay < global::System.TimeSpan.Zero || MaxDelay < BaseDelay)
            {
                problems.Add("BaseDelay must not be negative and MaxDelay must not be shorter than BaseDelay.");
            }

            if (RequestsPerWindow < 1 || RequestsPerWindow > DatoCmsRateLimitHeaders.MostRequestsPerWindow)
            {
                problems.Add("RequestsPerWindow must be between 1 and 100,000.");
            }

            if (RateLimitWindow <= global::System.TimeSpan.Zero || RateLimitWindow > DatoCmsRateLimitHeaders.LongestWindow)
            {
                problems.Add("RateLimitWindow must be positive and at most a day.");
            }

            if (string.IsNullOrWhiteSpace(Project))
            {
                problems.Add("Project must name the throttle to share.");
            }

            // Polly's timeout strategy accepts 10 ms to 24 h.
            if (AttemptTimeout < global::System.TimeSpan.FromMilliseconds(10) || AttemptTimeout > global::System.TimeSpan.FromHours(24))
            {
                problems.Add("AttemptTimeout must be between 10 ms and 24 hours.");
            }

            if (FollowJobs && Jobs is null)
            {
                problems.Add("Jobs is required when FollowJobs is on.");
            }

            Jobs?.AddRejectedSettings(nameof(Jobs) + ".", problems);

            if (TotalTimeout < AttemptTimeout || TotalTimeout > global::System.TimeSpan.FromHours(24))
            {
                problems.Add("TotalTimeout must be at least AttemptTimeout and at most 24 hours.");
            }

            return problems;
        }

        /// <summary>The retry options of the runtime with these settings.</summary>
        internal DatoCmsRetryOptions ToRetryOptions() => new DatoCmsRetryOptions
        {
            MaxAttempts = MaxAttempts,
            MaxRateLimitWait = MaxRateLimitWait,
            MaintenanceWait = MaintenanceWait,
            BaseDelay = BaseDelay,
            MaxDelay = MaxDelay,
            UseJitter = UseJitter,
            EnableThrottling = EnableThrottling,
            RequestsPerWindow = RequestsPerWindow,
            RateLimitWindow = RateLimitWindow,
        };
    }
}
