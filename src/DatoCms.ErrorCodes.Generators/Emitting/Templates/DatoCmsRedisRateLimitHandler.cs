namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Paces every request it sends by a <see cref="DatoCmsRedisRateLimiter"/> and shows the
    /// limiter every response, so a 429's pause and the server's limit reach every worker. Put it
    /// inside <see cref="DatoCmsRetryHandler"/> (retry handler first, this one next, the network
    /// last) so that each retry is paced too, and turn the retry handler's own throttle off
    /// (<see cref="DatoCmsRetryOptions.EnableThrottling"/> = false): the shared limiter replaces it.
    /// A request whose attempt already holds a permit of the same limiter (the retry handler paces
    /// with it as its <see cref="DatoCmsRetryOptions.RateLimiter"/>, and reports the answers) passes
    /// through untouched: one slot per attempt, never two.
    /// </summary>
    internal sealed class DatoCmsRedisRateLimitHandler : global::System.Net.Http.DelegatingHandler
    {
        private readonly DatoCmsRedisRateLimiter _limiter;

        /// <summary>Creates the handler for an <c>IHttpClientFactory</c> pipeline.</summary>
        /// <param name="limiter">The limiter shared by every client of the project in this process.</param>
        public DatoCmsRedisRateLimitHandler(DatoCmsRedisRateLimiter limiter)
        {
            _limiter = limiter ?? throw new global::System.ArgumentNullException(nameof(limiter));
        }

        /// <summary>Creates the handler in front of <paramref name="innerHandler"/>, for use without a factory.</summary>
        /// <param name="limiter">The limiter shared by every client of the project in this process.</param>
        /// <param name="innerHandler">The handler that sends the requests.</param>
        public DatoCmsRedisRateLimitHandler(DatoCmsRedisRateLimiter limiter, global::System.Net.Http.HttpMessageHandler innerHandler)
            : base(innerHandler)
        {
            _limiter = limiter ?? throw new global::System.ArgumentNullException(nameof(limiter));
        }

        /// <summary>
        /// Options whose logger (<c>DatoCmsRetryOptions.Logger</c>, where Microsoft.Extensions.Logging
        /// is referenced) gets a line (event 1403, Debug) for each wait for the limiter; nothing else of
        /// them is read. <c>UseRedisRateLimit</c> sets it to the container's logger. Null: the waits
        /// are only measured (<c>datocms.client.wait.duration</c>).
        /// </summary>
        public DatoCmsRetryOptions? TelemetryOptions { get; set; }

        /// <inheritdoc />
        protected override async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(
            global::System.Net.Http.HttpRequestMessage request,
            global::System.Threading.CancellationToken cancellationToken)
        {
            if (ReferenceEquals(DatoCmsRetryOptions.PermitLimiterOf(request), _limiter))
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            var started = global::System.Diagnostics.Stopwatch.GetTimestamp();
            using (await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
            {
                // The lease only records that a slot was taken; the slot is spent once the request leaves.
            }

            // The same wait the retry handler's own throttle reports (datocms.client.wait.duration, reason "throttle").
            var waited = global::System.TimeSpan.FromSeconds((global::System.Diagnostics.Stopwatch.GetTimestamp() - started) / (double)global::System.Diagnostics.Stopwatch.Frequency);
            DatoCmsTelemetry.Waited(TelemetryOptions, "throttle", waited, request.Method.Method, DatoCmsTelemetry.PathOf(request));

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _limiter.Observe((int)response.StatusCode, response.Headers);
            return response;
        }
    }
}
