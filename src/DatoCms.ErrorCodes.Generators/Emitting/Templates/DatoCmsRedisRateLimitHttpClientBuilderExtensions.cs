namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Shares one project's rate limit through Redis for an <c>IHttpClientFactory</c> client: adds
    /// <see cref="DatoCmsRedisRateLimitHandler"/> after the handlers already added, so put it after
    /// the retry handler (each retry is then paced too) and turn that handler's own throttle off
    /// (<see cref="DatoCmsRetryOptions.EnableThrottling"/> = false). The client's limiter is a
    /// singleton of the container, reachable through <see cref="DatoCmsRedisRateLimiters"/> (for a
    /// health check); where Microsoft.Extensions.Logging is referenced, its fall-back and recovery
    /// are logged through the container's logger.
    /// </summary>
    internal static partial class DatoCmsRedisRateLimitHttpClientBuilderExtensions
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
            global::System.Action<DatoCmsRedisRateLimiterOptions>? configure = null) =>
            Register(builder, Given(connection), projectKey, WithoutServices(configure));

        /// <summary>
        /// Paces the client's requests by the project's limit, shared through <paramref name="connection"/>;
        /// <paramref name="configure"/> also gets the container's services (a logger, the configuration).
        /// </summary>
        /// <param name="builder">The client's builder.</param>
        /// <param name="connection">The application's Redis connection (connect with <c>abortConnect=false</c>).</param>
        /// <param name="projectKey">The DatoCMS project (its site id): the same in every worker, never the API token.</param>
        /// <param name="configure">Changes to the limiter's other options, called once, when the limiter is first needed.</param>
        /// <returns>The same builder, for chaining.</returns>
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder UseRedisRateLimit(
            this global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            global::StackExchange.Redis.IConnectionMultiplexer connection,
            string projectKey,
            global::System.Action<global::System.IServiceProvider, DatoCmsRedisRateLimiterOptions> configure) =>
            Register(builder, Given(connection), projectKey, configure ?? throw new global::System.ArgumentNullException(nameof(configure)));

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
            Register(builder, FromContainer, projectKey, WithoutServices(configure));

        /// <summary>
        /// Paces the client's requests by the project's limit, shared through the
        /// <see cref="global::StackExchange.Redis.IConnectionMultiplexer"/> registered in the container;
        /// <paramref name="configure"/> also gets the container's services (a logger, the configuration).
        /// </summary>
        /// <param name="builder">The client's builder.</param>
        /// <param name="projectKey">The DatoCMS project (its site id): the same in every worker, never the API token.</param>
        /// <param name="configure">Changes to the limiter's other options, called once, when the limiter is first needed.</param>
        /// <returns>The same builder, for chaining.</returns>
        public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder UseRedisRateLimit(
            this global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            string projectKey,
            global::System.Action<global::System.IServiceProvider, DatoCmsRedisRateLimiterOptions> configure) =>
            Register(builder, FromContainer, projectKey, configure ?? throw new global::System.ArgumentNullException(nameof(configure)));

        private static global::StackExchange.Redis.IConnectionMultiplexer FromContainer(global::System.IServiceProvider services) =>
            (global::StackExchange.Redis.IConnectionMultiplexer?)services.GetService(typeof(global::StackExchange.Redis.IConnectionMultiplexer))
                ?? throw new global::System.InvalidOperationException("UseRedisRateLimit needs an IConnectionMultiplexer registered in the container, or pass the connection.");

        private static global::System.Func<global::System.IServiceProvider, global::StackExchange.Redis.IConnectionMultiplexer> Given(global::StackExchange.Redis.IConnectionMultiplexer connection)
        {
            if (connection is null)
            {
                throw new global::System.ArgumentNullException(nameof(connection));
            }

            return _ => connection;
        }

        private static global::System.Action<global::System.IServiceProvider, DatoCmsRedisRateLimiterOptions>? WithoutServices(global::System.Action<DatoCmsRedisRateLimiterOptions>? configure) =>
            configure is null ? null : new global::System.Action<global::System.IServiceProvider, DatoCmsRedisRateLimiterOptions>((_, options) => configure(options));

        private static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Register(
            global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder,
            global::System.Func<global::System.IServiceProvider, global::StackExchange.Redis.IConnectionMultiplexer> connection,
            string projectKey,
            global::System.Action<global::System.IServiceProvider, DatoCmsRedisRateLimiterOptions>? configure)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            // Checked now, so that a missing key fails at registration rather than at the first request.
            _ = new DatoCmsRedisRateLimiterOptions { ProjectKey = projectKey };

            var registration = new DatoCmsRedisRateLimiters.Registration(builder.Name, services =>
            {
                var options = new DatoCmsRedisRateLimiterOptions { ProjectKey = projectKey };
                configure?.Invoke(services, options);
                LogThroughContainer(services, options);
                return new DatoCmsRedisRateLimiter(connection(services), options);
            });
            global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(builder.Services, registration);
            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(
                builder.Services, services => new DatoCmsRedisRateLimiters(services));

            // The factory rebuilds handler chains every few minutes; the limiter is a singleton of the
            // container, so its fall-back state and statistics carry over.
            return global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.AddHttpMessageHandler(builder, services =>
            {
                var limiters = (DatoCmsRedisRateLimiters)services.GetService(typeof(DatoCmsRedisRateLimiters))!;
                var handler = new DatoCmsRedisRateLimitHandler(limiters.For(registration));
                LogWaitsThroughContainer(services, handler);
                return handler;
            });
        }

        // Implemented where Microsoft.Extensions.Logging is referenced: logs the fall-back and the
        // recovery through the container's logger, besides the options' own callbacks.
        static partial void LogThroughContainer(global::System.IServiceProvider services, DatoCmsRedisRateLimiterOptions options);

        // Implemented where Microsoft.Extensions.Logging is referenced: the handler's waits for the
        // limiter are logged through the container's logger, as the retry handler's throttle waits are.
        static partial void LogWaitsThroughContainer(global::System.IServiceProvider services, DatoCmsRedisRateLimitHandler handler);
    }

    /// <summary>
    /// The Redis rate limiters of a container's <c>IHttpClientFactory</c> clients, by client name
    /// (one per <c>UseRedisRateLimit</c>), for a health check: <see cref="DatoCmsRedisRateLimiter.IsUsingFallback"/>
    /// says whether a client paces locally because Redis is unreachable. Take it from the container.
    /// </summary>
    internal sealed class DatoCmsRedisRateLimiters
    {
        private readonly global::System.IServiceProvider _services;
        private readonly global::System.Collections.Generic.List<Registration> _registrations = new global::System.Collections.Generic.List<Registration>();
        private readonly global::System.Collections.Concurrent.ConcurrentDictionary<Registration, global::System.Lazy<DatoCmsRedisRateLimiter>> _limiters =
            new global::System.Collections.Concurrent.ConcurrentDictionary<Registration, global::System.Lazy<DatoCmsRedisRateLimiter>>();

        /// <summary>Creates the set for a container; <c>UseRedisRateLimit</c> registers it.</summary>
        /// <param name="services">The container, which holds each client's registration.</param>
        public DatoCmsRedisRateLimiters(global::System.IServiceProvider services)
        {
            _services = services ?? throw new global::System.ArgumentNullException(nameof(services));
            if (services.GetService(typeof(global::System.Collections.Generic.IEnumerable<Registration>)) is global::System.Collections.Generic.IEnumerable<Registration> registrations)
            {
                _registrations.AddRange(registrations);
            }
        }

        /// <summary>The names of the clients that share a limit through Redis.</summary>
        public global::System.Collections.Generic.IReadOnlyCollection<string> ClientNames
        {
            get
            {
                var names = new global::System.Collections.Generic.SortedSet<string>(global::System.StringComparer.Ordinal);
                foreach (var registration in _registrations)
                {
                    names.Add(registration.ClientName);
                }

                return names;
            }
        }

        /// <summary>The limiter of the client named <paramref name="clientName"/>, created now if no request has needed it yet.</summary>
        /// <param name="clientName">The client's name, as given to <c>AddHttpClient</c> (a typed client's is its type's name).</param>
        /// <returns>The limiter of the client's last <c>UseRedisRateLimit</c>.</returns>
        /// <exception cref="global::System.InvalidOperationException">The client does not use <c>UseRedisRateLimit</c>.</exception>
        public DatoCmsRedisRateLimiter ForClient(string clientName)
        {
            for (var i = _registrations.Count - 1; i >= 0; i--)
            {
                if (string.Equals(_registrations[i].ClientName, clientName, global::System.StringComparison.Ordinal))
                {
                    return For(_registrations[i]);
                }
            }

            throw new global::System.InvalidOperationException("The HttpClient '" + clientName + "' does not share a rate limit through Redis: UseRedisRateLimit was not called on it.");
        }

        /// <summary>The limiter of one <c>UseRedisRateLimit</c>, created once.</summary>
        internal DatoCmsRedisRateLimiter For(Registration registration) =>
            _limiters.GetOrAdd(registration, r => new global::System.Lazy<DatoCmsRedisRateLimiter>(() => r.Create(_services))).Value;

        /// <summary>One <c>UseRedisRateLimit</c>: the client it paces and how to make its limiter.</summary>
        internal sealed class Registration
        {
            public Registration(string clientName, global::System.Func<global::System.IServiceProvider, DatoCmsRedisRateLimiter> create)
            {
                ClientName = clientName;
                Create = create;
            }

            public string ClientName { get; }

            public global::System.Func<global::System.IServiceProvider, DatoCmsRedisRateLimiter> Create { get; }
        }
    }
}
