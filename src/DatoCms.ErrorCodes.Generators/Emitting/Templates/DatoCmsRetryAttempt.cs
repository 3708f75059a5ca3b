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
        public global::System.TimeSpan Delay { get; }

        /// <summary>The error of the failed attempt.</summary>
        public DatoCmsApiException Exception { get; }

        /// <summary>The request being retried; null for <see cref="DatoCmsRetry"/>.</summary>
        public global::System.Net.Http.HttpRequestMessage? Request { get; }
    }
}
