namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The log messages of a Redis rate limiter registered with <c>UseRedisRateLimit</c>, written to
    /// the container's logger (category <see cref="DatoCmsTelemetry.MeterName"/>) with cached <c>LoggerMessage</c>
    /// delegates, the way <see cref="DatoCmsTelemetry"/> logs retries. Generated where
    /// Microsoft.Extensions.Logging is referenced. No message carries a header or the API token.
    /// </summary>
    internal static partial class DatoCmsRedisRateLimitHttpClientBuilderExtensions
    {
        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, double, global::System.Exception?> RedisUnavailableMessage =
            global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, double>(
                global::Microsoft.Extensions.Logging.LogLevel.Warning,
                new global::Microsoft.Extensions.Logging.EventId(1404, "DatoCmsRedisUnavailable"),
                "DatoCMS rate limit of project {ProjectKey}: Redis unavailable, pacing locally at {FallbackShare} of the limit");

        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, global::System.Exception?> RedisRecoveredMessage =
            global::Microsoft.Extensions.Logging.LoggerMessage.Define<string>(
                global::Microsoft.Extensions.Logging.LogLevel.Information,
                new global::Microsoft.Extensions.Logging.EventId(1405, "DatoCmsRedisRecovered"),
                "DatoCMS rate limit of project {ProjectKey}: Redis is back, sharing the limit again");

        static partial void LogWaitsThroughContainer(global::System.IServiceProvider services, DatoCmsRedisRateLimitHandler handler)
        {
            if (services.GetService(typeof(global::Microsoft.Extensions.Logging.ILoggerFactory)) is global::Microsoft.Extensions.Logging.ILoggerFactory loggers)
            {
                handler.TelemetryOptions = new DatoCmsRetryOptions { Logger = loggers.CreateLogger(DatoCmsTelemetry.MeterName) };
            }
        }

        static partial void LogThroughContainer(global::System.IServiceProvider services, DatoCmsRedisRateLimiterOptions options)
        {
            if (!(services.GetService(typeof(global::Microsoft.Extensions.Logging.ILoggerFactory)) is global::Microsoft.Extensions.Logging.ILoggerFactory loggers))
            {
                return;
            }

            // The options' own callbacks (set by configure) still run, after the log line.
            var logger = loggers.CreateLogger(DatoCmsTelemetry.MeterName);
            var project = options.ProjectKey;
            var share = options.FallbackShare;
            var unavailable = options.OnRedisUnavailable;
            var recovered = options.OnRedisRecovered;
            options.OnRedisUnavailable = reason =>
            {
                RedisUnavailableMessage(logger, project, share, reason);
                unavailable?.Invoke(reason);
            };
            options.OnRedisRecovered = () =>
            {
                RedisRecoveredMessage(logger, project, null);
                recovered?.Invoke();
            };
        }
    }
}
