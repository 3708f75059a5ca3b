using System;
using System.Globalization;
using System.IO;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// A temporary folder holding consumer projects. Its nuget.config adds the test feed to the
/// machine's sources (nothing cleared, nothing remote named); empty Directory.Build files stop
/// MSBuild from importing anything from the folders above it.
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    private readonly ITestOutputHelper _output;

    public ConsumerWorkspace(string feedDirectory, string packageVersion, ITestOutputHelper output)
    {
        _output = output;
        PackageVersion = packageVersion;
        Root = Directory.CreateTempSubdirectory("datocms-consumer-").FullName;
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="datocms-e2e" value="{feedDirectory}" />
              </packageSources>
            </configuration>
            """);
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Build.targets", "<Project />\n");
    }

    public string Root { get; }

    public string PackageVersion { get; }

    /// <summary>The PackageReference line a user writes.</summary>
    public string PackageReference => $"""<PackageReference Include="{PackedPackage.PackageId}" Version="{PackageVersion}" />""";

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>The smallest consumer: a net10.0 project with nothing but the package reference.</summary>
    public void WriteNet10Project(string relativePath) => Write(relativePath, $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            {PackageReference}
          </ItemGroup>
        </Project>
        """);

    public void Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Runs a dotnet command here; its duration goes to the test output, to see where the time goes.</summary>
    public CliResult Dotnet(params string[] arguments)
    {
        var result = DotnetCli.Run(Root, arguments);
        _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,6:F1} s  dotnet {1}", result.Elapsed.TotalSeconds, result.Command));
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still finishing may hold a file for a moment; the OS cleans the temp folder.
        }
    }
}
