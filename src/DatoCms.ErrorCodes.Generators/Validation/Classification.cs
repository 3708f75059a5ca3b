using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// The overlay's entry for one code after the per-file checks: a retry kind it understood, and a
/// family spelled correctly (null otherwise). The C# names are still as written: they are checked
/// when they are allocated, against every other code's.
/// </summary>
internal sealed record Classification(
    string Code,
    SourceSpan Span,
    DatoRetryKind RetryKind,
    YamlScalar? Family,
    YamlScalar? MemberName,
    YamlScalar? ExceptionName,
    string? Summary);
