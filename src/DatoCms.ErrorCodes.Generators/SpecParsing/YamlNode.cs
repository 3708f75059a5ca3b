using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.SpecParsing;

/// <summary>A node of the YAML subset the overlay uses: scalars and mappings, each located.</summary>
internal abstract record YamlNode(SourceSpan Span);

internal sealed record YamlScalar(string Value, bool IsQuoted, SourceSpan Span) : YamlNode(Span);

internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);

internal sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, SourceSpan Span) : YamlNode(Span);
