namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The request behind a DatoCMS answer, as it is safe to log: the method, the URL without user
    /// info and with secret-looking query values masked, and the ids the API stamps on its answers
    /// (<c>X-Request-Id</c>, and <c>cf-ray</c> where Cloudflare adds it), which the vendor's support
    /// asks for. Headers are never read apart from those two ids, so the API token in the
    /// Authorization header cannot end up here. <c>response.GetDatoCmsRequestInfo()</c> builds one
    /// from a response.
    /// </summary>
    internal sealed class DatoCmsRequestInfo
    {
        private const string Masked = "***";

        // Query parameters whose value may be a credential; matched anywhere in the name, any case.
        private static readonly string[] SecretNameParts = { "token", "secret", "password", "passwd", "key", "signature", "auth", "credential", "session" };

        /// <summary>Creates the description; <c>response.GetDatoCmsRequestInfo()</c> builds it from a response.</summary>
        /// <param name="method">The HTTP method.</param>
        /// <param name="url">The URL; it is cleaned by <see cref="SanitizeUrl(global::System.Uri)"/> rules when absolute.</param>
        /// <param name="requestId">The X-Request-Id the API answered with, if any.</param>
        /// <param name="cfRay">The cf-ray id the API answered with, if any.</param>
        public DatoCmsRequestInfo(string method, string? url, string? requestId = null, string? cfRay = null)
        {
            Method = method ?? string.Empty;
            Url = url is null ? string.Empty : SanitizeUrl(url);
            RequestId = string.IsNullOrWhiteSpace(requestId) ? null : requestId!.Trim();
            CfRay = string.IsNullOrWhiteSpace(cfRay) ? null : cfRay!.Trim();
        }

        /// <summary>The HTTP method, such as GET or PUT.</summary>
        public string Method { get; }

        /// <summary>The URL without user info or fragment, with the values of secret-looking query parameters replaced by <c>***</c>.</summary>
        public string Url { get; }

        /// <summary>The X-Request-Id the API answered with; quote it to DatoCMS support. Null when the answer had none.</summary>
        public string? RequestId { get; }

        /// <summary>The cf-ray id of the Cloudflare edge that carried the answer; null when absent.</summary>
        public string? CfRay { get; }

        /// <summary>
        /// For the result of an asynchronous job that the job follower fetched: the request that
        /// started the job (its 202 answer's ids), which the vendor's support needs beside the
        /// poll's own; null otherwise.
        /// </summary>
        public DatoCmsRequestInfo? JobStartedBy { get; internal set; }

        /// <summary>
        /// <paramref name="url"/> as it is safe to log: user info and fragment dropped, and the value
        /// of each query parameter whose name contains token, secret, password, key, signature,
        /// auth, credential or session replaced by <c>***</c>. A relative URL keeps its path and
        /// masked query.
        /// </summary>
        /// <param name="url">The URL as sent.</param>
        /// <returns>The cleaned URL.</returns>
        public static string SanitizeUrl(string url)
        {
            if (url is null)
            {
                throw new global::System.ArgumentNullException(nameof(url));
            }

            // On Unix "/items" parses as an absolute file path; only a web address is taken apart as one.
            if (global::System.Uri.TryCreate(url, global::System.UriKind.Absolute, out var absolute) && !absolute.IsFile)
            {
                return SanitizeUrl(absolute);
            }

            var hash = url.IndexOf('#');
            var withoutFragment = hash >= 0 ? url.Substring(0, hash) : url;
            var question = withoutFragment.IndexOf('?');
            return question < 0 ? withoutFragment : withoutFragment.Remove(question + 1) + MaskQuery(withoutFragment.Substring(question + 1));
        }

        /// <summary>The absolute form of <see cref="SanitizeUrl(string)"/>.</summary>
        /// <param name="url">The URL as sent.</param>
        /// <returns>The cleaned URL.</returns>
        public static string SanitizeUrl(global::System.Uri url)
        {
            if (url is null)
            {
                throw new global::System.ArgumentNullException(nameof(url));
            }

            if (!url.IsAbsoluteUri || url.IsFile)
            {
                return SanitizeUrl(url.OriginalString);
            }

            var query = url.Query.Length > 1 ? "?" + MaskQuery(url.Query.Substring(1)) : string.Empty;
            return url.GetComponents(global::System.UriComponents.SchemeAndServer | global::System.UriComponents.Path, global::System.UriFormat.UriEscaped) + query;
        }

        /// <summary>"GET https://site-api.datocms.com/items (X-Request-Id: ..., cf-ray: ...)".</summary>
        /// <returns>The description.</returns>
        public override string ToString()
        {
            var builder = new global::System.Text.StringBuilder();
            builder.Append(Method.Length == 0 ? "?" : Method).Append(' ').Append(Url.Length == 0 ? "(no URL)" : Url);
            if (RequestId != null || CfRay != null)
            {
                builder.Append(" (");
                if (RequestId != null)
                {
                    builder.Append("X-Request-Id: ").Append(RequestId);
                }

                if (CfRay != null)
                {
                    builder.Append(RequestId != null ? ", " : string.Empty).Append("cf-ray: ").Append(CfRay);
                }

                builder.Append(')');
            }

            if (JobStartedBy != null)
            {
                builder.Append(", job started by ").Append(JobStartedBy);
            }

            return builder.ToString();
        }

        private static string MaskQuery(string query)
        {
            var parts = query.Split('&');
            for (var i = 0; i < parts.Length; i++)
            {
                var equals = parts[i].IndexOf('=');
                var name = equals < 0 ? parts[i] : parts[i].Substring(0, equals);
                if (equals >= 0 && LooksSecret(global::System.Uri.UnescapeDataString(name)))
                {
                    parts[i] = name + "=" + Masked;
                }
            }

            return string.Join("&", parts);
        }

        private static bool LooksSecret(string name)
        {
            foreach (var part in SecretNameParts)
            {
                if (name.IndexOf(part, global::System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
