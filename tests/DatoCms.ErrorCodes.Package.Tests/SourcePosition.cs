using System;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>Where a snippet starts in a consumer's source file, as the compiler reports it (1-based line and column).</summary>
internal static class SourcePosition
{
    public static (int Line, int Column) Of(string source, string snippet)
    {
        var index = source.IndexOf(snippet, StringComparison.Ordinal);
        if (index < 0 || source.IndexOf(snippet, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{snippet}' must occur exactly once in the source.", nameof(snippet));
        }

        var before = source.AsSpan(0, index);
        var line = before.Count('\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
