namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The metrics and trace events of <see cref="DatoCmsTelemetry"/>, on the meter and activity
    /// source named <see cref="DatoCmsTelemetry.MeterName"/>. Tag names follow the OpenTelemetry
    /// HTTP conventions (<c>http.request.method</c>, <c>http.response.status_code</c>, <c>error.type</c>).
    /// </summary>
    static partial class DatoCmsTelemetry
    {
        private static readonly global::System.Diagnostics.Metrics.Meter Meter = new global::System.Diagnostics.Metrics.Meter(MeterName);

        private static readonly global::System.Diagnostics.Metrics.Counter<long> Retries = Meter.CreateCounter<long>(
            "datocms.client.retries", "{retry}", "Retries scheduled, by error code (error.type) and reason.");

        private static readonly global::System.Diagnostics.Metrics.Counter<long> RateLimitedResponses = Meter.CreateCounter<long>(
            "datocms.client.rate_limited", "{response}", "429 responses received from the API.");

        private static readonly global::System.Diagnostics.Metrics.Counter<long> ExhaustedRequests = Meter.CreateCounter<long>(
            "datocms.client.retries_exhausted", "{request}", "Requests that failed transiently and were given up because no attempt was left.");

        private static readonly global::System.Diagnostics.Metrics.Histogram<double> Waits = Meter.CreateHistogram<double>(
            "datocms.client.wait.duration", "s", "Time a request waited before being sent: client-side throttle, backoff or the server's X-RateLimit-Reset.");

        private static readonly global::System.Diagnostics.Metrics.Counter<long> RedisFallbacks = Meter.CreateCounter<long>(
            "datocms.client.rate_limiter.fallbacks", "{fallback}", "Times a rate limiter shared through Redis found Redis unavailable and went over to pacing locally at its share of the limit.");

        /// <summary>The activity source whose listeners see one "datocms.retry" activity per retry when no activity is current.</summary>
        internal static readonly global::System.Diagnostics.ActivitySource ActivitySource = new global::System.Diagnostics.ActivitySource(ActivitySourceName);

        static partial void RecordRetry(string reason, string code, int status, string? method, int attempt, global::System.TimeSpan delay, string? requestId)
        {
            Retries.Add(
                1,
                new global::System.Collections.Generic.KeyValuePair<string, object?>("error.type", code.Length > 0 ? code : reason),
                new global::System.Collections.Generic.KeyValuePair<string, object?>("datocms.retry.reason", reason),
                new global::System.Collections.Generic.KeyValuePair<string, object?>("http.request.method", method ?? "_OTHER"),
                new global::System.Collections.Generic.KeyValuePair<string, object?>("http.response.status_code", status));

            // The retry belongs to the caller's trace: an event on its activity, or a short one of ours.
            var tags = new global::System.Diagnostics.ActivityTagsCollection
            {
                { "datocms.retry.attempt", attempt },
                { "datocms.retry.reason", reason },
                { "datocms.retry.delay", delay.TotalSeconds },
                { "error.type", code.Length > 0 ? code : reason },
                { "http.response.status_code", status },
            };
            if (requestId != null)
            {
                tags.Add("datocms.request_id", requestId);
            }

            var retryEvent = new global::System.Diagnostics.ActivityEvent("datocms.retry", default, tags);
            var current = global::System.Diagnostics.Activity.Current;
            if (current != null)
            {
                current.AddEvent(retryEvent);
            }
            else if (ActivitySource.HasListeners())
            {
                using (var activity = ActivitySource.StartActivity("datocms.retry", global::System.Diagnostics.ActivityKind.Internal))
                {
                    activity?.AddEvent(retryEvent);
                }
            }
        }

        static partial void RecordRateLimited(string? method) =>
            RateLimitedResponses.Add(1, new global::System.Collections.Generic.KeyValuePair<string, object?>("http.request.method", method ?? "_OTHER"));

        static partial void RecordExhausted(string code, int status, string? method) =>
            ExhaustedRequests.Add(
                1,
                new global::System.Collections.Generic.KeyValuePair<string, object?>("error.type", code.Length > 0 ? code : "network"),
                new global::System.Collections.Generic.KeyValuePair<string, object?>("http.request.method", method ?? "_OTHER"),
                new global::System.Collections.Generic.KeyValuePair<string, object?>("http.response.status_code", status));

        static partial void RecordWait(string kind, global::System.TimeSpan wait) =>
            Waits.Record(wait.TotalSeconds, new global::System.Collections.Generic.KeyValuePair<string, object?>("datocms.wait.reason", kind));

        static partial void RecordRedisFallback() => RedisFallbacks.Add(1);
    }
}
