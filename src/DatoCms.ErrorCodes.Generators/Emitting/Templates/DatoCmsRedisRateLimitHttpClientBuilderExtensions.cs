namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Shares one project's rate limit through Redis for an <c>IHttpClientFactory</c> client: adds
    /// <see cref="DatoCmsRedisRateLimitHandler"/> after the handlers already added, so put it after
    /// the retry handler (each retry is then paced too) and turn that handler's own throttle off
    /// (<see cref="DatoCmsRetryOptions.EnableThrottling"/> = false).
    /// </summary>
    internal static class DatoCmsRedisRateLimitHttpClientBuilderExtensions
    {
        /// <summary>Paces the client's requests by the project's limit, shared through <paramref name="connection"/>.</summary>
        /// <param name="builder">The client's builder.</param>
        /// <param name="connection">The application's Redis connection (connect with <c>abortConnect=false</c>).</param>
        /// <param name="projectKey">The DatoCMS project (its site id): the same in every worker, never the API token.</param>
        /// <param name="configure">Changes to the limiter's other options.</param>
        /// <returns>The same builder, for chaining.</returns>
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder UseRedisRateLimit(
            this global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            global::StackExchange.Redis.IConnectionMultiplexer connection,
            string projectKey,
            global::System.Action<DatoCmsRedisRateLimiterOptions>? configure = null)
        {
            if (connection is null)
            {
                throw new global::System.ArgumentNullException(nameof(connection));
            }

            return UseRedisRateLimit(builder, _ => connection, projectKey, configure);
        }

        /// <summary>
        /// Paces the client's requests by the project's limit, shared through the
        /// <see cref="global::StackExchange.Redis.IConnectionMultiplexer"/> registered in the container.
        /// </summary>
        /// <param name="builder">The client's builder.</param>
        /// <param name="projectKey">The DatoCMS project (its site id): the same in every worker, never the API token.</param>
        /// <param name="configure">Changes to the limiter's other options.</param>
        /// <returns>The same builder, for chaining.</returns>
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder UseRedisRateLimit(
            this global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            string projectKey,
            global::System.Action<DatoCmsRedisRateLimiterOptions>? configure = null) =>
            UseRedisRateLimit(
                builder,
                services => (global::StackExchange.Redis.IConnectionMultiplexer?)services.GetService(typeof(global::StackExchange.Redis.IConnectionMultiplexer))
                    ?? throw new global::System.InvalidOperationException("UseRedisRateLimit needs an IConnectionMultiplexer registered in the container, or pass the connection."),
                projectKey,
                configure);

        private static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder UseRedisRateLimit(
            global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            global::System.Func<global::System.IServiceProvider, global::StackExchange.Redis.IConnectionMultiplexer> connection,
            string projectKey,
            global::System.Action<DatoCmsRedisRateLimiterOptions>? configure)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            var options = new DatoCmsRedisRateLimiterOptions { ProjectKey = projectKey };
            configure?.Invoke(options);

            // The factory rebuilds handler chains every few minutes; the limiter lives as long as the
            // registration, so its fall-back state and statistics carry over.
            var gate = new object();
            DatoCmsRedisRateLimiter? limiter = null;
            return global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.AddHttpMessageHandler(builder, services =>
            {
                lock (gate)
                {
                    limiter ??= new DatoCmsRedisRateLimiter(connection(services), options);
                    return new DatoCmsRedisRateLimitHandler(limiter);
                }
            });
        }
    }
}
