namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The retry rules of <see cref="DatoCmsRetryHandler"/> as Polly v8 building blocks: predicates
    /// for <c>ShouldHandle</c>, delay generators that honour X-RateLimit-Reset, and
    /// <c>AddDatoCmsRetry</c> for pipelines around HTTP calls or SDK delegates. A pipeline built from
    /// them retries exactly what the handler retries, and reports through Polly's telemetry as well as
    /// <see cref="DatoCmsTelemetry"/>.
    /// </summary>
    internal static class DatoCmsResilience
    {
        /// <summary>
        /// Where Microsoft.Extensions.Http.Resilience keeps the request of an execution (the same
        /// name, so the key is shared): without it, a network fault cannot tell whether the request
        /// is safe to repeat, and is not retried. Set it yourself in a pipeline of your own.
        /// </summary>
        public static readonly global::Polly.ResiliencePropertyKey<global::System.Net.Http.HttpRequestMessage> RequestMessageKey =
            new global::Polly.ResiliencePropertyKey<global::System.Net.Http.HttpRequestMessage>("Resilience.Http.RequestMessage");

        // Only read for the retry decision, which does not depend on the backoff settings.
        private static readonly DatoCmsRetryOptions Defaults = new DatoCmsRetryOptions { EnableThrottling = false };

        private static readonly global::Polly.ResiliencePropertyKey<DatoCmsRetryDecision> DecisionKey =
            new global::Polly.ResiliencePropertyKey<DatoCmsRetryDecision>("DatoCms.ErrorCodes.RetryDecision");

        /// <summary>
        /// Whether an HTTP outcome may pass on a later attempt: a transient code or a body flagged
        /// transient, a 429, a 502/503/504 without an error body for a method safe to repeat, or a
        /// network fault or attempt timeout for such a method. The same rules as the retry handler.
        /// </summary>
        /// <param name="args">Polly's arguments.</param>
        /// <returns>True to retry.</returns>
        public static async global::System.Threading.Tasks.ValueTask<bool> ShouldHandle(global::Polly.Retry.RetryPredicateArguments<global::System.Net.Http.HttpResponseMessage> args)
        {
            var decision = await DecideAsync(args.Outcome, args.Context).ConfigureAwait(false);
            return decision != null && decision.ShouldRetry;
        }

        /// <summary>
        /// Whether an exception thrown by an SDK call or a delegate may pass on a later attempt: a
        /// transient <see cref="DatoCmsApiException"/>. The operation is taken as safe to repeat, as by
        /// <see cref="DatoCmsRetry"/>.
        /// </summary>
        /// <param name="args">Polly's arguments.</param>
        /// <returns>True to retry.</returns>
        public static global::System.Threading.Tasks.ValueTask<bool> ShouldHandleException(global::Polly.Retry.RetryPredicateArguments<object> args) =>
            new global::System.Threading.Tasks.ValueTask<bool>(
                args.Outcome.Exception is DatoCmsApiException error
                && DatoCmsRetryPolicy.GetDelay(error, 1, true, Defaults) != null);

        /// <summary>The wait before retrying an HTTP outcome: X-RateLimit-Reset after a 429, else the options' backoff.</summary>
        /// <param name="options">Backoff settings; null for the defaults.</param>
        /// <returns>A delay generator for <c>RetryStrategyOptions.DelayGenerator</c>.</returns>
        public static global::System.Func<global::Polly.Retry.RetryDelayGeneratorArguments<global::System.Net.Http.HttpResponseMessage>, global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?>> DelayGenerator(DatoCmsRetryOptions? options = null)
        {
            var settings = options ?? Defaults;
            return async args =>
            {
                var decision = await DecideAsync(args.Outcome, args.Context).ConfigureAwait(false);
                return decision == null ? (global::System.TimeSpan?)null : DelayOf(decision, args.AttemptNumber + 1, settings);
            };
        }

        /// <summary>The wait before retrying a <see cref="DatoCmsApiException"/>: X-RateLimit-Reset after a 429, else the options' backoff.</summary>
        /// <param name="options">Backoff settings; null for the defaults.</param>
        /// <returns>A delay generator for <c>RetryStrategyOptions.DelayGenerator</c>.</returns>
        public static global::System.Func<global::Polly.Retry.RetryDelayGeneratorArguments<object>, global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?>> ExceptionDelayGenerator(DatoCmsRetryOptions? options = null)
        {
            var settings = options ?? Defaults;
            return args => new global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?>(
                args.Outcome.Exception is DatoCmsApiException error
                    ? DatoCmsRetryPolicy.GetDelay(error, args.AttemptNumber + 1, true, settings)
                    : null);
        }

        /// <summary>
        /// Adds the DatoCMS retry and, when <see cref="DatoCmsRetryOptions.EnableThrottling"/> is on,
        /// the adaptive client-side throttle, which waits (never rejects) before each attempt. It
        /// stops where <see cref="DatoCmsRetryHandler"/> stops: ordinary failures spend
        /// <see cref="DatoCmsRetryOptions.MaxAttempts"/>, 429s spend <see cref="DatoCmsRetryOptions.MaxRateLimitWait"/>
        /// and a scheduled maintenance <see cref="DatoCmsRetryOptions.MaintenanceWait"/>, each counted per
        /// execution. Add timeouts around it as you need.
        /// </summary>
        /// <param name="builder">The pipeline builder.</param>
        /// <param name="options">How to retry and pace; share one instance per project, as the throttle lives in it.</param>
        /// <returns>The builder, for chaining.</returns>
        public static global::Polly.ResiliencePipelineBuilder<global::System.Net.Http.HttpResponseMessage> AddDatoCmsRetry(
            this global::Polly.ResiliencePipelineBuilder<global::System.Net.Http.HttpResponseMessage> builder,
            DatoCmsRetryOptions? options = null)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            var settings = options ?? new DatoCmsRetryOptions();
            if (!settings.EnableThrottling)
            {
                return global::Polly.RetryResiliencePipelineBuilderExtensions.AddRetry(builder, HttpRetryOptions(settings, null));
            }

            global::System.Func<bool, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>> acquire = settings.AcquireAsync;
            global::Polly.RetryResiliencePipelineBuilderExtensions.AddRetry(builder, HttpRetryOptions(settings, acquire));
            return builder.AddDatoCmsThrottle(acquire, settings);
        }

        /// <summary>
        /// Adds the DatoCMS retry for SDK calls and delegates that throw <see cref="DatoCmsApiException"/>:
        /// transient errors are retried after X-RateLimit-Reset or a backoff, everything else surfaces at
        /// once; 429s spend <see cref="DatoCmsRetryOptions.MaxRateLimitWait"/> and a scheduled maintenance
        /// <see cref="DatoCmsRetryOptions.MaintenanceWait"/> rather than attempts, as in the handler.
        /// Pacing is left to the HTTP handler or pipeline, which sees each request.
        /// </summary>
        /// <param name="builder">The pipeline builder.</param>
        /// <param name="options">How to retry; null for the defaults.</param>
        /// <returns>The builder, for chaining.</returns>
        public static global::Polly.ResiliencePipelineBuilder AddDatoCmsRetry(this global::Polly.ResiliencePipelineBuilder builder, DatoCmsRetryOptions? options = null)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            var settings = options ?? new DatoCmsRetryOptions();
            return global::Polly.RetryResiliencePipelineBuilderExtensions.AddRetry(builder, new global::Polly.Retry.RetryStrategyOptions
            {
                Name = "DatoCmsRetry",

                // The budget decides when to stop (429s and maintenance do not spend attempts), not Polly's count.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args =>
                {
                    if (!(args.Outcome.Exception is DatoCmsApiException error) || DatoCmsRetryPolicy.GetDelay(error, 1, true, settings) is null)
                    {
                        return new global::System.Threading.Tasks.ValueTask<bool>(false);
                    }

                    var budget = DatoCmsRetryBudget.Of(args.Context, DatoCmsRetryBudget.ExceptionKey);
                    if (budget.Begin(error, args.AttemptNumber, error))
                    {
                        budget.Spend(error, true, null, settings, out var exhausted);
                        if (exhausted)
                        {
                            DatoCmsTelemetry.Exhausted(settings, error, error.Request?.Method, DatoCmsTelemetry.PathOf(error.Request), error.RetryKind == DatoCmsRetryKind.RateLimit ? budget.Attempts : budget.Counted, DatoCmsTelemetry.RequestIdOf(error));
                        }
                    }

                    return new global::System.Threading.Tasks.ValueTask<bool>(budget.Delay.HasValue);
                },
                DelayGenerator = args => new global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?>(DatoCmsRetryBudget.Of(args.Context, DatoCmsRetryBudget.ExceptionKey).Delay),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is DatoCmsApiException error)
                    {
                        var attempt = DatoCmsRetryBudget.Of(args.Context, DatoCmsRetryBudget.ExceptionKey).Attempts;
                        var reason = DatoCmsTelemetry.ReasonOf(error);
                        // The exception knows the request it failed on (the pipeline itself sees no request).
                        DatoCmsTelemetry.Retrying(settings, reason, error, error.Request?.Method, DatoCmsTelemetry.PathOf(error.Request), attempt, args.RetryDelay, DatoCmsTelemetry.RequestIdOf(error));
                        DatoCmsTelemetry.Waited(settings, DatoCmsTelemetry.WaitKindOf(reason), args.RetryDelay, error.Request?.Method, DatoCmsTelemetry.PathOf(error.Request));
                        settings.OnRetry?.Invoke(new DatoCmsRetryAttempt(attempt, args.RetryDelay, error, null));
                    }

                    return default;
                },
            });
        }

        /// <summary>
        /// Adds the adaptive client-side throttle on its own: it waits before each attempt until the
        /// rate limit allows it, and learns from each response's X-RateLimit headers.
        /// </summary>
        /// <param name="builder">The pipeline builder.</param>
        /// <param name="options">The options whose throttle is used; share one instance per project.</param>
        /// <returns>The builder, for chaining.</returns>
        public static global::Polly.ResiliencePipelineBuilder<global::System.Net.Http.HttpResponseMessage> AddDatoCmsThrottle(
            this global::Polly.ResiliencePipelineBuilder<global::System.Net.Http.HttpResponseMessage> builder,
            DatoCmsRetryOptions options)
        {
            if (options is null)
            {
                throw new global::System.ArgumentNullException(nameof(options));
            }

            return builder.AddDatoCmsThrottle(options.AcquireAsync, options);
        }

        /// <summary>
        /// The retry strategy options the HTTP pipeline uses; the resilience handler and
        /// ConfigureForDatoCms build on them too. With <paramref name="acquire"/> (the throttle of a
        /// <see cref="DatoCmsThrottleStrategy"/> inside the retry), a 429 waits for the throttle, first
        /// in line, as in the handler, rather than for X-RateLimit-Reset.
        /// </summary>
        internal static global::Polly.Retry.RetryStrategyOptions<global::System.Net.Http.HttpResponseMessage> HttpRetryOptions(
            DatoCmsRetryOptions settings,
            global::System.Func<bool, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>>? acquire)
        {
            return new global::Polly.Retry.RetryStrategyOptions<global::System.Net.Http.HttpResponseMessage>
            {
                Name = "DatoCmsRetry",

                // The budget decides when to stop (429s and maintenance do not spend attempts), not Polly's count.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context, args.AttemptNumber, settings, acquire),
                DelayGenerator = args => new global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?>(DatoCmsRetryBudget.Of(args.Context, DatoCmsRetryBudget.HttpKey).Delay),
                OnRetry = async args =>
                {
                    var decision = await DecideAsync(args.Outcome, args.Context).ConfigureAwait(false);
                    if (decision == null)
                    {
                        return;
                    }

                    var budget = DatoCmsRetryBudget.Of(args.Context, DatoCmsRetryBudget.HttpKey);
                    DatoCmsTelemetry.Retrying(settings, decision.Reason, decision.Error, decision.Method, decision.Path, budget.Attempts, args.RetryDelay, decision.RequestId);
                    if (!budget.WaitedAlready)
                    {
                        DatoCmsTelemetry.Waited(settings, DatoCmsTelemetry.WaitKindOf(decision.Reason), args.RetryDelay, decision.Method, decision.Path);
                    }

                    if (decision.Error != null)
                    {
                        settings.OnRetry?.Invoke(new DatoCmsRetryAttempt(budget.Attempts, args.RetryDelay, decision.Error, decision.Request));
                    }
                },
            };
        }

