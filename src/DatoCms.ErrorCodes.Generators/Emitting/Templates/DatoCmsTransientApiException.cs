namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// A DatoCMS API failure that may pass if the request is retried later: the base of every
    /// transient code's exception, and the type of a transient failure whose code is not in the
    /// spec. Catch this type to handle rate limits, locks and environments that are not ready in
    /// one place.
    /// </summary>
    internal class DatoCmsTransientApiException : DatoCmsApiException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="statusCode">The HTTP status of the response.</param>
        /// <param name="apiCode">The code of the first error as the API wrote it; empty when the body had none.</param>
        /// <param name="errors">Every api_error of the body.</param>
        /// <param name="rawBody">The body exactly as received.</param>
        /// <param name="rateLimitReset">The wait the server asked for in X-RateLimit-Reset.</param>
        /// <param name="innerException">The exception that caused this one, if any.</param>
        public DatoCmsTransientApiException(
            int statusCode,
            string apiCode,
            global::System.Collections.Generic.IReadOnlyList<DatoCmsApiError>? errors = null,
            string? rawBody = null,
            global::System.TimeSpan? rateLimitReset = null,
            global::System.Exception? innerException = null)
            : base(statusCode, apiCode, errors, rawBody, rateLimitReset, innerException)
        {
        }

        /// <summary>Always true.</summary>
        public override bool IsTransient => true;
    }
}
