using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Diagnostics;

/// <summary>
/// The spec diagnostics (DATO1xx). Each one has a page under docs/diagnostics and a row in the
/// release tracking: AnalyzerReleases.Shipped.md for the rules of 0.1.0, AnalyzerReleases.Unshipped.md
/// for rules added since, until they ship. They are located in the spec files, so their severities are
/// changed in a .globalconfig (an .editorconfig section applies to C# files only).
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "DatoCms.Spec";

    public const string HelpLinkBase = "https://github.com/datocms-errorcodes/DatoCms.ErrorCodes.Generators/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor OverlaySyntaxError = Create(
        "DATO101",
        "The overlay file cannot be read",
        "The overlay cannot be read: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateCode = Create(
        "DATO102",
        "An error code appears twice on the page",
        "Error code '{0}' is already defined on line {1}; this entry is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MalformedHeading = Create(
        "DATO103",
        "A level-6 heading is not an error code",
        "The heading '{0}' is not an error-code entry; write it as ###### `UPPER_SNAKE_CODE`",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameClash = Create(
        "DATO104",
        "Two error codes map to the same C# name",
        "Error code '{0}' maps to the C# name '{1}', which is already used by '{2}'; set 'member' (and 'exception') for it in the overlay",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidName = Create(
        "DATO105",
        "A C# name from the spec is not a valid identifier",
        "'{0}' is not a valid C# identifier for error code '{1}' ({2}); the default name '{3}' is used instead",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OverlayCodeNotOnPage = Create(
        "DATO106",
        "The overlay classifies a code that is not on the page",
        "The overlay classifies '{0}', but the error-code page has no such entry; the entry is ignored{1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CodeMissingFromOverlay = Create(
        "DATO107",
        "An error code has no classification in the overlay",
        "Error code '{0}' is not in the overlay; it is generated as not transient (retry: none) with no family",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EmptyDescription = Create(
        "DATO108",
        "An error code has no description",
        "Error code '{0}' has no description text on the page",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownRetryKind = Create(
        "DATO109",
        "Unknown retry kind",
        "Retry kind '{0}' of '{1}' is not one of none, backoff, rate-limit, refresh; 'none' is used",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidFamily = Create(
        "DATO110",
        "Invalid family name",
        "Family '{0}' of '{1}' {2}; the code is generated without a family",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownOverlayKey = Create(
        "DATO111",
        "Unknown key in the overlay",
        "Unknown key '{0}' in {1}; expected one of: {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidLimit = Create(
        "DATO112",
        "Invalid technical limit",
        "Limit '{0}' is ignored: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingPage = Create(
        "DATO113",
        "No error-code page",
        "An overlay is present but no error-code page is: add the page as an AdditionalFile named datocms-cma-errors.md or with DatoCmsSpec=\"errors\"",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MultiplePages = Create(
        "DATO114",
        "More than one error-code page",
        "More than one error-code page is present; '{0}' is used and '{1}' is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoCodesOnPage = Create(
        "DATO115",
        "The page has no error codes",
        "The error-code page has no ###### `CODE` entries, so DatoCmsErrorCode has only Unknown",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidNamespace = Create(
        "DATO116",
        "Invalid namespace option",
        "DatoCmsErrorCodesNamespace '{0}' is not a valid C# namespace; '{1}' is used",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SpanApisUnavailable = Create(
        "DATO117",
        "Span-based parsing is not generated",
        "System.ReadOnlySpan<T> is not available to this project, so TryParse(ReadOnlySpan<char>) and TryParseUtf8 are not generated; reference System.Memory to get them",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingRequiredLimits = Create(
        "DATO118",
        "Limits the retry handler needs are missing",
        "The overlay does not set {0}; today's values are used ({1})",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ExceptionNameTakenByFramework = Create(
        "DATO119",
        "An exception name is taken by .NET",
        "The exception for {0} would be named {1}, like a .NET type in a namespace most files import; it is named {2} so that neither becomes ambiguous",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor RuntimeNotGenerated = Create(
        "DATO120",
        "Part of the runtime API is not generated",
        "{0} not generated: {1}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidDocsUrl = Create(
        "DATO121",
        "Invalid documentation URL",
        "The overlay's docs-url is ignored: {0}; the doc links are based on {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownSpecMetadata = Create(
        "DATO122",
        "Unknown DatoCmsSpec metadata value",
        "The AdditionalFile '{0}' has DatoCmsSpec=\"{1}\", which is not one of {2}; the file is not part of the spec",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RedisRateLimiterNotGenerated = Create(
        "DATO125",
        "The Redis rate limiter is not generated",
        "StackExchange.Redis is referenced, but DatoCmsRedisRateLimiter is not generated: {0}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor IntegrationNotGenerated = Create(
        "DATO130",
        "An optional integration is not generated",
        "{0} not generated: {1}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "DATO199",
        "The generator failed",
        "DatoCms.ErrorCodes.Generators failed while {0}: {1}. Please report this with the spec that caused it.",
        DiagnosticSeverity.Error);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        OverlaySyntaxError, DuplicateCode, MalformedHeading, NameClash, InvalidName, OverlayCodeNotOnPage,
        CodeMissingFromOverlay, EmptyDescription, UnknownRetryKind, InvalidFamily, UnknownOverlayKey,
        InvalidLimit, MissingPage, MultiplePages, NoCodesOnPage, InvalidNamespace, SpanApisUnavailable,
        MissingRequiredLimits, ExceptionNameTakenByFramework, RuntimeNotGenerated, InvalidDocsUrl, UnknownSpecMetadata,
        RedisRateLimiterNotGenerated, IntegrationNotGenerated, GeneratorFailure,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ByIdMap = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => ByIdMap[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
