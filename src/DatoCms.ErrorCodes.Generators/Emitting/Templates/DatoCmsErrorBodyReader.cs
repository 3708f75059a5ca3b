namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Reads DatoCMS error bodies with <c>Utf8JsonReader</c>: keys in any order, unknown keys
    /// skipped, the 2016 shape (code in <c>id</c>) accepted. Anything else is "not an error
    /// document" rather than an exception.
    /// </summary>
    internal static class DatoCmsErrorBodyReader // always internal
    {
        // The details of most errors; kept once instead of one string per error.
        private const string EmptyObjectJson = "{}";

        private static readonly global::System.Text.Json.JsonReaderOptions ReaderOptions = new global::System.Text.Json.JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = global::System.Text.Json.JsonCommentHandling.Skip,
        };

        /// <summary>The errors of a body given as text; null when it is not a DatoCMS error document.</summary>
        public static DatoCmsApiError[]? ReadErrors(string body)
        {
            if (!LooksLikeJsonObject(body))
            {
                return null;
            }

            var buffer = global::System.Buffers.ArrayPool<byte>.Shared.Rent(global::System.Text.Encoding.UTF8.GetMaxByteCount(body.Length));
            try
            {
                // The encoder writes U+FFFD for a lone surrogate, so these bytes are always valid UTF-8.
                var length = global::System.Text.Encoding.UTF8.GetBytes(body, 0, body.Length, buffer, 0);
                return ReadErrorsOrNull(new global::System.ReadOnlySpan<byte>(buffer, 0, length));
            }
            catch (global::System.InvalidOperationException)
            {
                // An escaped lone surrogate (\ud800) in a name or value the reader has to decode.
                return null;
            }
            finally
            {
                global::System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>The errors of a UTF-8 body; null when it is not a DatoCMS error document.</summary>
        public static DatoCmsApiError[]? ReadErrors(global::System.ReadOnlySpan<byte> utf8)
        {
            if (!LooksLikeJsonObject(utf8))
            {
                return null;
            }

            try
            {
                return ReadErrorsOrNull(utf8);
            }
            catch (global::System.InvalidOperationException)
            {
                // Utf8JsonReader throws this when it decodes invalid UTF-8 or an escaped lone
                // surrogate. The text overload sees invalid bytes as U+FFFD, so read that text the same way.
                return ReadErrors(Decode(utf8));
            }
        }

        // Throws InvalidOperationException for text Utf8JsonReader cannot decode; JsonException gives null.
        private static DatoCmsApiError[]? ReadErrorsOrNull(global::System.ReadOnlySpan<byte> utf8)
        {
            utf8 = SkipByteOrderMark(utf8);
            try
            {
                var reader = new global::System.Text.Json.Utf8JsonReader(utf8, ReaderOptions);
                if (!reader.Read() || reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
                {
                    return null;
                }

                // Most bodies hold one error: it needs no list, only the one-element array returned.
                DatoCmsApiError? first = null;
                global::System.Collections.Generic.List<DatoCmsApiError>? more = null;
                while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
                {
                    if (!reader.ValueTextEquals("data"))
                    {
                        reader.Skip();
                        continue;
                    }

                    reader.Read();
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartArray)
                    {
                        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
                        {
                            Add(ref first, ref more, reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject ? ReadError(ref reader, utf8) : SkipValue(ref reader));
                        }
                    }
                    else if (reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)
                    {
                        Add(ref first, ref more, ReadError(ref reader, utf8));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                // Reading to the end makes a truncated body fail here instead of passing as complete.
                while (reader.Read())
                {
                }

                return more != null ? more.ToArray() : first != null ? new[] { first } : null;
            }
            catch (global::System.Text.Json.JsonException)
            {
                return null;
            }
        }

        /// <summary>Finds the inner status and the payload (as raw JSON) of a job_result body.</summary>
        public static bool TryReadJobResult(string body, out int status, out string payload)
        {
            status = 0;
            payload = string.Empty;
            if (!LooksLikeJsonObject(body))
            {
                return false;
            }

            try
            {
                // The encoder writes U+FFFD for a lone surrogate, so these bytes are always valid UTF-8.
                return TryReadJobResultOrFail(global::System.Text.Encoding.UTF8.GetBytes(body), out status, out payload);
            }
            catch (global::System.InvalidOperationException)
            {
                // An escaped lone surrogate (\ud800) in a name or value the reader has to decode.
                status = 0;
                payload = string.Empty;
                return false;
            }
        }

        /// <summary>Finds the inner status and the payload (as raw JSON) of a UTF-8 job_result body.</summary>
        public static bool TryReadJobResult(global::System.ReadOnlySpan<byte> utf8, out int status, out string payload)
        {
            if (!LooksLikeJsonObject(utf8))
            {
                status = 0;
                payload = string.Empty;
                return false;
            }

            try
            {
                return TryReadJobResultOrFail(utf8, out status, out payload);
            }
            catch (global::System.InvalidOperationException)
            {
                // As in ReadErrors: read invalid UTF-8 the way the text overload sees it.
                return TryReadJobResult(Decode(utf8), out status, out payload);
            }
        }

        // Throws InvalidOperationException for text Utf8JsonReader cannot decode; JsonException gives false.
        private static bool TryReadJobResultOrFail(global::System.ReadOnlySpan<byte> utf8, out int status, out string payload)
        {
            utf8 = SkipByteOrderMark(utf8);
            status = 0;
            payload = string.Empty;
            try
            {
                var reader = new global::System.Text.Json.Utf8JsonReader(utf8, ReaderOptions);
                if (!reader.Read() || reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
                {
                    return false;
                }

                var found = false;
                while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
                {
                    if (!reader.ValueTextEquals("data"))
                    {
                        reader.Skip();
                        continue;
                    }

                    reader.Read();
                    if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        continue;
                    }

                    var isJobResult = true;
                    while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("type"))
                        {
                            reader.Read();
                            isJobResult = reader.TokenType != global::System.Text.Json.JsonTokenType.String || reader.ValueTextEquals("job_result");
                        }
                        else if (reader.ValueTextEquals("attributes"))
                        {
                            reader.Read();
                            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
                            {
                                reader.Skip();
                                continue;
                            }

                            while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
                            {
                                if (reader.ValueTextEquals("status"))
                                {
                                    reader.Read();
                                    found = reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out status);
                                }
                                else if (reader.ValueTextEquals("payload"))
                                {
                                    reader.Read();
                                    payload = RawValue(ref reader, utf8) ?? string.Empty;
                                }
                                else
                                {
                                    reader.Skip();
                                }
                            }
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    found &= isJobResult;
                }

                while (reader.Read())
                {
                }

                return found;
            }
            catch (global::System.Text.Json.JsonException)
            {
                status = 0;
                payload = string.Empty;
                return false;
            }
        }

        /// <summary>Decodes a UTF-8 body to the string kept as RawBody.</summary>
        public static string Decode(global::System.ReadOnlySpan<byte> utf8)
        {
            if (utf8.IsEmpty)
            {
                return string.Empty;
            }

#if NETCOREAPP2_1_OR_GREATER || NETSTANDARD2_1_OR_GREATER
            return global::System.Text.Encoding.UTF8.GetString(utf8);
#else
            return global::System.Text.Encoding.UTF8.GetString(utf8.ToArray());
#endif
        }

        // Utf8JsonReader rejects a byte order mark, which some proxies and old servers still send.
        private static global::System.ReadOnlySpan<byte> SkipByteOrderMark(global::System.ReadOnlySpan<byte> utf8) =>
            utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? utf8.Slice(3) : utf8;

        // The UTF-8 form of the test below: an HTML page must not cost a JsonException.
        private static bool LooksLikeJsonObject(global::System.ReadOnlySpan<byte> utf8)
        {
            foreach (var b in SkipByteOrderMark(utf8))
            {
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                {
                    return b == (byte)'{';
                }
            }

            return false;
        }

        // HTML pages, plain text and empty bodies are answered without renting or decoding anything.
        private static bool LooksLikeJsonObject(string body)
        {
            foreach (var c in body)
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    return c == '{';
                }
            }

            return false;
        }

        private static void Add(ref DatoCmsApiError? first, ref global::System.Collections.Generic.List<DatoCmsApiError>? more, DatoCmsApiError? error)
        {
            if (error is null)
            {
                return;
            }

            if (first is null)
            {
                first = error;
            }
            else
            {
                (more ??= new global::System.Collections.Generic.List<DatoCmsApiError>(4) { first }).Add(error);
            }
        }

        private static DatoCmsApiError? SkipValue(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            reader.Skip();
            return null;
        }

        private static DatoCmsApiError? ReadError(ref global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> utf8)
        {
            string? id = null;
            string? apiCode = null;
            var code = DatoCmsErrorCode.Unknown;
            string? docUrl = null;
            string? details = null;
            var transient = false;
            var isApiError = true;
            while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"))
                {
                    reader.Read();
                    id = ReadText(ref reader);
                }
                else if (reader.ValueTextEquals("type"))
                {
                    reader.Read();
                    isApiError = reader.TokenType != global::System.Text.Json.JsonTokenType.String || reader.ValueTextEquals("api_error");
                }
                else if (reader.ValueTextEquals("attributes"))
                {
                    reader.Read();
                    if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        continue;
                    }

                    while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("code"))
                        {
                            reader.Read();
                            apiCode = ReadCode(ref reader, out code);
                        }
                        else if (reader.ValueTextEquals("doc_url"))
                        {
                            reader.Read();
                            docUrl = ReadDocUrl(ref reader, code);
                        }
                        else if (reader.ValueTextEquals("details"))
                        {
                            reader.Read();
                            details = RawValue(ref reader, utf8);
                        }
                        else if (reader.ValueTextEquals("transient"))
                        {
                            reader.Read();
                            transient = reader.TokenType == global::System.Text.Json.JsonTokenType.True;
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (!isApiError)
            {
                return null;
            }

            // A code parsed from its bytes is handed over, not parsed again from the string. The
            // 2016 shape had no attributes.code: the code was the error's id.
            return code != DatoCmsErrorCode.Unknown && apiCode != null
                ? new DatoCmsApiError(code, apiCode, id, docUrl, transient, details)
                : new DatoCmsApiError(apiCode ?? id ?? string.Empty, apiCode is null ? null : id, docUrl, transient, details);
        }

        // Known codes reuse the generated constant instead of allocating a string per error. An
        // escaped code ("ITEM\u005FLOCKED") is not recognised here; the error's constructor parses its text.
        private static string? ReadCode(ref global::System.Text.Json.Utf8JsonReader reader, out DatoCmsErrorCode code)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.String
                && !reader.HasValueSequence
                && DatoCmsErrorCodes.TryParseUtf8(reader.ValueSpan, out code))
            {
                return code.ToApiString();
            }

            code = DatoCmsErrorCode.Unknown;
            return ReadText(ref reader);
        }

        // The server's doc_url is almost always the spec's link for the code read just before it:
        // then the generated constant is reused instead of allocating the same text again.
        private static string? ReadDocUrl(ref global::System.Text.Json.Utf8JsonReader reader, DatoCmsErrorCode code)
        {
            if (code != DatoCmsErrorCode.Unknown
                && reader.TokenType == global::System.Text.Json.JsonTokenType.String
                && !reader.HasValueSequence
                && IsRawAscii(reader.ValueSpan, code.GetDocUrl()))
            {
                return code.GetDocUrl();
            }

            return ReadText(ref reader);
        }

        // Whether raw (still escaped) JSON string bytes spell exactly this ASCII text. A backslash
        // never matches, so an escaped value always goes through the reader's unescaping instead.
        private static bool IsRawAscii(global::System.ReadOnlySpan<byte> raw, string text)
        {
            if (raw.Length != text.Length)
            {
                return false;
            }

            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] != text[i] || raw[i] >= 0x80 || raw[i] == (byte)'\\')
                {
                    return false;
                }
            }

            return true;
        }

        private static string? ReadText(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.String:
                    return reader.GetString();
                case global::System.Text.Json.JsonTokenType.Number:
                    return DatoCmsErrorBodyReader.Decode(reader.ValueSpan);
                case global::System.Text.Json.JsonTokenType.StartObject:
                case global::System.Text.Json.JsonTokenType.StartArray:
                    reader.Skip();
                    return null;
                default:
                    return null;
            }
        }

        private static string? RawValue(ref global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> utf8)
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)
            {
                return null;
            }

            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var end = (int)reader.BytesConsumed;
            var raw = utf8.Slice(start, end - start);
            return raw.Length == 2 && raw[0] == (byte)'{' && raw[1] == (byte)'}' ? EmptyObjectJson : Decode(raw);
        }
    }
}
