using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>The overlay's classification of one code, as written; absent values are null.</summary>
internal sealed record OverlayCode(
    string Code,
    SourceSpan Span,
    YamlScalar? RetryKind,
    YamlScalar? Family,
    YamlScalar? MemberName,
    YamlScalar? ExceptionName,
    string? Summary);

/// <summary>One technical limit as written in the overlay; <paramref name="Value"/> is null when it is not a single value.</summary>
internal sealed record OverlayLimit(string Key, SourceSpan KeySpan, YamlScalar? Value);

/// <summary>What the overlay reader found; <see cref="IsReadable"/> is false when the YAML itself is broken.</summary>
internal sealed record Overlay(
    bool IsReadable,
    YamlScalar? DocsUrl,
    IReadOnlyList<OverlayCode> Codes,
    IReadOnlyList<OverlayLimit> Limits,
    IReadOnlyList<DiagnosticInfo> Diagnostics);
