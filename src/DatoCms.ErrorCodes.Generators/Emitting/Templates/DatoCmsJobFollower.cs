namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Follows an asynchronous job to its result. The API answers some requests with
    /// <c>202 Accepted</c> and a body <c>{"data":{"type":"job","id":"..."}}</c>; the result then
    /// appears at <c>GET /job-results/{id}</c>, which answers 404 until the job has finished and 200
    /// with a <c>job_result</c> (the job's own status and payload) afterwards. The follower polls with
    /// a growing, jittered, capped wait, bounded by <see cref="DatoCmsJobOptions.Timeout"/>, and
    /// returns the job-result response: <see cref="DatoCmsHttpResponseExtensions.EnsureDatoCmsSuccessAsync"/>
    /// turns a failed job into the typed exception of its inner error.
    /// <see cref="DatoCmsRetryHandler"/> does this for every request unless
    /// <see cref="DatoCmsRetryOptions.FollowJobs"/> is off.
    /// </summary>
    internal static class DatoCmsJobFollower
    {
        private const string JobResultsPath = "job-results/";

        /// <summary>
        /// When <paramref name="response"/> is a 202 whose body is a job, waits for the job and returns
        /// the job-result response (and disposes the 202); otherwise returns <paramref name="response"/> unchanged.
        /// </summary>
        /// <param name="response">The answer to the request that may have started a job.</param>
        /// <param name="send">Sends one poll, such as <c>HttpClient.SendAsync</c>; it should carry the API token.</param>
        /// <param name="options">How to wait; null for the defaults.</param>
        /// <param name="cancellationToken">Cancels the wait at once.</param>
        /// <returns>The job-result response, or <paramref name="response"/> when it did not start a job.</returns>
        /// <exception cref="global::System.TimeoutException">The job did not finish within <see cref="DatoCmsJobOptions.Timeout"/>.</exception>
        /// <exception cref="global::System.OperationCanceledException">The caller cancelled.</exception>
        public static async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> FollowAsync(
            global::System.Net.Http.HttpResponseMessage response,
            global::System.Func<global::System.Net.Http.HttpRequestMessage, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage>> send,
            DatoCmsJobOptions? options = null,
            global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (response is null)
            {
                throw new global::System.ArgumentNullException(nameof(response));
            }

            if (send is null)
            {
                throw new global::System.ArgumentNullException(nameof(send));
            }

            var jobId = await ReadJobIdAsync(response, cancellationToken).ConfigureAwait(false);
            if (jobId is null)
            {
                return response;
            }

            using (response)
            {
                var started = response.RequestMessage;
                var requestUri = started?.RequestUri;
                if (requestUri is null || !requestUri.IsAbsoluteUri)
                {
                    throw new global::System.InvalidOperationException("The 202 answer has no absolute request URI, so the job-results URL of job " + jobId + " is unknown; use WaitForDatoCmsJobResultAsync with a client that has a BaseAddress.");
                }

                // The API serves /job-results/ at the root of the host that started the job.
                var resultUri = new global::System.Uri(requestUri, "/" + JobResultsPath + global::System.Uri.EscapeDataString(jobId));
                var result = await PollAsync(jobId, resultUri, started, send, options, cancellationToken).ConfigureAwait(false);
                if (result.RequestMessage != null && DatoCmsHttpResponseExtensions.GetDatoCmsRequestInfo(response) is { } startedBy)
                {
                    // A failed job's exception then names the request that started it, not only the poll.
                    lock (JobStarts)
                    {
                        JobStarts.Remove(result.RequestMessage);
                        JobStarts.Add(result.RequestMessage, startedBy);
                    }
                }

                return result;
            }
        }

        /// <summary>
        /// Sends the request the way <c>HttpClient.SendAsync</c> does and, when the API answers 202
        /// with a job, waits for the job and returns the job-result response.
        /// </summary>
        /// <param name="client">The client; its default headers (the API token) go on every poll.</param>
        /// <param name="response">The answer to the request that may have started a job.</param>
        /// <param name="options">How to wait; null for the defaults.</param>
        /// <param name="cancellationToken">Cancels the wait at once.</param>
        /// <returns>The job-result response, or <paramref name="response"/> when it did not start a job.</returns>
        /// <exception cref="global::System.TimeoutException">The job did not finish within <see cref="DatoCmsJobOptions.Timeout"/>.</exception>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> FollowDatoCmsJobAsync(
            this global::System.Net.Http.HttpClient client,
            global::System.Net.Http.HttpResponseMessage response,
            DatoCmsJobOptions? options = null,
            global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (client is null)
            {
                throw new global::System.ArgumentNullException(nameof(client));
            }

            return FollowAsync(response, client.SendAsync, options, cancellationToken);
        }

        /// <summary>
        /// Waits for the job with id <paramref name="jobId"/> (from a 202 you handled yourself) by
        /// polling <c>job-results/{id}</c> relative to the client's BaseAddress.
        /// </summary>
        /// <param name="client">The client; it needs a BaseAddress, and its default headers carry the API token.</param>
        /// <param name="jobId">The job's id.</param>
        /// <param name="options">How to wait; null for the defaults.</param>
        /// <param name="cancellationToken">Cancels the wait at once.</param>
        /// <returns>The job-result response.</returns>
        /// <exception cref="global::System.TimeoutException">The job did not finish within <see cref="DatoCmsJobOptions.Timeout"/>.</exception>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> WaitForDatoCmsJobResultAsync(
            this global::System.Net.Http.HttpClient client,
            string jobId,
            DatoCmsJobOptions? options = null,
            global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (client is null)
            {
                throw new global::System.ArgumentNullException(nameof(client));
            }

            if (string.IsNullOrEmpty(jobId))
            {
                throw new global::System.ArgumentException("A job id is needed.", nameof(jobId));
            }

            var baseAddress = client.BaseAddress ?? throw new global::System.InvalidOperationException("The client has no BaseAddress, so the job-results URL is unknown.");
            var resultUri = new global::System.Uri(baseAddress, JobResultsPath + global::System.Uri.EscapeDataString(jobId));
            return PollAsync(jobId, resultUri, null, client.SendAsync, options, cancellationToken);
        }

        /// <summary>The job id when <paramref name="response"/> is a 202 whose body is a job; null otherwise. Buffers the body, so it can still be read.</summary>
        /// <param name="response">The response.</param>
        /// <param name="cancellationToken">Cancels reading the body.</param>
        /// <returns>The job id, or null.</returns>
        public static async global::System.Threading.Tasks.Task<string?> ReadJobIdAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (response is null)
            {
                throw new global::System.ArgumentNullException(nameof(response));
            }

            if ((int)response.StatusCode != 202 || response.Content is null)
            {
                return null;
            }

