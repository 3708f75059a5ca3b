using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// Generator diagnostics as (file name, 1-based line, id, severity, message) rows, so a test states
/// exactly where and what was reported. A diagnostic without a location has file "" and line 0.
/// </summary>
internal static class DiagnosticRows
{
    public static (string File, int Line, string Id, DiagnosticSeverity Severity, string Message)[] Of(GeneratorRun run) =>
        run.Diagnostics
            .Select(d => (
                Path.GetFileName(d.Location.GetLineSpan().Path ?? string.Empty),
                d.Location == Location.None ? 0 : d.Location.GetLineSpan().StartLinePosition.Line + 1,
                d.Id,
                d.Severity,
                d.GetMessage(CultureInfo.InvariantCulture)))
            .ToArray();
}
