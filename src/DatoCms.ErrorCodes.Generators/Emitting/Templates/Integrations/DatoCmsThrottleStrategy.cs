namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The adaptive client-side throttle as a Polly strategy: before each attempt it waits (never
    /// rejects) for a slot of the rate limit, and hands the slot's ticket the answer (or abandons it
    /// when there is none), so the throttle learns from each response's X-RateLimit headers and a 429
    /// gives its slot back and pauses every request that shares the throttle.
    /// </summary>
    internal sealed class DatoCmsThrottleStrategy : global::Polly.ResilienceStrategy<global::System.Net.Http.HttpResponseMessage> // always internal
    {
        private readonly global::System.Func<bool, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>> _acquire;
        private readonly DatoCmsRetryOptions? _telemetryOptions;

        public DatoCmsThrottleStrategy(global::System.Func<bool, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket>> acquire, DatoCmsRetryOptions? telemetryOptions)
        {
            _acquire = acquire;
            _telemetryOptions = telemetryOptions;
        }

        protected override async global::System.Threading.Tasks.ValueTask<global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage>> ExecuteCore<TState>(
            global::System.Func<global::Polly.ResilienceContext, TState, global::System.Threading.Tasks.ValueTask<global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage>>> callback,
            global::Polly.ResilienceContext context,
            TState state)
        {
            // A retry after a 429 waited for its slot already (DatoCmsRetryBudget), first in line.
            var ticket = DatoCmsRetryBudget.TakeReserved(context);
            if (ticket is null)
            {
                context.Properties.TryGetValue(DatoCmsResilience.RequestMessageKey, out var request);
                var started = global::System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    ticket = await _acquire(false, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
                }
                catch (global::System.OperationCanceledException canceled)
                {
                    return global::Polly.Outcome.FromException<global::System.Net.Http.HttpResponseMessage>(canceled);
                }

                var waited = global::System.TimeSpan.FromSeconds((global::System.Diagnostics.Stopwatch.GetTimestamp() - started) / (double)global::System.Diagnostics.Stopwatch.Frequency);
                DatoCmsTelemetry.Waited(_telemetryOptions, "throttle", waited, request?.Method.Method, DatoCmsTelemetry.PathOf(request));
            }

            global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome;
            try
            {
                outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch
            {
                ticket.Abandon();
                throw;
            }

            // Any answer, a 429 included, completes the ticket (a 429 gives its slot back); no answer abandons it.
            if (outcome.Result is global::System.Net.Http.HttpResponseMessage response)
            {
                ticket.Complete((int)response.StatusCode, response.Headers);
            }
            else
            {
                ticket.Abandon();
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