#if NET5_0_OR_GREATER
        // Polly validates strategy options with data annotations, which trimming may strip; the throttle's
        // options declare none, so there is nothing to lose.
        [global::System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "DatoCmsThrottleStrategyOptions declares no validation attributes.")]
#endif
        internal static global::Polly.ResiliencePipelineBuilder<global::System.Net.Http.HttpResponseMessage> AddDatoCmsThrottle(
            this global::Polly.ResiliencePipelineBuilder<global::System.Net.Http.HttpResponseMessage> builder,
            global::System.Func<bool, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>> acquire,
            DatoCmsRetryOptions? telemetryOptions)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            return global::Polly.ResiliencePipelineBuilderExtensions.AddStrategy(builder, _ => new DatoCmsThrottleStrategy(acquire, telemetryOptions), new DatoCmsThrottleStrategyOptions());
        }

        /// <summary>
        /// Decides about one attempt's outcome and spends the execution's budget for it, the way the
        /// retry handler does (see <see cref="DatoCmsRetryBudget"/>).
        /// </summary>
        private static async global::System.Threading.Tasks.ValueTask<bool> ShouldRetryAsync(
            global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome,
            global::Polly.ResilienceContext context,
            int pollyAttempt,
            DatoCmsRetryOptions settings,
            global::System.Func<bool, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>>? acquire)
        {
            var decision = await DecideAsync(outcome, context).ConfigureAwait(false);
            if (decision == null)
            {
                return false;
            }

            var budget = DatoCmsRetryBudget.Of(context, DatoCmsRetryBudget.HttpKey);
            if (!budget.Begin(decision.Subject, pollyAttempt, decision.Error))
            {
                return budget.Delay.HasValue;
            }

            if (!decision.ShouldRetry)
            {
                return false;
            }

            var error = decision.Error;
            var rateLimited = error != null && error.RetryKind == DatoCmsRetryKind.RateLimit;
            bool exhausted;
            if (rateLimited && acquire != null)
            {
                // The throttle learnt from this 429 when the window has room again: the request waits
                // there, first in line, within what is left of MaxRateLimitWait, and keeps the slot for
                // its next attempt. The 429 is returned when the budget runs out first.
                budget.StartRateLimit();
                var started = global::System.Diagnostics.Stopwatch.GetTimestamp();
                var ticket = await AcquireWithinAsync(acquire, settings.MaxRateLimitWait - budget.RateLimitElapsed, outcome.Result, context.CancellationToken).ConfigureAwait(false);
                var waited = global::System.TimeSpan.FromSeconds((global::System.Diagnostics.Stopwatch.GetTimestamp() - started) / (double)global::System.Diagnostics.Stopwatch.Frequency);
                DatoCmsTelemetry.Waited(settings, "rate_limit_reset", waited, decision.Method, decision.Path);
                exhausted = ticket is null;
                if (ticket != null)
                {
                    budget.Reserve(ticket, context.CancellationToken);
                }
            }
            else
            {
                budget.Spend(error, decision.IsIdempotent, outcome.Result?.Headers.RetryAfter, settings, out exhausted);
            }

            if (exhausted)
            {
                DatoCmsTelemetry.Exhausted(settings, error, decision.Method, decision.Path, rateLimited ? budget.Attempts : budget.Counted, decision.RequestId, error is null ? decision.Reason : null);
            }

            return budget.Delay.HasValue;
        }

        /// <summary>A slot of the throttle, first in line, or null when <paramref name="wait"/> runs out first.</summary>
        private static async global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket?> AcquireWithinAsync(
            global::System.Func<bool, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>> acquire,
            global::System.TimeSpan wait,
            global::System.Net.Http.HttpResponseMessage? rejected,
            global::System.Threading.CancellationToken cancellationToken)
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
                    return await acquire(true, timeout.Token).ConfigureAwait(false);
                }
                catch (global::System.OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
                catch
                {
                    // Cancelled by the caller or a timeout around the retry: the 429 will not be returned.
                    rejected?.Dispose();
                    throw;
                }
            }
        }

        /// <summary>
        /// Reads and classifies an outcome once per attempt (the body is read at most once), keeping
        /// the result in the context for the delay generator and OnRetry.
        /// </summary>
        internal static async global::System.Threading.Tasks.ValueTask<DatoCmsRetryDecision?> DecideAsync(
            global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome,
            global::Polly.ResilienceContext context)
        {
            object? subject = (object?)outcome.Result ?? outcome.Exception;
            if (subject is null)
            {
                return null;
            }

            if (context.Properties.TryGetValue(DecisionKey, out var cached) && ReferenceEquals(cached.Subject, subject))
            {
                return cached;
            }

            var response = outcome.Result;
            context.Properties.TryGetValue(RequestMessageKey, out var contextRequest);
            var request = response?.RequestMessage ?? contextRequest;
            var isIdempotent = request != null && DatoCmsRetryPolicy.IsIdempotent(request.Method);
            DatoCmsRetryDecision decision;
            if (response != null)
            {
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }

                var error = await DatoCmsHttpResponseExtensions.ReadDatoCmsErrorAsync(response, context.CancellationToken).ConfigureAwait(false);
                var retry = error != null && DatoCmsRetryPolicy.GetDelay(error, 1, isIdempotent, Defaults) != null;
                decision = new DatoCmsRetryDecision(
                    subject, retry, error, retry ? DatoCmsTelemetry.ReasonOf(error!) : string.Empty, request, isIdempotent, DatoCmsTelemetry.RequestIdOf(response, error));
            }
            else
            {
                // A network fault or an attempt timeout: the server may have acted, so only a request
                // that is safe to repeat is sent again. The caller's own cancellation is never retried.
                var fault = outcome.Exception;
                var retry = isIdempotent
                    && !context.CancellationToken.IsCancellationRequested
                    && (fault is global::System.Net.Http.HttpRequestException || fault is global::Polly.Timeout.TimeoutRejectedException);
                var reason = fault is global::Polly.Timeout.TimeoutRejectedException ? "timeout" : "network";
                decision = new DatoCmsRetryDecision(subject, retry, null, reason, request, isIdempotent, null);
            }

            context.Properties.Set(DecisionKey, decision);
            return decision;
        }

        private static global::System.TimeSpan DelayOf(DatoCmsRetryDecision decision, int attempt, DatoCmsRetryOptions settings) =>
            decision.Error != null
                ? DatoCmsRetryPolicy.GetDelay(decision.Error, attempt, decision.IsIdempotent, settings) ?? DatoCmsRetryPolicy.Backoff(attempt, settings)
                : DatoCmsRetryPolicy.Backoff(attempt, settings);
    }
}
