using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>Reads a code's retry kind from the overlay. Owns DATO109 (a kind it does not know).</summary>
internal static class RetryKindRule
{
    /// <summary>The kind written, or <see cref="DatoRetryKind.None"/> when absent or unknown (then reported).</summary>
    public static DatoRetryKind Read(YamlScalar? value, string code, List<DiagnosticInfo> diagnostics)
    {
        if (value is null)
        {
            return DatoRetryKind.None;
        }

        if (DatoRetryKindNames.TryParse(value.Value, out var kind))
        {
            return kind;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownRetryKind, value.Span, value.Value, code));
        return DatoRetryKind.None;
    }
}
