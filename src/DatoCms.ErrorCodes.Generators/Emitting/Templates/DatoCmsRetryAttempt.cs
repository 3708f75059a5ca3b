namespace DatoCms.ErrorCodes
{
    /// <summary>One retry about to happen: passed to <see cref="DatoCmsRetryOptions.OnRetry"/>.</summary>
    internal sealed class DatoCmsRetryAttempt
    {
        /// <summary>Creates the description of a retry.</summary>
        /// <param name="attempt">The attempt that failed, from 1.</param>
        /// <param name="delay">The wait before the next attempt.</param>
        /// <param name="exception">The error of the failed attempt.</param>
        /// <param name="request">The request being retried, when the retry handler retries it.</param>
        public DatoCmsRetryAttempt(int attempt, global::System.TimeSpan delay, DatoCmsApiException exception, global::System.Net.Http.HttpRequestMessage? request)
        {
            Attempt = attempt;
            Delay = delay;
            Exception = exception;
            Request = request;
        }

        /// <summary>The attempt that failed, from 1.</summary>
        public int Attempt { get; }

        /// <summary>The wait before the next attempt.</summary>
        /// <remarks>
        /// Zero for a 429 while <see cref="DatoCmsRetryOptions.EnableThrottling"/> is on: the request
        /// then waits in the throttle, first in line, until the window has room again, which is not
        /// known in advance. That wait is recorded once it is over, in the
        /// <c>datocms.client.wait.duration</c> histogram with the reason <c>rate_limit_reset</c> (tag <c>datocms.wait.reason</c>).
        /// </remarks>
        public global::System.TimeSpan Delay { get; }

        /// <summary>The error of the failed attempt.</summary>
        public DatoCmsApiException Exception { get; }

        /// <summary>
        /// The request being retried; null for <see cref="DatoCmsRetry"/>. Log <see cref="ToString"/>
        /// or <c>Exception.Request</c> rather than this message: its headers carry the API token.
        /// </summary>
        public global::System.Net.Http.HttpRequestMessage? Request { get; }

        /// <summary>"Attempt 2 of GET https://... failed: ...; retrying in 500 ms": safe to log, without headers or token.</summary>
        /// <returns>The description.</returns>
        public override string ToString()
        {
            var culture = global::System.Globalization.CultureInfo.InvariantCulture;
            var request = Exception.Request ?? (Request is null ? null : DatoCmsHttpResponseExtensions.Describe(Request));
            var what = request is null ? string.Empty : " of " + request.Method + " " + request.Url;
            var failure = Exception.StatusCode == 0
                ? "no answer (" + (Exception.InnerException?.GetType().Name ?? "fault") + ")"
                : (Exception.ApiCode.Length == 0 ? "HTTP " + Exception.StatusCode.ToString(culture) : Exception.ApiCode + " (HTTP " + Exception.StatusCode.ToString(culture) + ")");
            return "Attempt " + Attempt.ToString(culture) + what + " failed with " + failure + "; retrying in " + DatoCmsRetryFaults.Describe(Delay) + ".";
        }
    }
}
