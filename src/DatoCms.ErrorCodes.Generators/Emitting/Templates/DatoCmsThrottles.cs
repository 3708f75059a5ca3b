    /// <summary>
    /// One client-side throttle per DatoCMS project, shared by every client registered in one service
    /// provider: the API counts the requests of all tokens of a project together.
    /// </summary>
    $generated$
    internal sealed class DatoCmsThrottles
    {
        private readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, global::DatoCms.ErrorCodes.DatoCmsRateLimiter> _byProject =
            new global::System.Collections.Concurrent.ConcurrentDictionary<string, global::DatoCms.ErrorCodes.DatoCmsRateLimiter>(global::System.StringComparer.Ordinal);

        /// <summary>The throttle of <paramref name="project"/>, created with the given limit on first use.</summary>
        public global::DatoCms.ErrorCodes.DatoCmsRateLimiter For(string project, int requestsPerWindow, global::System.TimeSpan window) =>
            _byProject.GetOrAdd(project, _ => new global::DatoCms.ErrorCodes.DatoCmsRateLimiter(requestsPerWindow, window));
    }
