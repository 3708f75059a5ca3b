using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>One <c>###### `CODE`</c> entry of the documentation page, its text already plain.</summary>
internal sealed record PageEntry(string Code, SourceSpan HeadingSpan, string Description, string Summary);
