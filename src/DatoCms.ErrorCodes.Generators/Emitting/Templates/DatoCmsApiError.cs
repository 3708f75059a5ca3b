namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// One api_error of a DatoCMS error body: the code, the server's id, the documentation link,
    /// the transient flag and the details that identify what was wrong.
    /// </summary>
    internal sealed class DatoCmsApiError
    {
        private static readonly global::System.Text.Json.JsonDocumentOptions DocumentOptions = new global::System.Text.Json.JsonDocumentOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = global::System.Text.Json.JsonCommentHandling.Skip,
        };

        private global::System.Text.Json.JsonElement? _details;

        /// <summary>Creates an error, as the body parser does; useful in tests of your own error handling.</summary>
        /// <param name="apiCode">The code as the API writes it, such as ITEM_LOCKED.</param>
        /// <param name="id">The id the server gave the error, if any.</param>
        /// <param name="docUrl">The documentation link the server sent; the spec's link for the code when null.</param>
        /// <param name="transient">The body's transient flag.</param>
        /// <param name="detailsJson">The details object as raw JSON, if any.</param>
        public DatoCmsApiError(string apiCode, string? id = null, string? docUrl = null, bool transient = false, string? detailsJson = null)
            : this(Parse(apiCode ?? string.Empty), apiCode ?? string.Empty, id, docUrl, transient, detailsJson)
        {
        }

        /// <summary>
        /// Creates an error whose code the body reader has already parsed from the bytes of
        /// <paramref name="apiCode"/>, so the string is not parsed a second time. Code is always
        /// what TryParse(ApiCode) gives; DatoCmsApiException relies on that.
        /// </summary>
        /// <param name="code">The code parsed from <paramref name="apiCode"/>.</param>
        /// <param name="apiCode">The code as the API writes it.</param>
        /// <param name="id">The id the server gave the error, if any.</param>
        /// <param name="docUrl">The documentation link the server sent; the spec's link for the code when null.</param>
        /// <param name="transient">The body's transient flag.</param>
        /// <param name="detailsJson">The details object as raw JSON, if any.</param>
        internal DatoCmsApiError(DatoCmsErrorCode code, string apiCode, string? id, string? docUrl, bool transient, string? detailsJson)
        {
            ApiCode = apiCode;
            Id = id;
            Code = code;
            DocUrl = docUrl ?? (code != DatoCmsErrorCode.Unknown ? code.GetDocUrl() : DatoCmsErrorCodes.DocsUrl + "#" + ApiCode);
            Transient = transient;
            DetailsJson = detailsJson;
        }

        private static DatoCmsErrorCode Parse(string apiCode) => DatoCmsErrorCodes.TryParse(apiCode, out var code) ? code : DatoCmsErrorCode.Unknown;

        /// <summary>The id the server gave this error, if any.</summary>
        public string? Id { get; }

        /// <summary>The code; Unknown when this build's spec does not know <see cref="ApiCode"/>.</summary>
        public DatoCmsErrorCode Code { get; }

        /// <summary>The code exactly as the server sent it, also when the spec does not know it.</summary>
        public string ApiCode { get; }

        /// <summary>The link to the code's documentation (the server's, or the spec's when the body had none).</summary>
        public string DocUrl { get; }

        /// <summary>The body's own transient flag (<c>"transient": true</c>).</summary>
        public bool Transient { get; }

        /// <summary>Whether retrying may succeed: the body's flag, or a transient code in the spec.</summary>
        public bool IsTransient => Transient || Code.IsTransient();

        /// <summary>The details object as raw JSON, exactly as received; null when the error had none.</summary>
        public string? DetailsJson { get; }

        /// <summary>The details as a JSON element (parsed on first use); an undefined element when there are none.</summary>
        public global::System.Text.Json.JsonElement Details
        {
            get
            {
                if (_details is null)
                {
                    if (DetailsJson is null)
                    {
                        _details = default(global::System.Text.Json.JsonElement);
                    }
                    else
                    {
                        // The body reader accepts comments and trailing commas, so the details may hold them.
                        using (var document = global::System.Text.Json.JsonDocument.Parse(DetailsJson, DocumentOptions))
                        {
                            _details = document.RootElement.Clone();
                        }
                    }
                }

                return _details.Value;
            }
        }

        /// <summary>
        /// Reads one top-level detail as text (strings as they are, numbers and booleans as written),
        /// such as <c>field</c> for INVALID_FIELD.
        /// </summary>
        /// <param name="name">The detail's name.</param>
        /// <param name="value">The value, when found.</param>
        /// <returns>Whether the detail exists and is a string, number or boolean.</returns>
        public bool TryGetDetail(
            string name,
#if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
            [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)]
#endif
            out string? value)
        {
            value = null;
            var details = Details;
            try
            {
                if (details.ValueKind != global::System.Text.Json.JsonValueKind.Object || !details.TryGetProperty(name, out var property))
                {
                    return false;
                }

                switch (property.ValueKind)
                {
                    case global::System.Text.Json.JsonValueKind.String:
                        value = property.GetString();
                        return value != null;
                    case global::System.Text.Json.JsonValueKind.Number:
                    case global::System.Text.Json.JsonValueKind.True:
                    case global::System.Text.Json.JsonValueKind.False:
                        value = property.GetRawText();
                        return true;
                    default:
                        return false;
                }
            }
            catch (global::System.InvalidOperationException)
            {
                // An escaped lone surrogate (\udc00) in a detail's name or value cannot become a string.
                value = null;
                return false;
            }
        }

        /// <summary>Returns the code and, when present, the details.</summary>
        public override string ToString() => DetailsJson is null ? ApiCode : ApiCode + " " + DetailsJson;
    }
}
