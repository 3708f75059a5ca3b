namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// How <c>AddDatoCmsHttpClient</c> sets up a client: the API token, the environment, the API
    /// version, the base address and the retry settings. Bindable from configuration; the token is
    /// sent as the Authorization header and never written to a log, a metric or a trace.
    /// </summary>
    internal sealed class DatoCmsClientOptions
    {
        /// <summary>The default base address of the Content Management API.</summary>
        public const string DefaultBaseAddress = "https://site-api.datocms.com/";

        /// <summary>The API token, sent as <c>Authorization: Bearer ...</c>; required.</summary>
        public string? ApiToken { get; set; }

        /// <summary>The sandbox environment to work on, sent as <c>X-Environment</c>; null for the primary environment.</summary>
        public string? Environment { get; set; }

        /// <summary>The API version, sent as <c>X-Api-Version</c> (default "3").</summary>
        public string ApiVersion { get; set; } = "3";

        /// <summary>The base address (default https://site-api.datocms.com/).</summary>
        public global::System.Uri BaseAddress { get; set; } = new global::System.Uri(DefaultBaseAddress);

        /// <summary>
        /// Which retry options and throttle the client shares: the API counts the requests of all
        /// tokens of a project together, so every client of one project uses the
        /// <see cref="Retry"/> of the first one registered (default "default").
        /// </summary>
        public string Project { get; set; } = "default";

        /// <summary>
        /// Whether the client gets <see cref="DatoCmsRetryHandler"/> (default true). Adding
        /// <c>AddDatoCmsResilienceHandler</c> to the client turns it off: the pipeline retries instead.
        /// </summary>
        public bool UseRetryHandler { get; set; } = true;

        /// <summary>
        /// Set by <c>AddDatoCmsResilienceHandler</c> on the client it is added to: the pipeline's
        /// timeouts bound the client's requests, as the retry handler's do. Not bound from configuration.
        /// </summary>
        internal bool RetriedByPipeline { get; set; }

        /// <summary>
        /// Attempts, backoff and throttling of the retry handler. Unlike options made in code, the
        /// default instance does not throw for a value out of range (<c>Retry:MaxAttempts = 0</c> bound
        /// from configuration, say): <see cref="Validate"/> names it ("Retry.MaxAttempts is 0: ...").
        /// </summary>
        public DatoCmsRetryOptions Retry { get; set; } = DatoCmsRetryOptions.CreateForBinding();

        /// <summary>
        /// The problems of these settings, empty when they are valid, with the values out of range
        /// that <see cref="Retry"/> rejected; never quotes the token.
        /// </summary>
        /// <returns>One sentence per problem.</returns>
        public global::System.Collections.Generic.IReadOnlyList<string> Validate()
        {
            var problems = new global::System.Collections.Generic.List<string>();
            if (string.IsNullOrWhiteSpace(ApiToken))
            {
                problems.Add("ApiToken is required.");
            }
            else if (HasControlCharacter(ApiToken!))
            {
                // A token read from a file or a secret mount keeps its trailing newline; sent as it is,
                // it fails every request with a FormatException that names neither client nor option.
                problems.Add("ApiToken contains a line break or another control character (as a token read from a file often ends with one); trim it.");
            }
            else if (ApiToken!.TrimStart().StartsWith("Bearer ", global::System.StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("ApiToken starts with 'Bearer ': give the token alone, the client adds the scheme.");
            }

            if (Environment != null && HasControlCharacter(Environment))
            {
                problems.Add("Environment contains a line break or another control character.");
            }

            if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
            {
                problems.Add("BaseAddress must be an absolute URI.");
            }

            if (string.IsNullOrWhiteSpace(ApiVersion))
            {
                problems.Add("ApiVersion is required.");
            }
            else if (HasControlCharacter(ApiVersion))
            {
                problems.Add("ApiVersion contains a line break or another control character.");
            }

            if (string.IsNullOrWhiteSpace(Project))
            {
                problems.Add("Project must name the throttle to share.");
            }

            if (Retry is null)
            {
                problems.Add("Retry is required.");
            }
            else
            {
                Retry.AddRejectedSettings(nameof(Retry) + ".", problems);
            }

            return problems;
        }

        // Header values may not hold them (HttpClient throws when the request is sent).
        private static bool HasControlCharacter(string value)
        {
            foreach (var c in value)
            {
                if (char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
