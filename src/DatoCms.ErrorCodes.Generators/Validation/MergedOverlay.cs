using System;
using System.Collections.Generic;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>Every overlay file layered into one, by <see cref="OverlayMerger"/>.</summary>
internal sealed class MergedOverlay
{
    /// <summary>False when any overlay's YAML is broken: then the checks that need a complete overlay stay quiet.</summary>
    public bool IsReadable { get; set; } = true;

    /// <summary>Every <c>docs-url</c>, in precedence order, acceptable or not.</summary>
    public List<YamlScalar> DocsUrls { get; } = new();

    public Dictionary<string, Classification> Codes { get; } = new(StringComparer.Ordinal);

    /// <summary>The codes of <see cref="Codes"/> in the order they first appear.</summary>
    public List<string> CodeOrder { get; } = new();

    /// <summary>Codes whose classification comes from the package's overlay alone.</summary>
    public HashSet<string> BundledOnlyCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Limits with a single value, in first-seen order; a later file replaces an earlier one's value.</summary>
    public List<OverlayLimit> Limits { get; } = new();

    /// <summary>The overlay read last (the one with the final say), or null when there is none.</summary>
    public string? LastPath { get; set; }
}
