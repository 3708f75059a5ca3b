namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Permission to send one request, from whatever paces the requests: the handler reports how
    /// the request went, so that the pacer charges what the server counted and nothing else.
    /// Reporting twice, or abandoning after reporting, does nothing.
    /// </summary>
    internal abstract class DatoCmsRateLimitTicket // always internal
    {
        /// <summary>The server answered: its status and headers tell the pacer whether the request counted and how full the window is.</summary>
        /// <param name="statusCode">The HTTP status of the answer; 429 means the server did not count the request.</param>
        /// <param name="headers">The answer's headers, for X-RateLimit-Limit, -Remaining and -Reset.</param>
        public abstract void Complete(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers);

        /// <summary>No answer came (a network fault, a timeout, a cancellation): the request may have been counted, so it is charged.</summary>
        public abstract void Abandon();
    }
}
