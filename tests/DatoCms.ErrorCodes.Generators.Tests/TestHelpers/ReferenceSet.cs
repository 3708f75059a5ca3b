using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>The reference assemblies a test compilation targets.</summary>
public enum ReferenceSet
{
    Net80,
    NetStandard20,
    Net472,

    /// <summary>The targeting pack of the SDK that runs the tests (net10.0), found next to the running runtime.</summary>
    Net100,

    /// <summary>netstandard2.0 plus the System.Text.Json and System.Memory packages, with which the full runtime API is generated.</summary>
    NetStandard20WithJson,

    /// <summary>net8.0 plus the System.Threading.RateLimiting package: the throttle is also a RateLimiter.</summary>
    Net80WithRateLimiting,

    /// <summary><see cref="NetStandard20WithJson"/> plus the System.Threading.RateLimiting package.</summary>
    NetStandard20WithRateLimiting,
}

internal static class ReferenceSets
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Net100References = new(() => FromFolder(FindTargetingPack()));

    private static readonly Lazy<IReadOnlyList<MetadataReference>> NetStandardPackageReferences = new(() =>
        Basic.Reference.Assemblies.NetStandard20.References.All.Concat(FromFolder(Path.Combine(AppContext.BaseDirectory, "netstandard2.0-packages"))).ToList());

    public static IEnumerable<MetadataReference> Get(ReferenceSet set) => set switch
    {
        ReferenceSet.NetStandard20 => Basic.Reference.Assemblies.NetStandard20.References.All,
        ReferenceSet.Net472 => Basic.Reference.Assemblies.Net472.References.All,
        ReferenceSet.Net100 => Net100References.Value,
        ReferenceSet.NetStandard20WithJson => NetStandardPackageReferences.Value,
        ReferenceSet.Net80WithRateLimiting => Basic.Reference.Assemblies.Net80.References.All.Concat(FromFolder(Path.Combine(AppContext.BaseDirectory, "ratelimiting", "net8.0"))),
        ReferenceSet.NetStandard20WithRateLimiting => NetStandardPackageReferences.Value.Concat(FromFolder(Path.Combine(AppContext.BaseDirectory, "ratelimiting", "netstandard2.0"))),
        _ => Basic.Reference.Assemblies.Net80.References.All,
    };

    /// <summary>The symbols the SDK defines for the target framework, so that #if branches of the templates compile as in a real build.</summary>
    public static IEnumerable<string> PreprocessorSymbols(ReferenceSet set) => set switch
    {
        ReferenceSet.NetStandard20 or ReferenceSet.NetStandard20WithJson or ReferenceSet.NetStandard20WithRateLimiting => new[] { "NETSTANDARD", "NETSTANDARD2_0", "NETSTANDARD1_0_OR_GREATER", "NETSTANDARD1_1_OR_GREATER", "NETSTANDARD1_2_OR_GREATER", "NETSTANDARD1_3_OR_GREATER", "NETSTANDARD1_4_OR_GREATER", "NETSTANDARD1_5_OR_GREATER", "NETSTANDARD1_6_OR_GREATER", "NETSTANDARD2_0_OR_GREATER" },
        ReferenceSet.Net472 => new[] { "NETFRAMEWORK", "NET472", "NET20_OR_GREATER", "NET30_OR_GREATER", "NET35_OR_GREATER", "NET40_OR_GREATER", "NET45_OR_GREATER", "NET451_OR_GREATER", "NET452_OR_GREATER", "NET46_OR_GREATER", "NET461_OR_GREATER", "NET462_OR_GREATER", "NET47_OR_GREATER", "NET471_OR_GREATER", "NET472_OR_GREATER" },
        ReferenceSet.Net100 => NetCoreSymbols(10),
        _ => NetCoreSymbols(8),
    };

    private static IEnumerable<string> NetCoreSymbols(int major)
    {
        yield return "NET";
        yield return "NETCOREAPP";
        yield return $"NET{major}_0";
        foreach (var core in new[] { "1_0", "1_1", "2_0", "2_1", "2_2", "3_0", "3_1" })
        {
            yield return "NETCOREAPP" + core + "_OR_GREATER";
        }

        for (var version = 5; version <= major; version++)
        {
            yield return $"NET{version}_0_OR_GREATER";
        }
    }

    private static IReadOnlyList<MetadataReference> FromFolder(string folder)
    {
        var files = Directory.GetFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 0, "No reference assemblies in " + folder);
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
    }

    // <dotnet>/shared/Microsoft.NETCore.App/10.0.x/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/10.0.y/ref/net10.0
    private static string FindTargetingPack()
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var dotnetRoot = runtime.Parent!.Parent!.Parent!.FullName;
        var major = Environment.Version.Major;
        var packs = new DirectoryInfo(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"));
        var pack = packs.Exists
            ? packs.GetDirectories(major + ".*").OrderByDescending(d => Version.TryParse(d.Name.Split('-')[0], out var v) ? v : new Version()).FirstOrDefault()
            : null;
        var folder = pack is null ? null : Path.Combine(pack.FullName, "ref", "net" + major + ".0");
        Assert.True(folder is not null && Directory.Exists(folder), $"No net{major}.0 targeting pack under {packs.FullName}; the .NET SDK that runs the tests ships one.");
        return folder!;
    }
}
