namespace DatoCms.ErrorCodes
{
    /// <summary>Turns a DatoCMS API response into the typed exception it describes.</summary>
    internal static class DatoCmsHttpResponseExtensions
    {
        /// <summary>
        /// Throws the typed exception for a failed response (status not 2xx), or for a finished
        /// asynchronous job (<c>GET /job-results/{id}</c>) whose inner status is not 2xx; otherwise
        /// returns the response. Reads the body only when there is a failure to describe. The
        /// exception's <see cref="DatoCmsApiException.Request"/> names the request and its X-Request-Id.
        /// </summary>
        /// <param name="response">The response.</param>
        /// <param name="cancellationToken">Cancels reading the body.</param>
        /// <returns>The same response, for chaining.</returns>
        /// <exception cref="DatoCmsApiException">The response is a failure; the runtime type is the most specific one.</exception>
        public static async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> EnsureDatoCmsSuccessAsync(
            this global::System.Net.Http.HttpResponseMessage response,
            global::System.Threading.CancellationToken cancellationToken = default)
        {
            var error = await ReadDatoCmsErrorAsync(response, cancellationToken).ConfigureAwait(false);
            if (error != null)
            {
                throw error;
            }

            return response;
        }

        /// <summary>
        /// The typed exception a failed response (or failed job result) describes, without throwing
        /// it; null for a success. Never throws for an odd body: an empty, HTML or foreign body gives
        /// a <see cref="DatoCmsApiException"/> that keeps the status and the raw body. The exception's
        /// <see cref="DatoCmsApiException.Request"/> names the request and its X-Request-Id.
        /// </summary>
        /// <param name="response">The response.</param>
        /// <param name="cancellationToken">Cancels reading the body.</param>
        /// <returns>The exception, or null.</returns>
        public static async global::System.Threading.Tasks.Task<DatoCmsApiException?> ReadDatoCmsErrorAsync(
            this global::System.Net.Http.HttpResponseMessage response,
            global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (response is null)
            {
                throw new global::System.ArgumentNullException(nameof(response));
            }

            var status = (int)response.StatusCode;
            var succeeded = status >= 200 && status < 300;
            if (succeeded && !IsJobResult(response.RequestMessage))
            {
                return null;
            }

            var body = await ReadBytesAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var error = succeeded
                ? DatoCmsApiException.FromJobResult(body, response.Headers)
                : DatoCmsApiException.FromResponse(status, body, response.Headers);
            if (error != null)
            {
                error.Request = GetDatoCmsRequestInfo(response);
            }

            return error;
        }

        /// <summary>
        /// The request behind <paramref name="response"/> as it is safe to log: method, URL without
        /// secrets, and the X-Request-Id and cf-ray ids the API answered with; null when the response
        /// names no request and carries no id.
        /// </summary>
        /// <param name="response">The response.</param>
        /// <returns>The description, or null.</returns>
        public static DatoCmsRequestInfo? GetDatoCmsRequestInfo(this global::System.Net.Http.HttpResponseMessage response)
        {
            if (response is null)
            {
                throw new global::System.ArgumentNullException(nameof(response));
            }

            var requestId = FirstValue(response.Headers, "X-Request-Id");
            var cfRay = FirstValue(response.Headers, "cf-ray");
            var request = response.RequestMessage;
            if (request is null && requestId is null && cfRay is null)
            {
                return null;
            }

            // A client may set its own X-Request-Id; when the API does not echo one, that still identifies the call.
            requestId ??= request is null ? null : FirstValue(request.Headers, "X-Request-Id");
            return new DatoCmsRequestInfo(request?.Method.Method ?? string.Empty, request?.RequestUri?.ToString(), requestId, cfRay)
            {
                JobStartedBy = request is null ? null : DatoCmsJobFollower.StartedBy(request),
            };
        }

        /// <summary>A request that got no answer (a network fault or a timeout): its method, URL and own X-Request-Id, if any.</summary>
        internal static DatoCmsRequestInfo Describe(global::System.Net.Http.HttpRequestMessage request) =>
            new DatoCmsRequestInfo(request.Method.Method, request.RequestUri?.ToString(), FirstValue(request.Headers, "X-Request-Id"));

        /// <summary>Whether the request fetched the result of an asynchronous job, whose 200 may wrap a failure.</summary>
        internal static bool IsJobResult(global::System.Net.Http.HttpRequestMessage? request)
        {
            var path = request?.RequestUri is global::System.Uri uri && uri.IsAbsoluteUri ? uri.AbsolutePath : request?.RequestUri?.OriginalString;
            return path != null && path.IndexOf("/job-results/", global::System.StringComparison.Ordinal) >= 0;
        }

        private static string? FirstValue(global::System.Net.Http.Headers.HttpHeaders headers, string name)
        {
            if (headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value;
                    }
                }
            }

            return null;
        }

        private static async global::System.Threading.Tasks.Task<byte[]> ReadBytesAsync(global::System.Net.Http.HttpContent? content, global::System.Threading.CancellationToken cancellationToken)
        {
            if (content is null)
            {
                return global::System.Array.Empty<byte>();
            }

#if NET5_0_OR_GREATER
            return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            return await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        }
    }
}
