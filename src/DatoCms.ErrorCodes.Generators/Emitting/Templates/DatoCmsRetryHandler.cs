namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// An <see cref="global::System.Net.Http.DelegatingHandler"/> that retries what may pass on a
    /// later attempt and nothing else: a 429 after the X-RateLimit-Reset wait, transient codes and
    /// 502/503/504 after a capped, jittered backoff. Permanent errors and stale versions come back
    /// at once. With throttling on (the default), requests are also paced to the rate limit so a
    /// burst rarely meets a 429. When no retry is left the last response is returned as received;
    /// <see cref="DatoCmsHttpResponseExtensions.EnsureDatoCmsSuccessAsync"/> turns it into the typed exception.
    /// </summary>
    internal sealed class DatoCmsRetryHandler : global::System.Net.Http.DelegatingHandler
    {
        // Handlers made without options share one throttle, as they share the process's API token.
        private static readonly DatoCmsRetryOptions SharedDefaults = new DatoCmsRetryOptions();

        private readonly DatoCmsRetryOptions _options;

        /// <summary>Creates the handler with the default options (5 attempts, 500 ms to 30 s backoff with jitter, throttling on).</summary>
        public DatoCmsRetryHandler()
            : this(SharedDefaults)
        {
        }

        /// <summary>Creates the handler with the given options; for use in an <c>IHttpClientFactory</c> pipeline.</summary>
        /// <param name="options">How to retry and pace; share one instance per API token.</param>
        public DatoCmsRetryHandler(DatoCmsRetryOptions options)
        {
            _options = options ?? throw new global::System.ArgumentNullException(nameof(options));
        }

        /// <summary>Creates the handler in front of <paramref name="innerHandler"/>, for use without a factory.</summary>
        /// <param name="options">How to retry and pace; share one instance per API token.</param>
        /// <param name="innerHandler">The handler that sends the requests.</param>
        public DatoCmsRetryHandler(DatoCmsRetryOptions options, global::System.Net.Http.HttpMessageHandler innerHandler)
            : base(innerHandler)
        {
            _options = options ?? throw new global::System.ArgumentNullException(nameof(options));
        }

        /// <inheritdoc />
        protected override async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(
            global::System.Net.Http.HttpRequestMessage request,
            global::System.Threading.CancellationToken cancellationToken)
        {
            if (request.Content != null)
            {
                // A stream body can be read once; buffered, it is sent intact on every attempt.
#if NET9_0_OR_GREATER
                await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
                cancellationToken.ThrowIfCancellationRequested();
                await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
            }

            var isIdempotent = DatoCmsRetryPolicy.IsIdempotent(request.Method);
            var path = DatoCmsTelemetry.PathOf(request);
            for (var attempt = 1; ; attempt++)
            {
                if (_options.EnableThrottling)
                {
                    var started = global::System.Diagnostics.Stopwatch.GetTimestamp();
                    await _options.RateLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
                    DatoCmsTelemetry.Waited(_options, "throttle", global::System.TimeSpan.FromSeconds((global::System.Diagnostics.Stopwatch.GetTimestamp() - started) / (double)global::System.Diagnostics.Stopwatch.Frequency), request.Method.Method, path);
                }

                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (_options.EnableThrottling)
                {
                    _options.RateLimiter.Observe((int)response.StatusCode, response.Headers);
                }

                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                var error = await DatoCmsHttpResponseExtensions.ReadDatoCmsErrorAsync(response, cancellationToken).ConfigureAwait(false);
                var delay = error is null ? null : DatoCmsRetryPolicy.GetDelay(error, attempt, isIdempotent, _options);
                if (error is null || delay is null)
                {
                    return response;
                }

                if (attempt >= _options.MaxAttempts)
                {
                    DatoCmsTelemetry.Exhausted(_options, error, request.Method.Method, path, attempt, DatoCmsTelemetry.RequestIdOf(response, error));
                    return response;
                }

                var reason = DatoCmsTelemetry.ReasonOf(error);
                DatoCmsTelemetry.Retrying(_options, reason, error, request.Method.Method, path, attempt, delay.Value, DatoCmsTelemetry.RequestIdOf(response, error));
                _options.OnRetry?.Invoke(new DatoCmsRetryAttempt(attempt, delay.Value, error, request));
                response.Dispose();
                await global::System.Threading.Tasks.Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
                DatoCmsTelemetry.Waited(_options, DatoCmsTelemetry.WaitKindOf(reason), delay.Value, request.Method.Method, path);
            }
        }
    }
}
