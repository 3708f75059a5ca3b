namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The adaptive client-side throttle as a Polly strategy: before each attempt it waits (never
    /// rejects) until the rate limit allows a request, and it learns from each response's
    /// X-RateLimit headers, so a 429 pauses every request that shares the throttle.
    /// </summary>
    internal sealed class DatoCmsThrottleStrategy : global::Polly.ResilienceStrategy<global::System.Net.Http.HttpResponseMessage> // always internal
    {
        private readonly DatoCmsRateLimiter _throttle;
        private readonly DatoCmsRetryOptions? _telemetryOptions;

        public DatoCmsThrottleStrategy(DatoCmsRateLimiter throttle, DatoCmsRetryOptions? telemetryOptions)
        {
            _throttle = throttle;
            _telemetryOptions = telemetryOptions;
        }

        protected override async global::System.Threading.Tasks.ValueTask<global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage>> ExecuteCore<TState>(
            global::System.Func<global::Polly.ResilienceContext, TState, global::System.Threading.Tasks.ValueTask<global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage>>> callback,
            global::Polly.ResilienceContext context,
            TState state)
        {
            context.Properties.TryGetValue(DatoCmsResilience.RequestMessageKey, out var request);
            var started = global::System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await _throttle.WaitAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (global::System.OperationCanceledException canceled)
            {
                return global::Polly.Outcome.FromException<global::System.Net.Http.HttpResponseMessage>(canceled);
            }

            var waited = global::System.TimeSpan.FromSeconds((global::System.Diagnostics.Stopwatch.GetTimestamp() - started) / (double)global::System.Diagnostics.Stopwatch.Frequency);
            DatoCmsTelemetry.Waited(_telemetryOptions, "throttle", waited, request?.Method.Method, DatoCmsTelemetry.PathOf(request));

            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Result is global::System.Net.Http.HttpResponseMessage response)
            {
                _throttle.Observe((int)response.StatusCode, response.Headers);
            }

            return outcome;
        }
    }

    /// <summary>Options of <see cref="DatoCmsThrottleStrategy"/>: only its name in Polly's telemetry.</summary>
    internal sealed class DatoCmsThrottleStrategyOptions : global::Polly.ResilienceStrategyOptions // always internal
    {
        public DatoCmsThrottleStrategyOptions()
        {
            Name = "DatoCmsThrottle";
        }
    }
}