#if NET5_0_OR_GREATER
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            return ReadJobId(body);
        }

        /// <summary>The id of <c>{"data":{"type":"job","id":"..."}}</c>; null for any other body. Never throws.</summary>
        /// <param name="utf8Body">The body as UTF-8 bytes.</param>
        /// <returns>The job id, or null.</returns>
        public static string? ReadJobId(global::System.ReadOnlySpan<byte> utf8Body)
        {
            try
            {
                var reader = new global::System.Text.Json.Utf8JsonReader(utf8Body, new global::System.Text.Json.JsonReaderOptions { CommentHandling = global::System.Text.Json.JsonCommentHandling.Skip });
                if (!reader.Read() || reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
                {
                    return null;
                }

                while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
                {
                    var isData = reader.ValueTextEquals("data");
                    reader.Read();
                    if (isData && reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)
                    {
                        return ReadJobData(ref reader);
                    }

                    reader.Skip();
                }
            }
            catch (global::System.Text.Json.JsonException)
            {
            }

            return null;
        }

        private static string? ReadJobData(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            string? id = null;
            var isJob = false;
            while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"))
                {
                    reader.Read();
                    isJob = reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.ValueTextEquals("job");
                }
                else if (reader.ValueTextEquals("id"))
                {
                    reader.Read();
                    id = reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString()
                        : reader.TokenType == global::System.Text.Json.JsonTokenType.Number ? global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray())
                        : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return isJob && !string.IsNullOrEmpty(id) ? id : null;
        }

        private static async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> PollAsync(
            string jobId,
            global::System.Uri resultUri,
            global::System.Net.Http.HttpRequestMessage? started,
            global::System.Func<global::System.Net.Http.HttpRequestMessage, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage>> send,
            DatoCmsJobOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var settings = options ?? new DatoCmsJobOptions();
            var polls = 0;
            using (var deadline = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (settings.Timeout != global::System.Threading.Timeout.InfiniteTimeSpan)
                {
                    DatoCmsTimeBudget.CancelAfter(deadline, settings.Timeout);
                }

                try
                {
                    while (true)
                    {
                        await DatoCmsTimeBudget.Delay(settings.PollDelay(polls + 1), deadline.Token).ConfigureAwait(false);
                        polls++;
                        var poll = CreatePoll(resultUri, started);
                        var result = await send(poll, deadline.Token).ConfigureAwait(false);

                        // 404 on /job-results/ means "not finished yet"; anything else is the answer.
                        if ((int)result.StatusCode != 404)
                        {
                            return result;
                        }

                        result.Dispose();
                        poll.Dispose();
                    }
                }
                catch (global::System.OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
                {
                    var what = started is null ? string.Empty : " started by " + DatoCmsHttpResponseExtensions.Describe(started);
                    throw new global::System.TimeoutException(
                        "The DatoCMS asynchronous job " + jobId + what + " did not finish within the job timeout (Jobs.Timeout = "
                        + DatoCmsRetryFaults.Describe(settings.Timeout) + "); "
                        + polls.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " polls of "
                        + DatoCmsRequestInfo.SanitizeUrl(resultUri) + " found no result.",
                        cancelled);
                }
            }
        }

        // The poll that fetched a job's result -> the request that started the job. Weak keys: an
        // entry lives as long as the poll's request message, which the result response holds.
        private static readonly global::System.Runtime.CompilerServices.ConditionalWeakTable<global::System.Net.Http.HttpRequestMessage, DatoCmsRequestInfo> JobStarts =
            new global::System.Runtime.CompilerServices.ConditionalWeakTable<global::System.Net.Http.HttpRequestMessage, DatoCmsRequestInfo>();

        /// <summary>The request that started the job whose result <paramref name="poll"/> fetched, when the follower fetched it.</summary>
        internal static DatoCmsRequestInfo? StartedBy(global::System.Net.Http.HttpRequestMessage poll) =>
            JobStarts.TryGetValue(poll, out var startedBy) ? startedBy : null;

        // A GET with the headers of the request that started the job (the API token, X-Api-Version,
        // X-Environment ...): the job result is only visible to the token that started the job.
        private static global::System.Net.Http.HttpRequestMessage CreatePoll(global::System.Uri resultUri, global::System.Net.Http.HttpRequestMessage? started)
        {
            var poll = new global::System.Net.Http.HttpRequestMessage(global::System.Net.Http.HttpMethod.Get, resultUri);
            if (started != null)
            {
                poll.Version = started.Version;
                foreach (var header in started.Headers)
                {
                    if (!DescribesTheStartingRequestOnly(header.Key))
                    {
                        poll.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }
            }

            return poll;
        }

        // Headers about the starting request's body, its connection or its preconditions, which a
        // body-less GET of another resource must not carry: SocketsHttpHandler sets
        // "Transfer-Encoding: chunked" on a request whose content has no length (PostAsJsonAsync),
        // and then refuses to send a GET that has it and no content.
        private static bool DescribesTheStartingRequestOnly(string name) =>
            string.Equals(name, "Transfer-Encoding", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Expect", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Connection", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Keep-Alive", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Upgrade", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "TE", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Trailer", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Host", global::System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Range", global::System.StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("If-", global::System.StringComparison.OrdinalIgnoreCase);
    }
}
