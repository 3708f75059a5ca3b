namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// A failure reported by the DatoCMS Content Management API: the code, the HTTP status, every
    /// api_error of the body and the raw body as received. <see cref="FromResponse(int, string, global::System.Collections.Generic.IEnumerable{global::System.Collections.Generic.KeyValuePair{string, global::System.Collections.Generic.IEnumerable{string}}})"/>
    /// returns the most specific exception type for a response and never throws.
    /// </summary>
    internal partial class DatoCmsApiException : global::System.Exception
    {
        private static readonly global::System.Collections.Generic.IReadOnlyList<DatoCmsApiError> NoErrors = global::System.Array.Empty<DatoCmsApiError>();
        private readonly bool _isTransient;
        private string? _message;
        private DatoCmsRequestInfo? _request;

        /// <summary>Creates the exception; <see cref="FromResponse(int, string, global::System.Collections.Generic.IEnumerable{global::System.Collections.Generic.KeyValuePair{string, global::System.Collections.Generic.IEnumerable{string}}})"/> picks the most specific type for you.</summary>
        /// <param name="statusCode">The HTTP status of the response.</param>
        /// <param name="apiCode">The code of the first error as the API wrote it; empty when the body had none.</param>
        /// <param name="errors">Every api_error of the body.</param>
        /// <param name="rawBody">The body exactly as received.</param>
        /// <param name="rateLimitReset">The wait the server asked for in X-RateLimit-Reset.</param>
        /// <param name="innerException">The exception that caused this one, if any.</param>
        public DatoCmsApiException(
            int statusCode,
            string apiCode,
            global::System.Collections.Generic.IReadOnlyList<DatoCmsApiError>? errors = null,
            string? rawBody = null,
            global::System.TimeSpan? rateLimitReset = null,
            global::System.Exception? innerException = null)
            : base(null, innerException)
        {
            StatusCode = statusCode;
            ApiCode = apiCode ?? string.Empty;
            Errors = errors ?? NoErrors;

            // FromResponse passes the first error's code string: its Code is already parsed from it.
            var code = Errors.Count > 0 && string.Equals(Errors[0].ApiCode, ApiCode, global::System.StringComparison.Ordinal)
                ? Errors[0].Code
                : DatoCmsErrorCodes.TryParse(ApiCode, out var parsed) ? parsed : DatoCmsErrorCode.Unknown;
            Code = code;
            RawBody = rawBody ?? string.Empty;
            RateLimitReset = rateLimitReset;
            _isTransient = statusCode == 429
                || code.IsTransient()
                || (Errors.Count > 0 ? Errors[0].Transient : IsTransientStatus(statusCode));
        }

        /// <summary>
        /// The code, the summary, the details that identify the problem and the documentation link;
        /// built on first use, so an exception that is caught and handled never pays for it.
        /// </summary>
        public override string Message => _message ??= BuildMessage();

        /// <summary>The code of the first error; Unknown when the body had none or the spec does not know it.</summary>
        public DatoCmsErrorCode Code { get; }

        /// <summary>The code of the first error exactly as the API wrote it, also when the spec does not know it; empty when the body had none.</summary>
        public string ApiCode { get; }

        /// <summary>The HTTP status of the response.</summary>
        public int StatusCode { get; }

        /// <summary>
        /// Whether retrying may succeed: a transient code, a <c>"transient": true</c> flag in the
        /// body, or a 429, 502, 503 or 504 without an error body.
        /// </summary>
        public virtual bool IsTransient => _isTransient;

        /// <summary>How to retry: the code's retry kind, else RateLimit for a 429, Backoff for other transient failures, None otherwise.</summary>
        public DatoCmsRetryKind RetryKind
        {
            get
            {
                var kind = Code.GetRetryKind();
                if (kind != DatoCmsRetryKind.None)
                {
                    return kind;
                }

                if (!IsTransient)
                {
                    return DatoCmsRetryKind.None;
                }

                return StatusCode == 429 ? DatoCmsRetryKind.RateLimit : DatoCmsRetryKind.Backoff;
            }
        }

        /// <summary>Every api_error of the body, in order; empty when the body was not a DatoCMS error document.</summary>
        public global::System.Collections.Generic.IReadOnlyList<DatoCmsApiError> Errors { get; }

        /// <summary>The wait the server asked for in the X-RateLimit-Reset header, if it sent one.</summary>
        public global::System.TimeSpan? RateLimitReset { get; }

        /// <summary>The response body exactly as received (empty when there was none).</summary>
        public string RawBody { get; }

        /// <summary>
        /// The request that failed, as it is safe to log (method, URL without secrets, X-Request-Id
        /// and cf-ray): filled in by <see cref="DatoCmsHttpResponseExtensions.ReadDatoCmsErrorAsync"/>,
        /// the retry handler and the job follower; null for an exception built from a body alone.
        /// </summary>
        public DatoCmsRequestInfo? Request
        {
            get => _request;
            internal set
            {
                _request = value;
                _message = null;
            }
        }

        /// <summary>The X-Request-Id the API answered with, to quote to DatoCMS support; null when unknown.</summary>
        public string? RequestId => _request?.RequestId;

        /// <summary>
        /// The first error with the given code whose details match, or null; picks one error out of
        /// a body that lists several.
        /// </summary>
        /// <param name="code">The code to look for.</param>
        /// <param name="detailsPredicate">A test on the error's details, such as the field name.</param>
        /// <returns>The error, or null.</returns>
        public DatoCmsApiError? FindError(DatoCmsErrorCode code, global::System.Func<global::System.Text.Json.JsonElement, bool>? detailsPredicate = null)
        {
            foreach (var error in Errors)
            {
                if (error.Code == code && (detailsPredicate is null || detailsPredicate(error.Details)))
                {
                    return error;
                }
            }

            return null;
        }

        /// <summary>
        /// The first error with the given code string whose details match, or null; works for codes
        /// this build's spec does not know yet.
        /// </summary>
        /// <param name="apiCode">The code as the API writes it.</param>
        /// <param name="detailsPredicate">A test on the error's details, such as the field name.</param>
        /// <returns>The error, or null.</returns>
        public DatoCmsApiError? FindError(string apiCode, global::System.Func<global::System.Text.Json.JsonElement, bool>? detailsPredicate = null)
        {
            foreach (var error in Errors)
            {
                if (string.Equals(error.ApiCode, apiCode, global::System.StringComparison.Ordinal) && (detailsPredicate is null || detailsPredicate(error.Details)))
                {
                    return error;
                }
            }

            return null;
        }

        /// <summary>
        /// Turns a failed response into the most specific exception: the first error's code decides
        /// the type, every error is kept. Never throws: an empty, HTML, truncated or foreign body
        /// gives a <see cref="DatoCmsApiException"/> with the status and raw body.
        /// </summary>
        /// <param name="statusCode">The HTTP status.</param>
        /// <param name="body">The body as text.</param>
        /// <param name="headers">The response headers (an HttpResponseHeaders fits), for X-RateLimit-Reset.</param>
        /// <returns>The exception to throw.</returns>
        public static DatoCmsApiException FromResponse(
            int statusCode,
            string? body,
            global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers = null)
        {
            var rawBody = body ?? string.Empty;
            return Create(statusCode, DatoCmsErrorBodyReader.ReadErrors(rawBody), rawBody, DatoCmsRateLimitHeaders.ReadReset(headers));
        }

        /// <summary>
        /// Turns a failed response given as UTF-8 bytes into the most specific exception without
        /// decoding the body twice. Never throws.
        /// </summary>
        /// <param name="statusCode">The HTTP status.</param>
        /// <param name="utf8Body">The body as UTF-8 bytes.</param>
        /// <param name="headers">The response headers, for X-RateLimit-Reset.</param>
        /// <returns>The exception to throw.</returns>
        public static DatoCmsApiException FromResponse(
            int statusCode,
            global::System.ReadOnlySpan<byte> utf8Body,
            global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers = null)
        {
            var errors = DatoCmsErrorBodyReader.ReadErrors(utf8Body);
            return Create(statusCode, errors, DatoCmsErrorBodyReader.Decode(utf8Body), DatoCmsRateLimitHeaders.ReadReset(headers));
        }

        /// <summary>
        /// Turns a finished asynchronous job (a job_result, HTTP 200) whose inner status is not 2xx
        /// into the typed exception its payload describes; null when the job succeeded or the body
        /// is not a job result. Never throws.
        /// </summary>
        /// <param name="body">The job_result body as text.</param>
        /// <param name="headers">The response headers, for X-RateLimit-Reset.</param>
        /// <returns>The exception to throw, or null.</returns>
        public static DatoCmsApiException? FromJobResult(
            string? body,
            global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers = null)
        {
            if (!DatoCmsErrorBodyReader.TryReadJobResult(body ?? string.Empty, out var status, out var payload) || (status >= 200 && status < 300))
            {
                return null;
            }

            return FromResponse(status, payload, headers);
        }

        /// <summary>
        /// The UTF-8 form of <see cref="FromJobResult(string, global::System.Collections.Generic.IEnumerable{global::System.Collections.Generic.KeyValuePair{string, global::System.Collections.Generic.IEnumerable{string}}})"/>.
        /// </summary>
        /// <param name="utf8Body">The job_result body as UTF-8 bytes.</param>
        /// <param name="headers">The response headers, for X-RateLimit-Reset.</param>
        /// <returns>The exception to throw, or null.</returns>
        public static DatoCmsApiException? FromJobResult(
            global::System.ReadOnlySpan<byte> utf8Body,
            global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers = null)
        {
            if (!DatoCmsErrorBodyReader.TryReadJobResult(utf8Body, out var status, out var payload) || (status >= 200 && status < 300))
            {
                return null;
            }

            return FromResponse(status, payload, headers);
        }

        /// <summary>Whether a status means a failure that may pass on retry, whatever the body says: 429, 502, 503, 504.</summary>
        /// <param name="statusCode">The HTTP status.</param>
        /// <returns>True for 429, 502, 503 and 504.</returns>
        public static bool IsTransientStatus(int statusCode) => statusCode == 429 || statusCode == 502 || statusCode == 503 || statusCode == 504;

        private static DatoCmsApiException Create(
            int statusCode,
            DatoCmsApiError[]? errors,
            string rawBody,
            global::System.TimeSpan? rateLimitReset)
        {
            if (errors is null || errors.Length == 0)
            {
                if (statusCode == 429)
                {
                    return CreateRateLimited(statusCode, rawBody, rateLimitReset);
                }

                return IsTransientStatus(statusCode)
                    ? new DatoCmsTransientApiException(statusCode, string.Empty, null, rawBody, rateLimitReset)
                    : new DatoCmsApiException(statusCode, string.Empty, null, rawBody, rateLimitReset);
            }

            var first = errors[0];
            if (first.Code == DatoCmsErrorCode.Unknown)
            {
                return first.Transient || IsTransientStatus(statusCode)
                    ? new DatoCmsTransientApiException(statusCode, first.ApiCode, errors, rawBody, rateLimitReset)
                    : new DatoCmsApiException(statusCode, first.ApiCode, errors, rawBody, rateLimitReset);
            }

            // A code the spec calls permanent but the server flags as transient: the flag wins, so
            // that catch (DatoCmsTransientApiException) sees it.
            if (first.Transient && !first.Code.IsTransient())
            {
                return new DatoCmsTransientApiException(statusCode, first.ApiCode, errors, rawBody, rateLimitReset);
            }

            return CreateForCode(first.Code, statusCode, errors, rawBody, rateLimitReset);
        }

        private string BuildMessage()
        {
            var message = BuildErrorMessage();
            return _request is null ? message : message + " Request: " + _request + ".";
        }

        private string BuildErrorMessage()
        {
            var status = StatusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            if (StatusCode == 0)
            {
                // Status 0: no answer at all (a network fault or a timeout the retry handler reports to OnRetry).
                return "No answer from the DatoCMS API" + (InnerException is null ? "." : ": " + InnerException.Message);
            }

            if (ApiCode.Length == 0)
            {
                if (RawBody.Length == 0)
                {
                    return "The DatoCMS API answered HTTP " + status + " with no error body.";
                }

                return "The DatoCMS API answered HTTP " + status + " with a body that is not a DatoCMS error document: " + Excerpt(RawBody, 200);
            }

            var builder = new global::System.Text.StringBuilder();
            builder.Append(ApiCode).Append(" (HTTP ").Append(status).Append("): ");
            builder.Append(Code == DatoCmsErrorCode.Unknown ? "an error code this build's spec does not know yet." : Code.GetSummary());
            var first = Errors.Count > 0 ? Errors[0] : null;
            if (first?.DetailsJson is string details && details != "{}")
            {
                builder.Append(" Details: ").Append(Excerpt(details, 300));
            }

            if (Errors.Count > 1)
            {
                builder.Append(" Also: ");
                for (var i = 1; i < Errors.Count && i <= 5; i++)
                {
                    builder.Append(i > 1 ? ", " : string.Empty).Append(Errors[i].ApiCode);
                }

                if (Errors.Count > 6)
                {
                    builder.Append(", +").Append((Errors.Count - 6).ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append(" more");
                }

                builder.Append('.');
            }

            builder.Append(" See ").Append(first?.DocUrl ?? (Code == DatoCmsErrorCode.Unknown ? DatoCmsErrorCodes.DocsUrl + "#" + ApiCode : Code.GetDocUrl()));
            return builder.ToString();
        }

        // One line, whitespace runs collapsed, so an HTML page or pretty-printed JSON reads in a log.
        private static string Excerpt(string text, int maxLength)
        {
            var builder = new global::System.Text.StringBuilder(global::System.Math.Min(text.Length, maxLength + 1));
            var pendingSpace = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    pendingSpace = builder.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                if (builder.Length >= maxLength)
                {
                    return builder.ToString() + "…";
                }

                builder.Append(c);
            }

            return builder.ToString();
        }
    }
}
