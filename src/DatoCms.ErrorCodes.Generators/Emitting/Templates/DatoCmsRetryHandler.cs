    /// <summary>
    /// An <see cref="global::System.Net.Http.DelegatingHandler"/> that retries what may pass on a
    /// later attempt and nothing else: a 429 after the X-RateLimit-Reset wait, transient codes and
    /// 502/503/504 after a capped, jittered backoff. Permanent errors and stale versions come back
    /// at once. With throttling on (the default), requests are also paced to the rate limit so a
    /// burst rarely meets a 429, and a 429 waits for the throttle to find room rather than for a
    /// fixed time. 429s spend <see cref="DatoCmsRetryOptions.MaxRateLimitWait"/>, other failures
    /// <see cref="DatoCmsRetryOptions.MaxAttempts"/>. When no retry is left the last response is returned as received;
    /// <see cref="DatoCmsHttpResponseExtensions.EnsureDatoCmsSuccessAsync"/> turns it into the typed exception.
    /// </summary>
    $generated$
    $access$ sealed class DatoCmsRetryHandler : global::System.Net.Http.DelegatingHandler
    {
        // Handlers made without options share one throttle, as they share the process's API token.
        private static readonly global::DatoCms.ErrorCodes.DatoCmsRetryOptions SharedDefaults = new global::DatoCms.ErrorCodes.DatoCmsRetryOptions();

        private readonly global::DatoCms.ErrorCodes.DatoCmsRetryOptions _options;

        /// <summary>Creates the handler with the default options (5 attempts, 500 ms to 30 s backoff with jitter, throttling on).</summary>
        public DatoCmsRetryHandler()
            : this(SharedDefaults)
        {
        }

        /// <summary>Creates the handler with the given options; for use in an <c>IHttpClientFactory</c> pipeline.</summary>
        /// <param name="options">How to retry and pace; share one instance per API token.</param>
        public DatoCmsRetryHandler(global::DatoCms.ErrorCodes.DatoCmsRetryOptions options)
        {
            _options = options ?? throw new global::System.ArgumentNullException(nameof(options));
        }

        /// <summary>Creates the handler in front of <paramref name="innerHandler"/>, for use without a factory.</summary>
        /// <param name="options">How to retry and pace; share one instance per API token.</param>
        /// <param name="innerHandler">The handler that sends the requests.</param>
        public DatoCmsRetryHandler(global::DatoCms.ErrorCodes.DatoCmsRetryOptions options, global::System.Net.Http.HttpMessageHandler innerHandler)
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

            var isIdempotent = global::DatoCms.ErrorCodes.DatoCmsRetryPolicy.IsIdempotent(request.Method);
            global::System.Net.Http.HttpResponseMessage? rejected = null;
            global::System.Diagnostics.Stopwatch? rateLimited = null;
            for (var attempt = 1; ; )
            {
                global::DatoCms.ErrorCodes.DatoCmsRateLimitTicket? ticket = null;
                if (_options.EnableThrottling)
                {
                    ticket = rejected is null
                        ? await _options.AcquireAsync(isRetry: false, cancellationToken).ConfigureAwait(false)
                        : await AcquireWithinAsync(_options.MaxRateLimitWait - rateLimited!.Elapsed, cancellationToken).ConfigureAwait(false);
                    if (ticket is null)
                    {
                        // The rate-limit budget ran out while waiting for room: the caller gets the 429.
                        return rejected!;
                    }

                    rejected?.Dispose();
                    rejected = null;
                }

                global::System.Net.Http.HttpResponseMessage response;
                try
                {
                    response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    ticket?.Abandon();
                    throw;
                }

                ticket?.Complete((int)response.StatusCode, response.Headers);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                var error = await global::DatoCms.ErrorCodes.DatoCmsHttpResponseExtensions.ReadDatoCmsErrorAsync(response, cancellationToken).ConfigureAwait(false);
                if (error != null && error.RetryKind == global::DatoCms.ErrorCodes.DatoCmsRetryKind.RateLimit)
                {
                    // The rate limit delays a request, it does not fail it: 429s spend MaxRateLimitWait, not attempts.
                    rateLimited ??= global::System.Diagnostics.Stopwatch.StartNew();
                    var wait = _options.EnableThrottling ? global::System.TimeSpan.Zero : global::DatoCms.ErrorCodes.DatoCmsRetryPolicy.RateLimitDelay(error, attempt, _options);
                    if (rateLimited.Elapsed + wait >= _options.MaxRateLimitWait)
                    {
                        return response;
                    }

                    _options.OnRetry?.Invoke(new global::DatoCms.ErrorCodes.DatoCmsRetryAttempt(attempt, wait, error, request));
                    if (_options.EnableThrottling)
                    {
                        // The throttle knows when the window has room again (it learnt from this 429).
                        rejected = response;
                        continue;
                    }

                    response.Dispose();
                    await global::System.Threading.Tasks.Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var delay = error is null || attempt >= _options.MaxAttempts ? null : global::DatoCms.ErrorCodes.DatoCmsRetryPolicy.GetDelay(error, attempt, isIdempotent, _options);
                if (delay is null)
                {
                    return response;
                }

                _options.OnRetry?.Invoke(new global::DatoCms.ErrorCodes.DatoCmsRetryAttempt(attempt, delay.Value, error!, request));
                response.Dispose();
                await global::System.Threading.Tasks.Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
                attempt++;
            }
        }

        /// <summary>A slot for the retry of a rejected request, first in line, or null when <paramref name="budget"/> runs out first.</summary>
        private async global::System.Threading.Tasks.Task<global::DatoCms.ErrorCodes.DatoCmsRateLimitTicket?> AcquireWithinAsync(global::System.TimeSpan budget, global::System.Threading.CancellationToken cancellationToken)
        {
            if (budget <= global::System.TimeSpan.Zero)
            {
                return null;
            }

            using (var timeout = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(budget);
                try
                {
                    return await _options.AcquireAsync(isRetry: true, timeout.Token).ConfigureAwait(false);
                }
                catch (global::System.OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
            }
        }
    }
