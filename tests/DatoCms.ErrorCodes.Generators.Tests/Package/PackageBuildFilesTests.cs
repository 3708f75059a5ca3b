using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Package;

/// <summary>
/// The compiler hands an analyzer only the MSBuild properties and item metadata that the build
/// declares as compiler-visible, so an option the code reads but the package's props forget
/// silently does nothing. These tests compare the option names in the code (every
/// build_property.* and build_metadata.* constant of the shipped assemblies) with the props.
/// </summary>
public class PackageBuildFilesTests
{
    private const string PropertyPrefix = "build_property.";
    private const string AdditionalFilesMetadataPrefix = "build_metadata.AdditionalFiles.";

    private static readonly string PackageProjectDirectory = Path.Combine(RepositoryFiles.Root, "src", "DatoCms.ErrorCodes.Package");

    private static XDocument LoadBuildFile(string name) =>
        XDocument.Load(Path.Combine(PackageProjectDirectory, "buildTransitive", name));

    /// <summary>
    /// Every constant string of the generator/analyzer and code-fix assemblies that names a compiler
    /// option, except the repository's internal switches (a leading underscore, MSBuild's mark of a
    /// private property, such as <see cref="GeneratorOptions.OmitTemplatesProperty"/>), which the package never sets.
    /// </summary>
    private static IReadOnlyList<string> OptionNamesInCode(string prefix) =>
        new[] { typeof(DatoCmsErrorCodesGenerator).Assembly, typeof(DatoCms.ErrorCodes.CodeFixes.TransientSwitchCodeFix).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith(prefix, StringComparison.Ordinal))
            .Select(v => v.Substring(prefix.Length))
            .Where(v => !v.StartsWith("_", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string> Declared(string itemType, Func<XElement, string?> name) =>
        LoadBuildFile("DatoCms.ErrorCodes.Generators.props")
            .Descendants(itemType)
            .Select(name)
            .Select(v => v ?? string.Empty)
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void TheCodeReadsTheOptionsThisTestKnowsAbout()
    {
        // Guards the reflection below: if the constants moved somewhere it cannot see, the comparison would pass vacuously.
        Assert.Subset(
            new HashSet<string>(OptionNamesInCode(PropertyPrefix)),
            new HashSet<string> { "DatoCmsDato001Scope", "DatoCmsDato006AcceptedCodes", "DatoCmsErrorCodesNamespace", "DatoCmsErrorCodesPublic" });
        Assert.Equal(new[] { "DatoCmsSpec", "DatoCmsSpecBundled" }, OptionNamesInCode(AdditionalFilesMetadataPrefix));
    }

    [Fact]
    public void PropsDeclareEveryPropertyTheGeneratorAndAnalyzersRead() =>
        Assert.Equal(OptionNamesInCode(PropertyPrefix), Declared("CompilerVisibleProperty", e => (string?)e.Attribute("Include")));

    [Fact]
    public void PropsDeclareEveryAdditionalFilesMetadataTheGeneratorReads()
    {
        var declared = LoadBuildFile("DatoCms.ErrorCodes.Generators.props").Descendants("CompilerVisibleItemMetadata").ToList();
        Assert.All(declared, e => Assert.Equal("AdditionalFiles", (string?)e.Attribute("Include")));
        Assert.Equal(OptionNamesInCode(AdditionalFilesMetadataPrefix), Declared("CompilerVisibleItemMetadata", e => (string?)e.Attribute("MetadataName")));
    }

    [Fact]
    public void BundledSpecItemsCarryTheMetadataTheGeneratorRecognises()
    {
        var bundled = LoadBuildFile("DatoCms.ErrorCodes.Generators.targets")
            .Descendants("AdditionalFiles")
            .Where(e => e.Attribute("Include") is not null)
            .Select(e => (
                File: ((string)e.Attribute("Include")!).Split('/', '\\', ')').Last(),
                Kind: (string?)e.Attribute(GeneratorOptions.SpecMetadata.Substring(AdditionalFilesMetadataPrefix.Length)),
                Bundled: (string?)e.Attribute(GeneratorOptions.SpecBundledMetadata.Substring(AdditionalFilesMetadataPrefix.Length))))
            .ToList();

        Assert.Equal(
            new[] { ("datocms-cma-errors.md", (string?)"errors", (string?)"true"), ("datocms-cma-errors.yaml", "overlay", "true") },
            bundled);
    }

    [Fact]
    public void BundledSpecFilesAreTheRepositorySpec()
    {
        var packed = XDocument.Load(Path.Combine(PackageProjectDirectory, "DatoCms.ErrorCodes.Package.csproj"))
            .Descendants("None")
            .Where(e => (string?)e.Attribute("PackagePath") == "spec")
            .Select(e => Path.GetFullPath(Path.Combine(PackageProjectDirectory, ((string)e.Attribute("Include")!).Replace('\\', Path.DirectorySeparatorChar))))
            .OrderBy(p => p, StringComparer.Ordinal);

        Assert.Equal(new[] { RepositoryFiles.SpecPagePath, RepositoryFiles.SpecOverlayPath }, packed);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/package.md")]
    public void OptionsTablesListEveryProperty(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, document));
        var missing = OptionNamesInCode(PropertyPrefix).Append("DatoCmsUseBundledSpec").Where(p => !text.Contains("| `" + p + "` |", StringComparison.Ordinal));
        Assert.Empty(missing);
    }
}
