using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Diagnostics;

/// <summary>
/// The usage rules (DATO00x): how callers handle the generated error API and set up its clients. Each has a page under
/// docs/diagnostics and a row in the release tracking: AnalyzerReleases.Shipped.md for the rules
/// of 0.1.0, AnalyzerReleases.Unshipped.md for rules added since, until they ship.
/// </summary>
internal static class UsageDiagnosticDescriptors
{
    public const string Category = "DatoCms.Usage";

    public static readonly DiagnosticDescriptor TransientCodesNotHandledInSwitch = Create(
        "DATO001",
        "Switch over an API error code skips the transient codes",
        "This switch handles specific error codes but not the transient {0}; handle them, check IsTransient first, or rethrow in the default case",
        DiagnosticSeverity.Warning,
        "A switch on DatoCmsErrorCode that lists some codes and lets the rest fall to a default that neither rethrows nor checks IsTransient silently drops errors that would have succeeded if retried.");

    public static readonly DiagnosticDescriptor SwallowedTransientError = Create(
        "DATO002",
        "Catch swallows transient API errors",
        "This catch swallows {0} {1}, so transient errors that a retry would fix are lost",
        DiagnosticSeverity.Warning,
        "A catch of the DatoCMS API exception that neither rethrows, wraps and throws, filters, nor looks at IsTransient, RetryKind or Code turns rate limits and temporary conflicts into silent failures; so does a catch that lets only transient errors in (a filter on IsTransient, the transient base type) and neither rethrows nor retries them. Logging alone does not count as handling.");

    /// <summary>DATO002's second argument where any API error can reach the catch.</summary>
    public const string SwallowedAnyError = "without rethrowing or checking IsTransient";

    /// <summary>DATO002's second argument where only transient errors reach the catch: checking IsTransient again would not help.</summary>
    public const string SwallowedOnlyTransient = "(only transient errors reach it) without rethrowing or retrying";

    public static readonly DiagnosticDescriptor RetryOnEveryApiError = Create(
        "DATO003",
        "Retry policy retries every DatoCMS API error",
        "This retry handles every {0} without checking IsTransient, so permanent errors such as validation and permission failures are retried too",
        DiagnosticSeverity.Warning,
        "A Polly retry (or hedging) that handles DatoCmsApiException as a whole repeats requests that can never succeed: invalid fields, missing permissions, stale versions. Handle only transient errors (ex => ex.IsTransient), DatoCmsTransientApiException, or specific codes.");

    public static readonly DiagnosticDescriptor RetryWithoutDelay = Create(
        "DATO004",
        "Retry loop does not wait before retrying",
        "This catch retries after {0} without waiting; wait for ex.RateLimitReset or back off before the next attempt",
        DiagnosticSeverity.Warning,
        "Retrying a transient DatoCMS error at once mostly fails again and, under the rate limit, turns one 429 into a storm of them. Wait for X-RateLimit-Reset (ex.RateLimitReset) or back off.");

    public static readonly DiagnosticDescriptor RawCodeStringComparison = Create(
        "DATO005",
        "Compare the error code, not its raw string",
        "Compare {0} with {1} instead of the raw code {2}",
        DiagnosticSeverity.Info,
        "The generated enum makes the comparison checked by the compiler and renamed with the spec; a string literal is neither.");

    public static readonly DiagnosticDescriptor UnknownCodeLiteral = Create(
        "DATO006",
        "String is not an error code of the spec",
        "\"{0}\" is not an error code of the spec{1}",
        DiagnosticSeverity.Warning,
        "A string compared with an error code, or parsed as one, that the spec does not contain never matches: it is usually a typo. Codes the spec does not have yet can be accepted with the datocms_dato006_accepted_codes option.");

    public static readonly DiagnosticDescriptor StackedResilienceHandlers = Create(
        "DATO007",
        "Two resilience handlers on one HTTP client",
        "This client already gets {0}; adding {1} nests two retry loops and puts the standard circuit breaker in front of the rate limit: keep one of them",
        DiagnosticSeverity.Warning,
        "AddStandardResilienceHandler and the DatoCMS handler (AddDatoCmsResilienceHandler, or the retry handler AddDatoCmsHttpClient adds) on one IHttpClientBuilder multiply the attempts of one call, let the standard retry repeat POSTs after a gateway error and open its breaker on 429s. Use AddDatoCmsResilienceHandler alone, or keep the standard handler corrected with ConfigureForDatoCms.");

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: DiagnosticDescriptors.HelpLinkBase + id + ".md");
}
