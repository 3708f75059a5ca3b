using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// The package's build files decide at evaluation time which spec files the compiler gets, so
/// what an IDE's design-time build starts from is what the build uses. One restored project,
/// evaluated once per way of bringing (or not bringing) a page of one's own.
/// </summary>
[Collection(PackageCollection.Name)]
public class BuildFilesEvaluationTests(PackedPackage package, ITestOutputHelper output)
{
    private const string BundledPage = "{package}/spec/datocms-cma-errors.md DatoCmsSpec=errors DatoCmsSpecBundled=true Visible=false";
    private const string BundledOverlay = "{package}/spec/datocms-cma-errors.yaml DatoCmsSpec=overlay DatoCmsSpecBundled=true Visible=false";

    [Fact]
    public void BundledPageIsAddedOnlyWithoutAPageOfTheProjectsOwn()
    {
        using var workspace = package.CreateWorkspace(output);
        workspace.Write("Lib/Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                {workspace.PackageReference}
              </ItemGroup>
              <!-- The test picks, through PageItem, how this project brings its page. -->
              <ItemGroup Condition="'$(PageItem)' == 'metadata'">
                <AdditionalFiles Include="vendor-errors.md" DatoCmsSpec="errors" />
              </ItemGroup>
              <ItemGroup Condition="'$(PageItem)' == 'name'">
                <AdditionalFiles Include="spec/DatoCMS-CMA-Errors.md" />
              </ItemGroup>
              <ItemGroup Condition="'$(PageItem)' == 'excluded'">
                <AdditionalFiles Include="spec/datocms-cma-errors.md" DatoCmsSpec="none" />
              </ItemGroup>
            </Project>
            """);
        workspace.Dotnet(new[] { "restore", "Lib/Lib.csproj" }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();

        Assert.Equal(new[] { BundledPage, BundledOverlay }, AdditionalFiles(workspace));
        Assert.Equal(
            new[] { "Lib/vendor-errors.md DatoCmsSpec=errors DatoCmsSpecBundled= Visible=", BundledOverlay },
            AdditionalFiles(workspace, "-p:PageItem=metadata"));
        Assert.Equal(
            new[] { "Lib/spec/DatoCMS-CMA-Errors.md DatoCmsSpec= DatoCmsSpecBundled= Visible=", BundledOverlay },
            AdditionalFiles(workspace, "-p:PageItem=name"));
        Assert.Equal(
            new[] { "Lib/spec/datocms-cma-errors.md DatoCmsSpec=none DatoCmsSpecBundled= Visible=", BundledPage, BundledOverlay },
            AdditionalFiles(workspace, "-p:PageItem=excluded"));
        Assert.Equal(
            new[] { "Lib/vendor-errors.md DatoCmsSpec=errors DatoCmsSpecBundled= Visible=" },
            AdditionalFiles(workspace, "-p:PageItem=metadata", "-p:DatoCmsUseBundledSpec=false"));
    }

    /// <summary>The AdditionalFiles items after evaluation alone, as "path DatoCmsSpec=.. DatoCmsSpecBundled=.. Visible=..".</summary>
    private static string[] AdditionalFiles(ConsumerWorkspace workspace, params string[] properties)
    {
        var result = workspace.Dotnet(new[] { "msbuild", "Lib/Lib.csproj", "-getItem:AdditionalFiles", "-p:DesignTimeBuild=true", "-nologo" }.Concat(properties).ToArray()).ShouldSucceed();
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Select(item => string.Join(
                " ",
                new[] { DisplayPath(workspace, item.GetProperty("FullPath").GetString()!) }
                    .Concat(new[] { "DatoCmsSpec", "DatoCmsSpecBundled", "Visible" }.Select(name => name + "=" + (item.TryGetProperty(name, out var value) ? value.GetString() : string.Empty)))))
            .ToArray();
    }

    private static string DisplayPath(ConsumerWorkspace workspace, string fullPath)
    {
        var packageFolder = Path.Combine(PackedPackage.GlobalPackagesFolder, PackedPackage.PackageId.ToLowerInvariant(), workspace.PackageVersion.ToLowerInvariant());
        return fullPath.StartsWith(packageFolder, StringComparison.Ordinal)
            ? "{package}" + fullPath.Substring(packageFolder.Length).Replace('\\', '/')
            : Path.GetRelativePath(workspace.Root, fullPath).Replace('\\', '/');
    }
}
