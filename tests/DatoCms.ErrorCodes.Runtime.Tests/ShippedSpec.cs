using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DatoCms.ErrorCodes.Runtime.Tests;

/// <summary>The shipped spec read independently of the generator: the oracle the generated code is checked against.</summary>
internal static partial class ShippedSpec
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "spec");

    /// <summary>Codes of the page's ###### `CODE` headings, in page order.</summary>
    public static IReadOnlyList<string> PageCodes { get; } = CodeHeading().Matches(File.ReadAllText(Path.Combine(Folder, "datocms-cma-errors.md"))).Select(m => m.Groups[1].Value).ToList();

    /// <summary>
    /// Codes the overlay defines with a description of its own because the page lacks them (the
    /// API sends them all the same), in overlay order: they follow the page's codes.
    /// </summary>
    public static IReadOnlyList<string> OverlayDefinedCodes { get; } = ((YamlMappingNode)Overlay()["codes"]).Children
        .Where(c => c.Value is YamlMappingNode entry && entry.Children.ContainsKey("description"))
        .Select(c => ((YamlScalarNode)c.Key).Value!)
        .Where(code => !PageCodes.Contains(code))
        .ToList();

    /// <summary>Every code the generated API knows: the page's, then the overlay's own.</summary>
    public static IReadOnlyList<string> AllCodes { get; } = PageCodes.Concat(OverlayDefinedCodes).ToList();

    /// <summary>The overlay's codes with their retry kind and family, read with YamlDotNet.</summary>
    public static IReadOnlyDictionary<string, (string Retry, string Family)> OverlayCodes { get; } = ReadOverlay();

    public static string DocsUrl { get; } = ((YamlScalarNode)Overlay()["docs-url"]).Value!;

    private static YamlMappingNode Overlay()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Folder, "datocms-cma-errors.yaml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static Dictionary<string, (string, string)> ReadOverlay()
    {
        var codes = (YamlMappingNode)Overlay()["codes"];
        return codes.Children.ToDictionary(
            c => ((YamlScalarNode)c.Key).Value!,
            c =>
            {
                var entry = (YamlMappingNode)c.Value;
                return (((YamlScalarNode)entry["retry"]).Value!, ((YamlScalarNode)entry["family"]).Value!);
            });
    }

    [GeneratedRegex(@"^###### `([A-Z0-9_]+)`\s*$", RegexOptions.Multiline)]
    private static partial Regex CodeHeading();
}
