namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// One <see cref="DatoCmsRetryOptions"/> (and so one throttle) per DatoCMS project in a service
    /// provider, shared by every client of the project: the API counts their requests together.
    /// </summary>
    internal sealed class DatoCmsProjects // always internal
    {
        private readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, DatoCmsRetryOptions> _byProject =
            new global::System.Collections.Concurrent.ConcurrentDictionary<string, DatoCmsRetryOptions>(global::System.StringComparer.Ordinal);

        /// <summary>The retry options of <paramref name="project"/>: the first client's, with the container's logger.</summary>
        public DatoCmsRetryOptions RetryOptionsFor(string project, DatoCmsRetryOptions first, global::System.IServiceProvider services) =>
            _byProject.GetOrAdd(project, _ =>
            {
                if (first.Logger is null
                    && services.GetService(typeof(global::Microsoft.Extensions.Logging.ILoggerFactory)) is global::Microsoft.Extensions.Logging.ILoggerFactory loggers)
                {
                    first.Logger = loggers.CreateLogger(DatoCmsTelemetry.MeterName);
                }

                return first;
            });
    }
}
