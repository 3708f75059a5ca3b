namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// What one AdditionalFile contributes to the spec: the file itself, or a problem to report about it
/// (metadata we do not understand, or a failure while reading it).
/// </summary>
internal sealed record SpecFileCandidate(SpecFile? File, DiagnosticInfo? Problem);
