namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// The names of the generated types and of the members other tools look for: the public contract
/// that the validation, the emitters, the analyzers, the code fixes and the tests share. The
/// code-fix assembly reads it through InternalsVisibleTo (it already references this assembly and
/// ships next to it), so there is exactly one copy of each name.
/// </summary>
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
    public const string RateLimitTicket = "DatoCmsRateLimitTicket";
    public const string RateLimitShare = "DatoCmsRateLimitShare";
    public const string AdaptiveRateLimiter = "DatoCmsAdaptiveRateLimiter";
    public const string RateLimitLease = "DatoCmsRateLimitLease";

    /// <summary>The second part of <see cref="RetryOptions"/>, with the RateLimiter option (a template, not a type).</summary>
    public const string RetryOptionsRateLimiting = RetryOptions + ".RateLimiting";
    public const string RetryHandler = "DatoCmsRetryHandler";
    public const string Retry = "DatoCmsRetry";
    public const string RequestInfo = "DatoCmsRequestInfo";
    public const string RetryFaults = "DatoCmsRetryFaults";
    public const string TimeBudget = "DatoCmsTimeBudget";
    public const string JobOptions = "DatoCmsJobOptions";
    public const string JobFollower = "DatoCmsJobFollower";
    public const string RejectedSettings = "DatoCmsRejectedSettings";
    public const string Telemetry = "DatoCmsTelemetry";
    public const string Metrics = "DatoCmsMetrics";
    public const string Logging = "DatoCmsLogging";
    public const string RetryOptionsLogger = "DatoCmsRetryOptionsLogger";
    public const string OpenTelemetryBuilderExtensions = "DatoCmsOpenTelemetryBuilderExtensions";
    public const string Resilience = "DatoCmsResilience";
    public const string RetryDecision = "DatoCmsRetryDecision";
    public const string RetryBudget = "DatoCmsRetryBudget";
    public const string ThrottleStrategy = "DatoCmsThrottleStrategy";
    public const string ThrottleStrategyOptions = "DatoCmsThrottleStrategyOptions";
    public const string ResilienceOptions = "DatoCmsResilienceOptions";
    public const string ResilienceOptionsValidator = "DatoCmsResilienceOptionsValidator";
    public const string Throttles = "DatoCmsThrottles";
    public const string ResilienceHttpClientBuilderExtensions = "DatoCmsResilienceHttpClientBuilderExtensions";
    public const string ClientOptions = "DatoCmsClientOptions";
    public const string HttpClientServiceCollectionExtensions = "DatoCmsHttpClientServiceCollectionExtensions";

    /// <summary>The second part of <see cref="HttpClientServiceCollectionExtensions"/>, with the IConfigurationSection overloads (a template, not a type).</summary>
    public const string HttpClientServiceCollectionExtensionsConfiguration = HttpClientServiceCollectionExtensions + ".Configuration";
    public const string Projects = "DatoCmsProjects";
    public const string JobFollowingHandler = "DatoCmsJobFollowingHandler";
    public const string RedisRateLimiter = "DatoCmsRedisRateLimiter";
    public const string RedisRateLimiterOptions = "DatoCmsRedisRateLimiterOptions";
    public const string RedisRateLimitScripts = "DatoCmsRedisRateLimitScripts";
    public const string RedisRateLimitHandler = "DatoCmsRedisRateLimitHandler";
    public const string RedisRateLimitHttpClientBuilderExtensions = "DatoCmsRedisRateLimitHttpClientBuilderExtensions";

    /// <summary>The Redis limiters of a container's clients, by name (in the file of <see cref="RedisRateLimitHttpClientBuilderExtensions"/>).</summary>
    public const string RedisRateLimiters = "DatoCmsRedisRateLimiters";

    /// <summary>The logging half of <see cref="RedisRateLimitHttpClientBuilderExtensions"/> (a template, not a type).</summary>
    public const string RedisRateLimitLogging = RedisRateLimitHttpClientBuilderExtensions + ".Logging";

    /// <summary><see cref="TransientAttribute"/> as attribute usages write it, without the suffix.</summary>
    public const string TransientAttributeUsage = "DatoCmsTransient";

    /// <summary>The file that holds one sealed exception per code (it has no type of that name).</summary>
    public const string CodeExceptionsFile = "DatoCmsApiExceptions";

    /// <summary>The file that holds the parsing half of <see cref="ErrorCodes"/>.</summary>
    public const string ParsingFile = ErrorCodes + ".Parsing";

    /// <summary>The zero member of <see cref="ErrorCode"/> and of <see cref="ErrorFamily"/>.</summary>
    public const string UnknownMember = "Unknown";

    /// <summary>What <c>ToApiString()</c> returns for <see cref="UnknownMember"/>.</summary>
    public const string UnknownApiCode = "UNKNOWN";

    /// <summary>The <c>TimeSpan</c> that <see cref="Limits"/> adds next to the window's length in seconds.</summary>
    public const string RateLimitWindowMember = "RateLimitWindow";

    /// <summary>The generated file of <paramref name="typeOrFile"/>, as the generator names its sources.</summary>
    public static string HintName(string typeOrFile) => typeOrFile + ".g.cs";

    /// <summary>Type names a code's exception must not take, because the runtime uses them.</summary>
    public static readonly string[] Reserved =
    {
        ErrorCode, ErrorCodes, RetryKind, ErrorFamily, ErrorInfo, TransientAttribute, Limits, ApiException,
        TransientApiException, ApiError, ErrorBodyReader, RateLimitHeaders, HttpResponseExtensions, RetryOptions,
        RetryAttempt, RetryPolicy, RateLimiter, RetryHandler, Retry,
        RequestInfo, RetryFaults, TimeBudget, JobOptions, JobFollower, RejectedSettings,
        Telemetry, Resilience, RetryDecision, ThrottleStrategy, ThrottleStrategyOptions, ResilienceOptions,
        ResilienceOptionsValidator, Throttles, ResilienceHttpClientBuilderExtensions, ClientOptions,
        HttpClientServiceCollectionExtensions, Projects, JobFollowingHandler,
        RateLimitTicket, RateLimitShare, AdaptiveRateLimiter, RateLimitLease,
        RedisRateLimiter, RedisRateLimiterOptions, RedisRateLimitScripts, RedisRateLimitHandler, RedisRateLimitHttpClientBuilderExtensions,
        RedisRateLimiters,
    };

    /// <summary>Members of the generated API that the analyzers and code fixes recognise by name.</summary>
    public static class Members
    {
        /// <summary>The parsed code on <see cref="ApiException"/>, <see cref="ApiError"/> and <see cref="ErrorInfo"/>.</summary>
        public const string Code = "Code";

        /// <summary>The code as the API wrote it.</summary>
        public const string ApiCode = "ApiCode";

        public const string StatusCode = "StatusCode";

        public const string Errors = "Errors";

        public const string IsTransient = "IsTransient";

        public const string RetryKind = "RetryKind";

        public const string GetRetryKind = "GetRetryKind";

        public const string ToApiString = "ToApiString";

        public const string TryParse = "TryParse";

        /// <summary>The exception's lookup of one error by its code: an enum overload and a string one.</summary>
        public const string FindError = "FindError";
    }
}
