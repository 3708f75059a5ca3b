using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>The overlay's classification of one code, as written; absent values are null.</summary>
/// <param name="Code">The code, as the key of its entry.</param>
/// <param name="Span">Where the key is.</param>
/// <param name="RetryKind">The retry kind as written (the short form <c>CODE: backoff</c> included).</param>
/// <param name="Family">The family as written.</param>
/// <param name="MemberName">The C# member the overlay asks for.</param>
/// <param name="ExceptionName">The exception type the overlay asks for.</param>
/// <param name="Summary">The overlay's own one-sentence summary.</param>
/// <param name="Description">Our own description, for a code the API sends that the page lacks.</param>
internal sealed record OverlayCode(
    string Code,
    SourceSpan Span,
    YamlScalar? RetryKind,
    YamlScalar? Family,
    YamlScalar? MemberName,
    YamlScalar? ExceptionName,
    string? Summary,
    string? Description = null);

/// <summary>One technical limit as written in the overlay; <paramref name="Value"/> is null when it is not a single value.</summary>
internal sealed record OverlayLimit(string Key, SourceSpan KeySpan, YamlScalar? Value);

/// <summary>What the overlay reader found; <see cref="IsReadable"/> is false when the YAML itself is broken.</summary>
internal sealed record Overlay(
    bool IsReadable,
    YamlScalar? DocsUrl,
    IReadOnlyList<OverlayCode> Codes,
    IReadOnlyList<OverlayLimit> Limits,
    IReadOnlyList<DiagnosticInfo> Diagnostics);
