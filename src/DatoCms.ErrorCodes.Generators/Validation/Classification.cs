using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// The overlay's entry for one code after the per-file checks: a retry kind it understood, and a
/// family spelled correctly (null otherwise). The C# names are still as written: they are checked
/// when they are allocated, against every other code's.
/// </summary>
/// <param name="Code">The code, as the key of its entry.</param>
/// <param name="Span">Where the key is.</param>
/// <param name="RetryKind">The retry kind, <see cref="DatoRetryKind.None"/> when absent or not understood.</param>
/// <param name="Family">The family when it is kebab-case, else null.</param>
/// <param name="MemberName">The C# member the overlay asks for, not checked yet.</param>
/// <param name="ExceptionName">The exception type the overlay asks for, not checked yet.</param>
/// <param name="Summary">The overlay's own one-sentence summary.</param>
/// <param name="Description">Our own description; with it the overlay defines a code that the page lacks.</param>
internal sealed record Classification(
    string Code,
    SourceSpan Span,
    DatoRetryKind RetryKind,
    YamlScalar? Family,
    YamlScalar? MemberName,
    YamlScalar? ExceptionName,
    string? Summary,
    string? Description)
{
    /// <summary>
    /// Whether the overlay says enough to generate the code without the page: a description, under
    /// a key shaped like a code of the page (UPPER_SNAKE_CASE).
    /// </summary>
    public bool DefinesCode => Description is { Length: > 0 } && MarkdownPageReader.IsCodeName(Code);
}
