namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The log messages of <see cref="DatoCmsTelemetry"/>, written to <see cref="DatoCmsRetryOptions.Logger"/>
    /// with cached <c>LoggerMessage</c> delegates (a generator's output is not seen by the logging
    /// source generator, so <c>[LoggerMessage]</c> could not be used here). No message carries a header:
    /// the API token never reaches a log.
    /// </summary>
    static partial class DatoCmsTelemetry
    {
        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, string, string, int, double, string, global::System.Exception?> RetryMessage =
            global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, string, string, int, double, string>(
                global::Microsoft.Extensions.Logging.LogLevel.Information,
                new global::Microsoft.Extensions.Logging.EventId(1401, "DatoCmsRetry"),
                "DatoCMS request {HttpMethod} {UrlPath} failed with {ErrorCode}; attempt {Attempt} is retried after {WaitMs} ms (request id {RequestId})");

        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, string, string, int, string, global::System.Exception?> ExhaustedMessage =
            global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, string, string, int, string>(
                global::Microsoft.Extensions.Logging.LogLevel.Warning,
                new global::Microsoft.Extensions.Logging.EventId(1402, "DatoCmsRetriesExhausted"),
                "DatoCMS request {HttpMethod} {UrlPath} still failed with {ErrorCode} after {Attempts} attempts; giving up (request id {RequestId})");

        private static readonly global::System.Action<global::Microsoft.Extensions.Logging.ILogger, string, string, double, global::System.Exception?> ThrottledMessage =
            global::Microsoft.Extensions.Logging.LoggerMessage.Define<string, string, double>(
                global::Microsoft.Extensions.Logging.LogLevel.Debug,
                new global::Microsoft.Extensions.Logging.EventId(1403, "DatoCmsThrottled"),
                "DatoCMS request {HttpMethod} {UrlPath} waited {WaitMs} ms for the client-side rate limit");

        static partial void LogRetry(DatoCmsRetryOptions options, string reason, string code, int status, string? method, string? path, int attempt, global::System.TimeSpan delay, string? requestId)
        {
            var logger = options.Logger;
            if (logger != null && logger.IsEnabled(global::Microsoft.Extensions.Logging.LogLevel.Information))
            {
                RetryMessage(logger, method ?? "-", path ?? "-", code.Length > 0 ? code : reason, attempt, global::System.Math.Round(delay.TotalMilliseconds), requestId ?? "-", null);
            }
        }

        static partial void LogExhausted(DatoCmsRetryOptions options, string code, int status, string? method, string? path, int attempts, string? requestId)
        {
            var logger = options.Logger;
            if (logger != null && logger.IsEnabled(global::Microsoft.Extensions.Logging.LogLevel.Warning))
            {
                ExhaustedMessage(logger, method ?? "-", path ?? "-", code.Length > 0 ? code : "network", attempts, requestId ?? "-", null);
            }
        }

        static partial void LogThrottled(DatoCmsRetryOptions options, string? method, string? path, global::System.TimeSpan wait)
        {
            var logger = options.Logger;
            if (logger != null && logger.IsEnabled(global::Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                ThrottledMessage(logger, method ?? "-", path ?? "-", global::System.Math.Round(wait.TotalMilliseconds), null);
            }
        }
    }
}
