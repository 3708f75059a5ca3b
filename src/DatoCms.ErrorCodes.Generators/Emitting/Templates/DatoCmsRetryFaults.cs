namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The rules for failures that are not answers: network faults and timeouts. Which may be
    /// retried (a request that provably never left may be sent again whatever its method; one that
    /// may have reached the server only when it is idempotent), and the messages that say which
    /// time budget ran out. The retry handler and the integrations share them.
    /// </summary>
    internal static class DatoCmsRetryFaults // always internal
    {
        /// <summary>
        /// Whether <paramref name="fault"/> proves the request never reached the server: the
        /// connection was refused, or the host name did not resolve. Nothing of the request is
        /// written before the connection exists, so sending it again cannot do anything twice.
        /// </summary>
        public static bool NeverLeft(global::System.Exception fault)
        {
            for (var current = fault; current != null; current = current.InnerException)
            {
                if (current is global::System.Net.Sockets.SocketException socket
                    && (socket.SocketErrorCode == global::System.Net.Sockets.SocketError.ConnectionRefused
                        || socket.SocketErrorCode == global::System.Net.Sockets.SocketError.HostNotFound
                        || socket.SocketErrorCode == global::System.Net.Sockets.SocketError.TryAgain))
                {
                    return true;
                }

#if NET8_0_OR_GREATER
                if (current is global::System.Net.Http.HttpRequestException { HttpRequestError: global::System.Net.Http.HttpRequestError.NameResolutionError })
                {
                    return true;
                }
#endif
            }

            return false;
        }

        /// <summary>
        /// Whether a fault without an answer may be retried: an attempt timeout only for an
        /// idempotent method (the server may be working on it); a network fault for any method when
        /// the request never left, else only for an idempotent one.
        /// </summary>
        public static bool MayRetry(global::System.Exception fault, bool timedOut, bool isIdempotent) =>
            isIdempotent || (!timedOut && NeverLeft(fault));

        /// <summary>The exception for an attempt that got no answer within <see cref="DatoCmsRetryOptions.AttemptTimeout"/>.</summary>
        public static global::System.TimeoutException AttemptTimedOut(global::System.Net.Http.HttpRequestMessage request, global::System.TimeSpan attemptTimeout, int attempt, bool isIdempotent, global::System.Exception cancelled)
        {
            var what = DatoCmsHttpResponseExtensions.Describe(request) + " got no answer within the attempt timeout (AttemptTimeout = " + Describe(attemptTimeout) + ")";
            var why = isIdempotent
                ? " on attempt " + attempt.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ", the last one allowed."
                : "; it was not sent again because a " + request.Method.Method + " may have reached the server.";
            return new global::System.TimeoutException("The DatoCMS request " + what + why, cancelled);
        }

        /// <summary>The exception for a request whose retries ran past <see cref="DatoCmsRetryOptions.TotalTimeout"/>.</summary>
        public static global::System.TimeoutException TotalTimedOut(global::System.Net.Http.HttpRequestMessage request, global::System.TimeSpan totalTimeout, int attempts, global::System.Exception cancelled) =>
            new global::System.TimeoutException(
                "The DatoCMS request " + DatoCmsHttpResponseExtensions.Describe(request) + " did not complete within the overall budget (TotalTimeout = "
                + Describe(totalTimeout) + ") after " + attempts.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + (attempts == 1 ? " attempt." : " attempts."),
                cancelled);

        /// <summary>
        /// What <see cref="DatoCmsRetryOptions.OnRetry"/> receives for a fault without an answer: a
        /// transient exception with status 0 whose inner exception is the fault.
        /// </summary>
        public static DatoCmsApiException NoAnswer(global::System.Net.Http.HttpRequestMessage request, global::System.Exception fault) =>
            new DatoCmsTransientApiException(0, string.Empty, innerException: fault)
            {
                Request = DatoCmsHttpResponseExtensions.Describe(request),
            };

        /// <summary>A duration as people write it: "250 ms", "30 s", "10 min", "infinite".</summary>
        public static string Describe(global::System.TimeSpan value)
        {
            var culture = global::System.Globalization.CultureInfo.InvariantCulture;
            if (value == global::System.Threading.Timeout.InfiniteTimeSpan)
            {
                return "infinite";
            }

            if (value < global::System.TimeSpan.FromSeconds(1))
            {
                return value.TotalMilliseconds.ToString("0.#", culture) + " ms";
            }

            if (value < global::System.TimeSpan.FromMinutes(2))
            {
                return value.TotalSeconds.ToString("0.###", culture) + " s";
            }

            return value.TotalMinutes.ToString("0.##", culture) + " min";
        }
    }
}
