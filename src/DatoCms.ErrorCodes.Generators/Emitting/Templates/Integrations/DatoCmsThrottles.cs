namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// One client-side throttle per DatoCMS project, shared by every client registered in one service
    /// provider: the API counts the requests of all tokens of a project together.
    /// </summary>
    internal sealed class DatoCmsThrottles // always internal
    {
        private readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, DatoCmsRateLimiter> _byProject =
            new global::System.Collections.Concurrent.ConcurrentDictionary<string, DatoCmsRateLimiter>(global::System.StringComparer.Ordinal);

        /// <summary>The throttle of <paramref name="project"/>, created with the given limit on first use.</summary>
        public DatoCmsRateLimiter For(string project, int requestsPerWindow, global::System.TimeSpan window) =>
            _byProject.GetOrAdd(project, _ => new DatoCmsRateLimiter(requestsPerWindow, window));
    }
}
