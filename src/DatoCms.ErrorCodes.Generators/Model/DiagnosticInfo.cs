using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// A diagnostic as plain data, so the pipeline stays equatable; turned into a Roslyn
/// <see cref="Diagnostic"/> only at the output boundary.
/// </summary>
internal sealed record DiagnosticInfo(string DescriptorId, SourceSpan? Span, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceSpan? span, params object?[] messageArgs) =>
        new(descriptor.Id, span, messageArgs.Select(Format).ToEquatableArray());

    // Line numbers and limits read the same on every machine, whatever its culture.
    private static string Format(object? argument) =>
        argument is IFormattable formattable ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : argument?.ToString() ?? string.Empty;

    public Diagnostic ToDiagnostic()
    {
        var descriptor = Diagnostics.DiagnosticDescriptors.ById(DescriptorId);
        var location = Span is { } span
            ? Location.Create(
                span.FilePath,
                new TextSpan(span.Start, span.Length),
                new LinePositionSpan(new LinePosition(span.Line, span.Column), new LinePosition(span.EndLine, span.EndColumn)))
            : Location.None;
        return Diagnostic.Create(descriptor, location, MessageArgs.Cast<object>().ToArray());
    }
}
