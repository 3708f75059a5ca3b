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
        /// Adds the DatoCMS retry (attempts, backoff and X-RateLimit-Reset from <paramref name="options"/>)
        /// and, when <see cref="DatoCmsRetryOptions.EnableThrottling"/> is on, the adaptive client-side
        /// throttle, which waits (never rejects) before each attempt. Add timeouts around it as you need.
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
            if (settings.MaxAttempts > 1)
            {
                global::Polly.RetryResiliencePipelineBuilderExtensions.AddRetry(builder, HttpRetryOptions(settings));
            }

            return settings.EnableThrottling ? builder.AddDatoCmsThrottle(token => settings.AcquireAsync(isRetry: false, token), settings) : builder;
        }

        /// <summary>
        /// Adds the DatoCMS retry for SDK calls and delegates that throw <see cref="DatoCmsApiException"/>:
        /// transient errors are retried after X-RateLimit-Reset or a backoff, everything else surfaces at
        /// once. Pacing is left to the HTTP handler or pipeline, which sees each request.
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
            if (settings.MaxAttempts <= 1)
            {
                return builder;
            }

            var maxRetries = settings.MaxAttempts - 1;
            return global::Polly.RetryResiliencePipelineBuilderExtensions.AddRetry(builder, new global::Polly.Retry.RetryStrategyOptions
            {
                Name = "DatoCmsRetry",
                MaxRetryAttempts = maxRetries,
                ShouldHandle = args =>
                {
                    var retry = args.Outcome.Exception is DatoCmsApiException error
                        && DatoCmsRetryPolicy.GetDelay(error, 1, true, settings) != null;
                    if (retry && args.AttemptNumber >= maxRetries)
                    {
                        DatoCmsTelemetry.Exhausted(settings, (DatoCmsApiException)args.Outcome.Exception!, null, null, args.AttemptNumber + 1, null);
                    }

                    return new global::System.Threading.Tasks.ValueTask<bool>(retry);
                },
                DelayGenerator = ExceptionDelayGenerator(settings),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is DatoCmsApiException error)
                    {
                        var reason = DatoCmsTelemetry.ReasonOf(error);
                        DatoCmsTelemetry.Retrying(settings, reason, error, null, null, args.AttemptNumber + 1, args.RetryDelay, DatoCmsTelemetry.RequestIdOf(null, error));
                        DatoCmsTelemetry.Waited(settings, DatoCmsTelemetry.WaitKindOf(reason), args.RetryDelay, null, null);
                        settings.OnRetry?.Invoke(new DatoCmsRetryAttempt(args.AttemptNumber + 1, args.RetryDelay, error, null));
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

            return builder.AddDatoCmsThrottle(token => options.AcquireAsync(isRetry: false, token), options);
        }

        /// <summary>The retry strategy options the HTTP pipeline uses; the resilience handler builds on them too.</summary>
        internal static global::Polly.Retry.RetryStrategyOptions<global::System.Net.Http.HttpResponseMessage> HttpRetryOptions(DatoCmsRetryOptions settings)
        {
            var maxRetries = settings.MaxAttempts - 1;
            return new global::Polly.Retry.RetryStrategyOptions<global::System.Net.Http.HttpResponseMessage>
            {
                Name = "DatoCmsRetry",
                MaxRetryAttempts = global::System.Math.Max(1, maxRetries),
                ShouldHandle = async args =>
                {
                    var decision = await DecideAsync(args.Outcome, args.Context).ConfigureAwait(false);
                    var retry = decision != null && decision.ShouldRetry;
                    if (retry && args.AttemptNumber >= maxRetries)
                    {
                        DatoCmsTelemetry.Exhausted(settings, decision!.Error, decision.Method, decision.Path, args.AttemptNumber + 1, decision.RequestId);
                    }

                    return retry;
                },
                DelayGenerator = DelayGenerator(settings),
                OnRetry = async args =>
                {
                    var decision = await DecideAsync(args.Outcome, args.Context).ConfigureAwait(false);
                    if (decision == null)
                    {
                        return;
                    }

                    DatoCmsTelemetry.Retrying(settings, decision.Reason, decision.Error, decision.Method, decision.Path, args.AttemptNumber + 1, args.RetryDelay, decision.RequestId);
                    DatoCmsTelemetry.Waited(settings, DatoCmsTelemetry.WaitKindOf(decision.Reason), args.RetryDelay, decision.Method, decision.Path);
                    if (decision.Error != null)
                    {
                        settings.OnRetry?.Invoke(new DatoCmsRetryAttempt(args.AttemptNumber + 1, args.RetryDelay, decision.Error, decision.Request));
                    }
                },
            };
        }

        internal static global::Polly.ResiliencePipelineBuilder<global::System.Net.Http.HttpResponseMessage> AddDatoCmsThrottle(
            this global::Polly.ResiliencePipelineBuilder<global::System.Net.Http.HttpResponseMessage> builder,
            global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>> acquire,
            DatoCmsRetryOptions? telemetryOptions)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            return global::Polly.ResiliencePipelineBuilderExtensions.AddStrategy(builder, _ => new DatoCmsThrottleStrategy(acquire, telemetryOptions), new DatoCmsThrottleStrategyOptions());
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
                decision = new DatoCmsRetryDecision(subject, retry, null, "network", request, isIdempotent, null);
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
