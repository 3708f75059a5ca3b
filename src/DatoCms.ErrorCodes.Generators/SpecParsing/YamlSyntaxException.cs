using System;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>Raised inside the YAML reader only; the reader turns it into a located DATO101.</summary>
internal sealed class YamlSyntaxException : Exception
{
    public YamlSyntaxException(string message, SourceSpan span)
        : base(message) => Span = span;

    public SourceSpan Span { get; }
}
