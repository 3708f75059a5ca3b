namespace DatoCms.ErrorCodes
{
    /// <summary>What a Polly pipeline decided about one attempt's outcome, kept for its delay generator and OnRetry.</summary>
    internal sealed class DatoCmsRetryDecision // always internal
    {
        public DatoCmsRetryDecision(object subject, bool shouldRetry, DatoCmsApiException? error, string reason, global::System.Net.Http.HttpRequestMessage? request, bool isIdempotent, string? requestId)
        {
            Subject = subject;
            ShouldRetry = shouldRetry;
            Error = error;
            Reason = reason;
            Request = request;
            IsIdempotent = isIdempotent;
            RequestId = requestId;
        }

        /// <summary>The response or exception decided about: a later attempt has another one.</summary>
        public object Subject { get; }

        public bool ShouldRetry { get; }

        /// <summary>The typed error of a response; null for a network fault.</summary>
        public DatoCmsApiException? Error { get; }

        /// <summary>The metric tag "datocms.retry.reason".</summary>
        public string Reason { get; }

        public global::System.Net.Http.HttpRequestMessage? Request { get; }

        public bool IsIdempotent { get; }

        public string? RequestId { get; }

        public string? Method => Request?.Method.Method;

        public string? Path => DatoCmsTelemetry.PathOf(Request);
    }
}
