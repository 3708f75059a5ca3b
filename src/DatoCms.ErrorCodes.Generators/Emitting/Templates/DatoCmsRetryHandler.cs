namespace DatoCms.ErrorCodes
{
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

            var response = await SendWithRetriesAsync(request, cancellationToken).ConfigureAwait(false);
            if (_options.FollowJobs && (int)response.StatusCode == 202 && !DatoCmsHttpResponseExtensions.IsJobResult(request))
            {
                // Each poll goes through the same retries, timeouts and pacing as any request.
                return await DatoCmsJobFollower.FollowAsync(response, SendWithRetriesAsync, _options.Jobs, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }

        private async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendWithRetriesAsync(
            global::System.Net.Http.HttpRequestMessage request,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var isIdempotent = DatoCmsRetryPolicy.IsIdempotent(request.Method);
            var path = DatoCmsTelemetry.PathOf(request);
            var maintenanceWaited = global::System.TimeSpan.Zero;
            var maintenanceRetries = 0;
            var rateLimitRetries = 0;
            var attempt = 0;
            global::System.Net.Http.HttpResponseMessage? rejected = null;
            DatoCmsApiException? rejectedError = null;
            global::System.Diagnostics.Stopwatch? rateLimited = null;
            using (var budget = new DatoCmsTimeBudget(_options.TotalTimeout, cancellationToken))
            {
                try
                {
                    while (true)
                    {
                        attempt++;
                        DatoCmsRateLimitTicket? ticket = null;
                        if (_options.EnableThrottling)
                        {
                            // A request the server rejected for the rate limit goes first in line, within what is left of MaxRateLimitWait.
                            var started = global::System.Diagnostics.Stopwatch.GetTimestamp();
                            ticket = rejected is null
                                ? await _options.AcquireAsync(isRetry: false, budget.Token).ConfigureAwait(false)
                                : await AcquireWithinAsync(_options.MaxRateLimitWait - rateLimited!.Elapsed, budget.Token).ConfigureAwait(false);
                            var throttled = global::System.TimeSpan.FromSeconds((global::System.Diagnostics.Stopwatch.GetTimestamp() - started) / (double)global::System.Diagnostics.Stopwatch.Frequency);
                            DatoCmsTelemetry.Waited(_options, rejected is null ? "throttle" : "rate_limit_reset", throttled, request.Method.Method, path);
                            if (ticket is null)
                            {
                                // The rate-limit budget ran out while waiting for room: the caller gets the 429.
                                DatoCmsTelemetry.Exhausted(_options, rejectedError, request.Method.Method, path, attempt - 1, DatoCmsTelemetry.RequestIdOf(rejected, rejectedError));
                                return rejected!;
                            }

                            if (rejected != null)
                            {
                                // Only now is the wait of a throttled 429 known: the retry is reported with it, not as zero.
                                DatoCmsTelemetry.Retrying(_options, DatoCmsTelemetry.ReasonOf(rejectedError!), rejectedError, request.Method.Method, path, attempt - 1, throttled, DatoCmsTelemetry.RequestIdOf(rejected, rejectedError));
                            }

                            rejected?.Dispose();
                            rejected = null;
                            rejectedError = null;
                        }

                        // Attempts spent waiting out a maintenance window or the rate limit do not count against MaxAttempts.
                        var counted = attempt - maintenanceRetries - rateLimitRetries;
                        var outcome = await SendOnceAsync(request, counted, isIdempotent, budget, ticket).ConfigureAwait(false);
                        global::System.TimeSpan? delay = outcome.FaultDelay;
                        var waitKind = "backoff";
                        var response = outcome.Response;
                        if (response != null)
                        {
                            var error = outcome.Error;
                            if (error is null)
                            {
                                return response;
                            }

                            if (error.RetryKind == DatoCmsRetryKind.RateLimit)
                            {
                                // The rate limit delays a request, it does not fail it: 429s spend MaxRateLimitWait, not attempts.
                                rateLimited ??= global::System.Diagnostics.Stopwatch.StartNew();
                                var wait = _options.EnableThrottling ? global::System.TimeSpan.Zero : DatoCmsRetryPolicy.RateLimitDelay(error, counted, _options);
                                if (rateLimited.Elapsed + wait >= _options.MaxRateLimitWait)
                                {
                                    DatoCmsTelemetry.Exhausted(_options, error, request.Method.Method, path, attempt, DatoCmsTelemetry.RequestIdOf(response, error));
                                    return response;
                                }

                                rateLimitRetries++;
                                _options.OnRetry?.Invoke(new DatoCmsRetryAttempt(attempt, wait, error, request));
                                if (_options.EnableThrottling)
                                {
                                    // The throttle knows when the window has room again (it learnt from this 429);
                                    // the retry is reported once that wait is over and known.
                                    rejected = response;
                                    rejectedError = error;
                                    continue;
                                }

                                DatoCmsTelemetry.Retrying(_options, DatoCmsTelemetry.ReasonOf(error), error, request.Method.Method, path, attempt, wait, DatoCmsTelemetry.RequestIdOf(response, error));
                                response.Dispose();
                                await DatoCmsTimeBudget.Delay(wait, budget.Token).ConfigureAwait(false);
                                DatoCmsTelemetry.Waited(_options, "rate_limit_reset", wait, request.Method.Method, path);
                                continue;
                            }

                            if (DatoCmsRetryPolicy.IsScheduledMaintenance(error))
                            {
                                delay = DatoCmsRetryPolicy.MaintenanceDelay(response.Headers.RetryAfter, ++maintenanceRetries, _options.MaintenanceWait - maintenanceWaited, _options);
                                maintenanceWaited += delay ?? global::System.TimeSpan.Zero;
                            }
                            else
                            {
                                var next = DatoCmsRetryPolicy.GetDelay(error, counted, isIdempotent, _options);
                                delay = counted >= _options.MaxAttempts ? null : next;
                                if (next != null && delay is null)
                                {
                                    DatoCmsTelemetry.Exhausted(_options, error, request.Method.Method, path, counted, DatoCmsTelemetry.RequestIdOf(response, error));
                                }
                            }

                            if (delay is null)
                            {
                                return response;
                            }

                            var reason = DatoCmsTelemetry.ReasonOf(error);
                            waitKind = DatoCmsTelemetry.WaitKindOf(reason);
                            DatoCmsTelemetry.Retrying(_options, reason, error, request.Method.Method, path, attempt, delay.Value, DatoCmsTelemetry.RequestIdOf(response, error));
                            _options.OnRetry?.Invoke(new DatoCmsRetryAttempt(attempt, delay.Value, error, request));
                            response.Dispose();
                        }

                        await DatoCmsTimeBudget.Delay(delay ?? global::System.TimeSpan.Zero, budget.Token).ConfigureAwait(false);
                        DatoCmsTelemetry.Waited(_options, waitKind, delay ?? global::System.TimeSpan.Zero, request.Method.Method, path);
                    }
                }
                catch (global::System.OperationCanceledException cancelled) when (budget.IsExhausted)
                {
                    rejected?.Dispose();
                    throw DatoCmsRetryFaults.TotalTimedOut(request, _options.TotalTimeout, attempt, cancelled);
                }
                catch
                {
                    rejected?.Dispose();
                    throw;
                }
            }
        }

        /// <summary>A slot for the retry of a rejected request, first in line, or null when <paramref name="wait"/> runs out first.</summary>
        private async global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket?> AcquireWithinAsync(global::System.TimeSpan wait, global::System.Threading.CancellationToken cancellationToken)
        {
            if (wait <= global::System.TimeSpan.Zero)
            {
                return null;
            }

            using (var timeout = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                DatoCmsTimeBudget.CancelAfter(timeout, wait);
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

        // One attempt under its own timeout: the response and its typed error (null for a success),
        // or, after a network fault or timeout that may be retried, no response and the wait. The
        // pacer's ticket learns how the attempt went: the answer, or none (abandoned).
        private async global::System.Threading.Tasks.Task<AttemptOutcome> SendOnceAsync(
            global::System.Net.Http.HttpRequestMessage request,
            int attempt,
            bool isIdempotent,
            DatoCmsTimeBudget budget,
            DatoCmsRateLimitTicket? ticket)
        {
            using (var attemptTimeout = budget.StartAttempt(_options.AttemptTimeout))
            {
                global::System.Net.Http.HttpResponseMessage response;
                try
                {
                    try
                    {
                        if (ticket != null)
                        {
                            DatoCmsRetryOptions.NotePermit(request, ticket);
                        }

                        response = await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        ticket?.Abandon();
                        throw;
                    }
                }
                catch (global::System.Exception fault) when (fault is global::System.OperationCanceledException || fault is global::System.Net.Http.HttpRequestException)
                {
                    return new AttemptOutcome(null, null, NextDelayAfterFault(fault, request, attempt, isIdempotent, budget, attemptTimeout.Token));
                }

                ticket?.Complete((int)response.StatusCode, response.Headers);

                if (response.IsSuccessStatusCode)
                {
                    return new AttemptOutcome(response, null, null);
                }

                try
                {
                    // The error body is part of the answer, so the attempt's timeout covers it too.
                    var error = await DatoCmsHttpResponseExtensions.ReadDatoCmsErrorAsync(response, attemptTimeout.Token).ConfigureAwait(false);
                    return new AttemptOutcome(response, error, null);
                }
                catch (global::System.Exception fault) when (fault is global::System.OperationCanceledException || fault is global::System.Net.Http.HttpRequestException || fault is global::System.IO.IOException)
                {
                    response.Dispose();
                    return new AttemptOutcome(null, null, NextDelayAfterFault(fault, request, attempt, isIdempotent, budget, attemptTimeout.Token));
                }
            }
        }

        // Decides after a network fault or a timeout: returns the wait before the next attempt, or
        // throws what the caller must see (the caller's cancellation as it is, a timeout as a
        // TimeoutException that names the budget, a fault that cannot be retried as it is).
        private global::System.TimeSpan NextDelayAfterFault(
            global::System.Exception fault,
            global::System.Net.Http.HttpRequestMessage request,
            int attempt,
            bool isIdempotent,
            DatoCmsTimeBudget budget,
            global::System.Threading.CancellationToken attemptToken)
        {
            if (budget.Caller.IsCancellationRequested || budget.IsExhausted)
            {
                // The caller's cancellation surfaces as it is; an exhausted budget is reported by the loop.
                global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fault).Throw();
            }

            var timedOut = fault is global::System.OperationCanceledException && attemptToken.IsCancellationRequested;
            if (fault is global::System.OperationCanceledException && !timedOut)
            {
                // Cancelled by something that is neither the caller nor one of our budgets: not ours to retry.
                global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fault).Throw();
            }

            var mayRetry = DatoCmsRetryFaults.MayRetry(fault, timedOut, isIdempotent);
            if (!mayRetry || attempt >= _options.MaxAttempts)
            {
                if (mayRetry)
                {
                    // Given up for want of attempts, like a transient answer on the last one: counted
                    // in retries_exhausted and logged (1402), so an outage shows on the dashboards.
                    DatoCmsTelemetry.Exhausted(_options, null, request.Method.Method, DatoCmsTelemetry.PathOf(request), attempt, null, timedOut ? "timeout" : "network");
                }

                if (timedOut)
                {
                    throw DatoCmsRetryFaults.AttemptTimedOut(request, _options.AttemptTimeout, attempt, isIdempotent, fault);
                }

                global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fault).Throw();
            }

            var delay = DatoCmsRetryPolicy.Backoff(attempt, _options);
            DatoCmsTelemetry.Retrying(_options, timedOut ? "timeout" : "network", null, request.Method.Method, DatoCmsTelemetry.PathOf(request), attempt, delay, null);
            _options.OnRetry?.Invoke(new DatoCmsRetryAttempt(attempt, delay, DatoCmsRetryFaults.NoAnswer(request, fault), request));
            return delay;
        }

        private readonly struct AttemptOutcome
        {
            public AttemptOutcome(global::System.Net.Http.HttpResponseMessage? response, DatoCmsApiException? error, global::System.TimeSpan? faultDelay)
            {
                Response = response;
                Error = error;
                FaultDelay = faultDelay;
            }

            public global::System.Net.Http.HttpResponseMessage? Response { get; }

            public DatoCmsApiException? Error { get; }

            public global::System.TimeSpan? FaultDelay { get; }
        }
    }
}
