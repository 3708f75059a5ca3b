using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// Packs the package once per test run into a temporary folder feed. Each pack gets its own
/// prerelease version, so a consumer's restore always takes this pack and never a copy of an
/// earlier one from the machine's global packages folder, while every other package (reference
/// packs, NETStandard.Library) keeps coming from that cache.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public const string PackageId = "DatoCms.ErrorCodes.Generators";

    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    public PackedPackage()
    {
        Version = "0.1.0-e2e.t" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        FeedDirectory = Directory.CreateTempSubdirectory("datocms-feed-").FullName;

        // This test project references the pack project (without using it), so building the tests
        // has already built the analyzer assemblies in this configuration: the pack only reads them
        // (--no-build), and never races the solution build that may still run in parallel.
        var configuration = typeof(PackedPackage).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = RepositoryRoot.File("src", "DatoCms.ErrorCodes.Package", "DatoCms.ErrorCodes.Package.csproj");
        PackResult = DotnetCli.Run(RepositoryRoot.Path, new[] { "pack", project, "--no-build", "-c", configuration, "-o", FeedDirectory, "-p:PackageVersion=" + Version }.Concat(DotnetCli.QuietBuildOptions).ToArray());
        PackagePath = Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");
        RemoveStaleTestVersions();
    }

    public string Version { get; }

    public string FeedDirectory { get; }

    public string PackagePath { get; }

    public CliResult PackResult { get; }

    /// <summary>A fresh folder for consumer projects, with a nuget.config that adds the feed.</summary>
    public ConsumerWorkspace CreateWorkspace(ITestOutputHelper output)
    {
        Assert.True(File.Exists(PackagePath), $"The pack did not produce {PackagePath}:\n{PackResult.Output}");
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,6:F1} s  dotnet {1} (once per run)", PackResult.Elapsed.TotalSeconds, PackResult.Command));
        return new ConsumerWorkspace(FeedDirectory, Version, output);
    }

    public void Dispose()
    {
        TryDelete(FeedDirectory);
        TryDelete(Path.Combine(GlobalPackagesFolder, PackageId.ToLowerInvariant(), Version.ToLowerInvariant()));
    }

    /// <summary>Where NuGet extracts packages on this machine.</summary>
    public static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// Versions that earlier runs left in the global packages folder (a run that was killed never
    /// cleans up). Only old ones go: another run on this machine may be using a recent one.
    /// </summary>
    private static void RemoveStaleTestVersions()
    {
        var packageFolder = new DirectoryInfo(Path.Combine(GlobalPackagesFolder, PackageId.ToLowerInvariant()));
        if (!packageFolder.Exists)
        {
            return;
        }

        foreach (var version in packageFolder.EnumerateDirectories("*-e2e.*").Where(d => DateTime.UtcNow - d.LastWriteTimeUtc > StaleAfter))
        {
            TryDelete(version.FullName);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover folder costs disk space, not correctness.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
