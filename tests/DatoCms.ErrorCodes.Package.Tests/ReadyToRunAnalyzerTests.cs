using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// The ReadyToRun copy of the generator: packed outside analyzers/, precompiled, the same assembly
/// as the IL one; and given to the compiler instead of the IL one only where it fits (the .NET
/// SDK's compiler on linux-x64), in command-line and design-time builds, with the same diagnostics.
/// </summary>
[Collection(PackageCollection.Name)]
public class ReadyToRunAnalyzerTests(PackedPackage package, ITestOutputHelper output)
{
    private const string IlAnalyzer = "{package}/analyzers/dotnet/cs/DatoCms.ErrorCodes.Generators.dll";
    private const string ReadyToRunAnalyzer = "{package}/tools/readytorun/linux-x64/DatoCms.ErrorCodes.Generators.dll";
    private static readonly string Publisher = ConsumerSources.Publisher("Precompiled");

    private const string CodeFixes = "{package}/analyzers/dotnet/cs/DatoCms.ErrorCodes.CodeFixes.dll";

    /// <summary>Where the .NET SDK's compiler gets the copy: this test run's own platform decides what the builds below expect.</summary>
    private static bool ThisSdkTakesTheCopy =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.OSArchitecture == Architecture.X64;

    [Fact]
    public void PackedCopyIsPrecompiledAndOtherwiseTheSameAssemblyAsTheAnalyzer()
    {
        package.PackResult.ShouldSucceed();
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var il = Read(archive, "analyzers/dotnet/cs/DatoCms.ErrorCodes.Generators.dll");
        using var precompiled = Read(archive, "tools/readytorun/linux-x64/DatoCms.ErrorCodes.Generators.dll");

        Assert.Equal(0, il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        Assert.True(precompiled.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "The copy carries no ReadyToRun header.");
        Assert.Equal(Identity(il), Identity(precompiled));
        Assert.Equal(References(il), References(precompiled));

        // Nothing else that the compiler would load: NuGet passes every assembly under analyzers/ to it.
        Assert.Equal(
            new[] { "analyzers/dotnet/cs/DatoCms.ErrorCodes.CodeFixes.dll", "analyzers/dotnet/cs/DatoCms.ErrorCodes.Generators.dll" },
            archive.Entries.Select(e => e.FullName).Where(n => n.StartsWith("analyzers/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal));

        using var props = archive.GetEntry("tools/readytorun/DatoCms.ErrorCodes.Generators.ReadyToRun.props")!.Open();
        var properties = XDocument.Load(props).Descendants().Where(e => !e.HasElements).ToDictionary(e => e.Name.LocalName, e => e.Value);
        Assert.Equal("linux-x64", properties["_DatoCmsReadyToRunRuntimeIdentifier"]);
        Assert.Matches(@"^\d+\.\d+\.\d+", properties["_DatoCmsReadyToRunRuntimeVersion"]);
    }

    [Fact]
    public void CompilerGetsTheCopyOnlyWhereItFitsAndReportsTheSameDiagnostics()
    {
        using var workspace = package.CreateWorkspace(output);
        workspace.WriteNet10Project("Precompiled/Precompiled.csproj");
        workspace.Write("Precompiled/Publisher.cs", Publisher);

        var expected = ThisSdkTakesTheCopy ? ReadyToRunAnalyzer : IlAnalyzer;
        var precompiled = Build(workspace);
        Assert.Equal(new[] { CodeFixes, expected }, CompilerAnalyzers(workspace, precompiled));

        var optedOut = Build(workspace, "-p:DatoCmsReadyToRunAnalyzer=false");
        Assert.Equal(new[] { CodeFixes, IlAnalyzer }, CompilerAnalyzers(workspace, optedOut));

        var (switchLine, switchColumn) = SourcePosition.Of(Publisher, "switch (ex.Code)");
        var (catchLine, catchColumn) = SourcePosition.Of(Publisher, "catch (DatoCmsApiException ex)");
        var diagnostics = new[]
        {
            $"Precompiled/Publisher.cs({switchLine},{switchColumn}) : warning DATO001",
            $"Precompiled/Publisher.cs({catchLine},{catchColumn}) : warning DATO002",
        };
        Assert.Equal(diagnostics, BuildDiagnostic.Parse(precompiled.Result, workspace.Root).Select(d => $"{d.File}({d.Line},{d.Column}) {d.TargetFramework}: {d.Severity} {d.Id}"));
        Assert.Equal(
            BuildDiagnostic.Parse(optedOut.Result, workspace.Root).Select(d => d.ToString()),
            BuildDiagnostic.Parse(precompiled.Result, workspace.Root).Select(d => d.ToString()));

        // The IDE's view: a design-time build (what MSBuildWorkspace and the editors run) gets the same
        // compiler arguments; an SDK of another platform (its host RID) or on an older runtime than
        // the copy was compiled for keeps the IL assembly.
        Assert.Equal(new[] { CodeFixes, expected }, DesignTimeAnalyzers(workspace));
        Assert.Equal(new[] { CodeFixes, IlAnalyzer }, DesignTimeAnalyzers(workspace, "-p:NETCoreSdkRuntimeIdentifier=osx-arm64"));
        Assert.Equal(new[] { CodeFixes, IlAnalyzer }, DesignTimeAnalyzers(workspace, "-p:BundledNETCoreAppPackageVersion=9.0.5"));
        Assert.Equal(new[] { CodeFixes, IlAnalyzer }, DesignTimeAnalyzers(workspace, "-p:DatoCmsReadyToRunAnalyzer=false"));
    }

    /// <summary>
    /// A full build (not incremental), quiet on the console (the diagnostics) and at normal
    /// verbosity in a log file, which holds the compiler's command line.
    /// </summary>
    private static (CliResult Result, string CommandLineLog) Build(ConsumerWorkspace workspace, params string[] properties)
    {
        var log = workspace.PathOf("build-" + Guid.NewGuid().ToString("N") + ".log");
        var result = workspace.Dotnet(new[] { "build", "Precompiled/Precompiled.csproj", "--no-incremental", "-flp:verbosity=normal;logfile=" + log }.Concat(DotnetCli.QuietBuildOptions).Concat(properties).ToArray()).ShouldSucceed();
        return (result, File.ReadAllText(log));
    }

    /// <summary>Our analyzer assemblies on the csc command line that the build logged.</summary>
    private static string[] CompilerAnalyzers(ConsumerWorkspace workspace, (CliResult Result, string CommandLineLog) build)
    {
        var commandLines = build.CommandLineLog.Split('\n').Where(l => l.Contains(" /noconfig ", StringComparison.Ordinal) && l.Contains("/analyzer:", StringComparison.Ordinal)).ToList();
        Assert.True(commandLines.Count == 1, "Expected one csc command line:\n" + build.CommandLineLog);
        return OurAnalyzers(workspace, Regex.Matches(commandLines[0], "/analyzer:(\"[^\"]+\"|\\S+)").Select(m => m.Groups[1].Value.Trim('"')));
    }

    /// <summary>
    /// Our analyzer assemblies in the compiler arguments of a design-time build, obtained as
    /// MSBuildWorkspace obtains them: the Compile target without running the compiler
    /// (BuildingInsideVisualStudio makes CoreCompile run although the build above is up to date).
    /// </summary>
    private static string[] DesignTimeAnalyzers(ConsumerWorkspace workspace, params string[] properties)
    {
        var result = workspace.Dotnet(new[]
        {
            "msbuild", "Precompiled/Precompiled.csproj", "-t:Compile", "-getItem:CscCommandLineArgs", "-nologo", "-nodeReuse:false",
            "-p:DesignTimeBuild=true", "-p:BuildingInsideVisualStudio=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true",
        }.Concat(properties).ToArray()).ShouldSucceed();
        using var json = JsonDocument.Parse(result.Output);
        var arguments = json.RootElement.GetProperty("Items").GetProperty("CscCommandLineArgs").EnumerateArray().Select(a => a.GetProperty("Identity").GetString()!);
        return OurAnalyzers(workspace, arguments.Where(a => a.StartsWith("/analyzer:", StringComparison.Ordinal)).Select(a => a.Substring("/analyzer:".Length).Trim('"')));
    }

    private static string[] OurAnalyzers(ConsumerWorkspace workspace, IEnumerable<string> paths)
    {
        var packageFolder = Path.Combine(PackedPackage.GlobalPackagesFolder, PackedPackage.PackageId.ToLowerInvariant(), workspace.PackageVersion.ToLowerInvariant());
        return paths
            .Where(p => p.Contains("DatoCms.ErrorCodes", StringComparison.Ordinal))
            .Select(p => p.StartsWith(packageFolder, StringComparison.Ordinal) ? "{package}" + p.Substring(packageFolder.Length).Replace('\\', '/') : p)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();
    }

    private static PEReader Read(ZipArchive archive, string entryName)
    {
        var stream = new MemoryStream();
        using (var entry = archive.GetEntry(entryName)!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        return new PEReader(stream);
    }

    /// <summary>Name, version, culture and public key: what the loader binds to (the MVID is left out on purpose).</summary>
    private static string Identity(PEReader pe)
    {
        var reader = pe.GetMetadataReader();
        return reader.GetAssemblyDefinition().GetAssemblyName().FullName;
    }

    private static string[] References(PEReader pe)
    {
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName().FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }
}
