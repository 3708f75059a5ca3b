using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Diagnostics;

/// <summary>
/// The usage rules (DATO00x): how callers handle the generated error API. Each has a page under
/// docs/diagnostics and an entry in AnalyzerReleases.Unshipped.md.
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

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: DiagnosticDescriptors.HelpLinkBase + id + ".md");
}
