namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// A permit of <see cref="DatoCmsAdaptiveRateLimiter"/> (or of the Redis rate limiter) to send one
    /// request. Report the answer with <c>RecordResponse</c> (the retry handler does): a 429 gives the
    /// slot back (or pauses every worker), and the rate-limit headers keep the limiter's view of the
    /// window true. Disposed without a report, the request counts as sent.
    /// A lease that was not acquired carries <see cref="global::System.Threading.RateLimiting.MetadataName.RetryAfter"/>.
    /// </summary>
    internal sealed class DatoCmsRateLimitLease : global::System.Threading.RateLimiting.RateLimitLease
    {
        private static readonly string[] RetryAfterName = { global::System.Threading.RateLimiting.MetadataName.RetryAfter.Name };

        private readonly DatoCmsRateLimitTicket? _ticket;
        private readonly global::System.TimeSpan _retryAfter;

        internal DatoCmsRateLimitLease(DatoCmsRateLimitTicket? ticket, global::System.TimeSpan retryAfter)
        {
            _ticket = ticket;
            _retryAfter = retryAfter;
        }

        /// <inheritdoc />
        public override bool IsAcquired => _ticket != null;

        /// <inheritdoc />
        public override global::System.Collections.Generic.IEnumerable<string> MetadataNames => _ticket == null ? RetryAfterName : global::System.Array.Empty<string>();

        /// <inheritdoc />
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_ticket == null && metadataName == global::System.Threading.RateLimiting.MetadataName.RetryAfter.Name)
            {
                metadata = _retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }

        /// <summary>Reports the answer to the request this lease let through; later reports and disposal do nothing more.</summary>
        /// <param name="statusCode">The HTTP status of the answer.</param>
        /// <param name="headers">The answer's headers (X-RateLimit-Limit, -Remaining and -Reset are read).</param>
        public void RecordResponse(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers) =>
            _ticket?.Complete(statusCode, headers);

        /// <summary>Reports the answer to the request this lease let through.</summary>
        /// <param name="response">The answer.</param>
        public void RecordResponse(global::System.Net.Http.HttpResponseMessage response)
        {
            if (response is null)
            {
                throw new global::System.ArgumentNullException(nameof(response));
            }

            RecordResponse((int)response.StatusCode, response.Headers);
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            // No answer reported: the request may have been counted, so its slot stays charged.
            _ticket?.Abandon();
            base.Dispose(disposing);
        }
    }
}
