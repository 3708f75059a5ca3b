using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>What is inside the .nupkg: the layout NuGet and the compiler rely on, and its metadata.</summary>
[Collection(PackageCollection.Name)]
public class PackageContentTests(PackedPackage package)
{
    private ZipArchive Open() => ZipFile.OpenRead(package.PackagePath);

    private XElement Metadata()
    {
        using var archive = Open();
        using var stream = archive.GetEntry(PackedPackage.PackageId + ".nuspec")!.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    [Fact]
    public void HoldsBothAssembliesAsAnalyzersTheBuildFilesTheSpecAndTheReadyToRunCopyAndNoLibraryAssembly()
    {
        package.PackResult.ShouldSucceed();
        using var archive = Open();
        var files = archive.Entries
            .Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                "DatoCms.ErrorCodes.Generators.nuspec",
                "README.md",
                "analyzers/dotnet/cs/DatoCms.ErrorCodes.CodeFixes.dll",
                "analyzers/dotnet/cs/DatoCms.ErrorCodes.Generators.dll",
                "build/DatoCms.ErrorCodes.Generators.props",
                "build/DatoCms.ErrorCodes.Generators.targets",
                "buildTransitive/DatoCms.ErrorCodes.Generators.props",
                "buildTransitive/DatoCms.ErrorCodes.Generators.targets",
                "spec/datocms-cma-errors.md",
                "spec/datocms-cma-errors.yaml",
                "tools/readytorun/DatoCms.ErrorCodes.Generators.ReadyToRun.props",
                "tools/readytorun/linux-x64/DatoCms.ErrorCodes.Generators.dll",
            },
            files);
    }

    [Fact]
    public void MetadataMakesItADevelopmentDependencyWithoutDependencies()
    {
        var metadata = Metadata();

        Assert.Equal(PackedPackage.PackageId, Value(metadata, "id"));
        Assert.Equal(package.Version, Value(metadata, "version"));
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Equal("datocms cms error-codes source-generator roslyn analyzers retry", Value(metadata, "tags"));
        Assert.StartsWith("Compile-time code for the DatoCMS Content Management API's error codes", Value(metadata, "description"), StringComparison.Ordinal);
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal("https://github.com/datocms-errorcodes/DatoCms.ErrorCodes.Generators", repository.Attribute("url")?.Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }

    [Fact]
    public void BundledSpecAndReadmeAreTheRepositoryFiles()
    {
        using var archive = Open();
        foreach (var (entry, source) in new[]
        {
            ("spec/datocms-cma-errors.md", RepositoryRoot.File("spec", "datocms-cma-errors.md")),
            ("spec/datocms-cma-errors.yaml", RepositoryRoot.File("spec", "datocms-cma-errors.yaml")),
            ("README.md", RepositoryRoot.File("docs", "package.md")),
        })
        {
            using var reader = new StreamReader(archive.GetEntry(entry)!.Open());
            Assert.Equal(File.ReadAllText(source), reader.ReadToEnd());
        }
    }

    [Theory]
    [InlineData("DatoCms.ErrorCodes.Generators.dll", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "netstandard")]
    [InlineData("DatoCms.ErrorCodes.CodeFixes.dll", "DatoCms.ErrorCodes.Generators", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces", "netstandard")]
    public void AnalyzerAssembliesLoadInRoslyn48AndLater(string assembly, params string[] expectedReferences)
    {
        var references = AssemblyReferences(assembly);

        // Only the compiler's own assemblies (no Workspaces for the generator: RS1038), at the lowest version we support.
        Assert.Equal(expectedReferences, references.Keys.Where(n => !n.StartsWith("System.", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(references.Where(r => r.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)), r => Assert.Equal("4.8.0.0", r.Value));
        Assert.Equal("2.0.0.0", references["netstandard"]);

        // The IDE supplies System.* from its own Roslyn 4.8 set (Immutable 7.0, Composition 7.0): a
        // reference to anything newer would fail to bind there and the assembly would silently not load.
        Assert.All(
            references.Where(r => r.Key.StartsWith("System.", StringComparison.Ordinal)),
            r => Assert.True(new Version(r.Value) <= new Version(7, 0, 0, 0), r.Key + " " + r.Value));
    }

    private System.Collections.Generic.Dictionary<string, string> AssemblyReferences(string assembly)
    {
        using var archive = Open();
        using var stream = new MemoryStream();
        using (var entry = archive.GetEntry("analyzers/dotnet/cs/" + assembly)!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .ToDictionary(r => reader.GetString(r.Name), r => r.Version.ToString());
    }
}
