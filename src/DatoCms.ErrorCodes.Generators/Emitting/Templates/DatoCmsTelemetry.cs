namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The signals of every retry, whoever retries (the handler, <see cref="DatoCmsRetry"/> or a Polly
    /// pipeline): metrics on the meter <see cref="MeterName"/>, an event on the current activity, and
    /// log messages through <c>DatoCmsRetryOptions.Logger</c>. Each signal is generated only where the
    /// consumer references what it needs; the hooks of a missing one compile to nothing.
    /// </summary>
    internal static partial class DatoCmsTelemetry
    {
        /// <summary>The name of the meter and of the activity source: pass it to <c>AddMeter</c> and <c>AddSource</c>.</summary>
        public const string MeterName = "DatoCms.ErrorCodes";

        /// <summary>The name of the activity source (the same as the meter's).</summary>
        public const string ActivitySourceName = MeterName;

        /// <summary>The response header the API identifies a request by.</summary>
        internal const string RequestIdHeader = "X-Request-Id";

        /// <summary>A retry is about to wait <paramref name="delay"/> before the next attempt.</summary>
        internal static void Retrying(DatoCmsRetryOptions? options, string reason, DatoCmsApiException? error, string? method, string? path, int attempt, global::System.TimeSpan delay, string? requestId)
        {
            var status = error?.StatusCode ?? 0;
            var code = CodeOf(error);
            RecordRetry(reason, code, status, method, attempt, delay, requestId);
            if (status == 429)
            {
                RecordRateLimited(method);
            }

            if (options != null)
            {
                LogRetry(options, reason, code, status, method, path, attempt, delay, requestId);
            }
        }

        /// <summary>A failure that could have passed later is returned because no attempt (or time) is left; <paramref name="fault"/> names a failure without an answer ("network", "timeout").</summary>
        internal static void Exhausted(DatoCmsRetryOptions? options, DatoCmsApiException? error, string? method, string? path, int attempts, string? requestId, string? fault = null)
        {
            var status = error?.StatusCode ?? 0;
            var code = CodeOf(error);
            if (code.Length == 0 && fault != null)
            {
                code = fault;
            }

            RecordExhausted(code, status, method);
            if (status == 429)
            {
                RecordRateLimited(method);
            }

            if (options != null)
            {
                LogExhausted(options, code, status, method, path, attempts, requestId);
            }
        }

        /// <summary>A request waited <paramref name="wait"/> before being sent: "throttle" (client-side pacing), "backoff" or "rate_limit_reset".</summary>
        internal static void Waited(DatoCmsRetryOptions? options, string kind, global::System.TimeSpan wait, string? method, string? path)
        {
            RecordWait(kind, wait);
            // Under a millisecond is the throttle's own bookkeeping, not a wait worth a log line.
            if (options != null && kind == "throttle" && wait >= global::System.TimeSpan.FromMilliseconds(1))
            {
                LogThrottled(options, method, path, wait);
            }
        }

        /// <summary>A rate limiter shared through Redis found Redis unavailable and went over to pacing locally.</summary>
        internal static void RedisFellBack() => RecordRedisFallback();

        /// <summary>Why a failure is retried: the metric tag and log field "reason".</summary>
        internal static string ReasonOf(DatoCmsApiException error) =>
            error.StatusCode == 429 || error.RetryKind == DatoCmsRetryKind.RateLimit ? "rate_limit"
            : error.Code != DatoCmsErrorCode.Unknown && error.Code.IsTransient() ? "transient_code"
            : error.Errors.Count > 0 ? "transient_flag"
            : "gateway";

        /// <summary>What a wait before a retry is called in the wait histogram.</summary>
        internal static string WaitKindOf(string reason) => reason == "rate_limit" ? "rate_limit_reset" : "backoff";

        /// <summary>The API's X-Request-Id, else the id of the first api_error.</summary>
        internal static string? RequestIdOf(global::System.Net.Http.HttpResponseMessage? response, DatoCmsApiException? error)
        {
            if (response != null && response.Headers.TryGetValues(RequestIdHeader, out var values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }

            return error != null && error.Errors.Count > 0 ? error.Errors[0].Id : null;
        }

        /// <summary>The request id an exception carries (its request's X-Request-Id), else the id of its first api_error: for pipelines that see the exception, not the response.</summary>
        internal static string? RequestIdOf(DatoCmsApiException error) => error.Request?.RequestId ?? RequestIdOf(null, error);

        /// <summary>The path of a request, never its query (which may carry data the caller did not mean to log).</summary>
        internal static string? PathOf(global::System.Net.Http.HttpRequestMessage? request)
        {
            var uri = request?.RequestUri;
            if (uri is null)
            {
                return null;
            }

            if (uri.IsAbsoluteUri)
            {
                return uri.AbsolutePath;
            }

            var text = uri.OriginalString;
            var query = text.IndexOf('?');
            return query < 0 ? text : text.Substring(0, query);
        }

        /// <summary>The path of a described request (see <see cref="PathOf(global::System.Net.Http.HttpRequestMessage)"/>).</summary>
        internal static string? PathOf(DatoCmsRequestInfo? request) =>
            request != null && global::System.Uri.TryCreate(request.Url, global::System.UriKind.Absolute, out var url) ? url.AbsolutePath : null;

        private static string CodeOf(DatoCmsApiException? error) =>
            error is null ? string.Empty : error.ApiCode.Length > 0 ? error.ApiCode : error.StatusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

        static partial void RecordRetry(string reason, string code, int status, string? method, int attempt, global::System.TimeSpan delay, string? requestId);

        static partial void RecordRateLimited(string? method);

        static partial void RecordExhausted(string code, int status, string? method);

        static partial void RecordWait(string kind, global::System.TimeSpan wait);

        static partial void RecordRedisFallback();

        static partial void LogRetry(DatoCmsRetryOptions options, string reason, string code, int status, string? method, string? path, int attempt, global::System.TimeSpan delay, string? requestId);

        static partial void LogExhausted(DatoCmsRetryOptions options, string code, int status, string? method, string? path, int attempts, string? requestId);

        static partial void LogThrottled(DatoCmsRetryOptions options, string? method, string? path, global::System.TimeSpan wait);
    }
}
