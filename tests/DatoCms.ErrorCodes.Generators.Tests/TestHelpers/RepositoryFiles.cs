using System;
using System.IO;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>Finds files of this repository (the shipped spec, snapshots) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SpecPagePath => Path.Combine(Root, "spec", "datocms-cma-errors.md");

    public static string SpecOverlayPath => Path.Combine(Root, "spec", "datocms-cma-errors.yaml");

    public static string ReadSpecPage() => File.ReadAllText(SpecPagePath);

    public static string ReadSpecOverlay() => File.ReadAllText(SpecOverlayPath);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DatoCms.ErrorCodes.Generators.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }
}
