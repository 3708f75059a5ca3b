namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>The names of the generated types: the public contract that tests, docs and analyzers share.</summary>
internal static class GeneratedNames
{
    public const string ErrorCode = "DatoCmsErrorCode";
    public const string ErrorCodes = "DatoCmsErrorCodes";
    public const string RetryKind = "DatoCmsRetryKind";
    public const string ErrorFamily = "DatoCmsErrorFamily";
    public const string ErrorInfo = "DatoCmsErrorInfo";
    public const string TransientAttribute = "DatoCmsTransientAttribute";
    public const string Limits = "DatoCmsLimits";
    public const string ApiException = "DatoCmsApiException";
    public const string TransientApiException = "DatoCmsTransientApiException";
    public const string ApiError = "DatoCmsApiError";
    public const string ErrorBodyReader = "DatoCmsErrorBodyReader";
    public const string RateLimitHeaders = "DatoCmsRateLimitHeaders";
    public const string HttpResponseExtensions = "DatoCmsHttpResponseExtensions";
    public const string RetryOptions = "DatoCmsRetryOptions";
    public const string RetryAttempt = "DatoCmsRetryAttempt";
    public const string RetryPolicy = "DatoCmsRetryPolicy";
    public const string RateLimiter = "DatoCmsRateLimiter";
    public const string RetryHandler = "DatoCmsRetryHandler";
    public const string Retry = "DatoCmsRetry";
    public const string Telemetry = "DatoCmsTelemetry";
    public const string Metrics = "DatoCmsMetrics";
    public const string Logging = "DatoCmsLogging";
    public const string RetryOptionsLogger = "DatoCmsRetryOptionsLogger";
    public const string Resilience = "DatoCmsResilience";
    public const string RetryDecision = "DatoCmsRetryDecision";
    public const string ThrottleStrategy = "DatoCmsThrottleStrategy";
    public const string ThrottleStrategyOptions = "DatoCmsThrottleStrategyOptions";
    public const string ResilienceOptions = "DatoCmsResilienceOptions";
    public const string ResilienceOptionsValidator = "DatoCmsResilienceOptionsValidator";
    public const string Throttles = "DatoCmsThrottles";
    public const string ResilienceHttpClientBuilderExtensions = "DatoCmsResilienceHttpClientBuilderExtensions";
    public const string ClientOptions = "DatoCmsClientOptions";
    public const string HttpClientServiceCollectionExtensions = "DatoCmsHttpClientServiceCollectionExtensions";
    public const string Projects = "DatoCmsProjects";

    /// <summary>Type names a code's exception must not take, because the runtime uses them.</summary>
    public static readonly string[] Reserved =
    {
        ErrorCode, ErrorCodes, RetryKind, ErrorFamily, ErrorInfo, TransientAttribute, Limits, ApiException,
        TransientApiException, ApiError, ErrorBodyReader, RateLimitHeaders, HttpResponseExtensions, RetryOptions,
        RetryAttempt, RetryPolicy, RateLimiter, RetryHandler, Retry,
        Telemetry, Resilience, RetryDecision, ThrottleStrategy, ThrottleStrategyOptions, ResilienceOptions,
        ResilienceOptionsValidator, Throttles, ResilienceHttpClientBuilderExtensions, ClientOptions,
        HttpClientServiceCollectionExtensions, Projects,
    };
}
