using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>The validated spec (null when there is nothing to generate) and every problem found.</summary>
internal sealed record SpecResult(ErrorSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
