using System.Linq;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>A team that makes swallowing transient errors a build error through .editorconfig.</summary>
[Collection(PackageCollection.Name)]
public class SeverityConsumerTests(PackedPackage package, ITestOutputHelper output)
{

    [Fact]
    public void EditorConfigCanTurnARuleIntoABuildError()
    {
        using var workspace = package.CreateWorkspace(output);
        workspace.WriteNet10Project("Strict/Strict.csproj");
        var publisher = ConsumerSources.Publisher("Strict");
        workspace.Write("Strict/Publisher.cs", publisher);
        workspace.Write(".editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.DATO002.severity = error

            """);

        var build = workspace.Dotnet(new[] { "build", "Strict/Strict.csproj" }.Concat(DotnetCli.QuietBuildOptions).ToArray());

        Assert.NotEqual(0, build.ExitCode);
        var (switchLine, switchColumn) = SourcePosition.Of(publisher, "switch (ex.Code)");
        var (catchLine, catchColumn) = SourcePosition.Of(publisher, "catch (DatoCmsApiException ex)");
        Assert.Equal(
            new[]
            {
                $"Strict/Publisher.cs({switchLine},{switchColumn}) : warning DATO001: This switch handles specific error codes but not the transient codes CannotDestroyForkingOrigin, ConcurrentEnvironmentUpdate, ConcurrentItemTypeUpdate, ConcurrentItemUpdate, ConcurrentRoleUpdate +11 more; handle them, check IsTransient first, or rethrow in the default case (https://github.com/datocms-errorcodes/DatoCms.ErrorCodes.Generators/blob/main/docs/diagnostics/DATO001.md)",
                $"Strict/Publisher.cs({catchLine},{catchColumn}) : error DATO002: This catch swallows DatoCmsApiException without rethrowing or checking IsTransient, so transient errors that a retry would fix are lost (https://github.com/datocms-errorcodes/DatoCms.ErrorCodes.Generators/blob/main/docs/diagnostics/DATO002.md)",
            },
            BuildDiagnostic.Parse(build, workspace.Root).Select(d => d.ToString()));
    }
}
