using System.Linq;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// A library that declares itself ready for trimming and native AOT (IsAotCompatible, which turns on
/// the trim and AOT analyzers) and uses every integration the package can generate: the typed
/// client registration, the resilience handler, Polly, logging and the Redis limiter. The generated
/// code must raise no trim or AOT warning of its own; the overloads that bind configuration by
/// reflection say so to their caller, as the configuration binder does, and nothing else warns.
/// </summary>
[Collection(PackageCollection.Name)]
public class AotConsumerTests(PackedPackage package, ITestOutputHelper output)
{
    private const string Library = """
        using System.Net.Http;
        using DatoCms.ErrorCodes;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Library;

        public sealed class ContentClient(HttpClient http)
        {
            public HttpClient Http { get; } = http;
        }

        public static class Registration
        {
            public static void AddContent(IServiceCollection services)
            {
                services.AddDatoCmsHttpClient<ContentClient>(o => o.ApiToken = "token");
                services.AddHttpClient("resilient").AddDatoCmsResilienceHandler(o => o.MaxAttempts = 3);
            }

            public static void AddContentFromConfiguration(IServiceCollection services, IConfigurationSection section)
            {
                services.AddHttpClient("bound").AddDatoCmsResilienceHandler(section);
                services.AddDatoCmsHttpClient("cms", section);
            }
        }
        """;

    [Fact]
    public void GeneratedIntegrationsRaiseNoTrimOrAotWarningsAndTheBindingOverloadWarnsItsCaller()
    {
        using var workspace = package.CreateWorkspace(output);
        workspace.Write("Library/Library.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <IsAotCompatible>true</IsAotCompatible>
              </PropertyGroup>
              <ItemGroup>
                {workspace.PackageReference}
                <PackageReference Include="Microsoft.Extensions.Http.Resilience" Version="10.11.0" />
                <PackageReference Include="StackExchange.Redis" Version="3.4.35" />
              </ItemGroup>
            </Project>
            """);
        workspace.Write("Library/Registration.cs", Library);

        var build = workspace.Dotnet(new[] { "build", "Library/Library.csproj" }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();

        Assert.Equal(
            new[]
            {
                "Library/Registration.cs(23,9): IL2026", "Library/Registration.cs(23,9): IL3050",
                "Library/Registration.cs(24,9): IL2026", "Library/Registration.cs(24,9): IL3050",
            },
            BuildDiagnostic.Parse(build, workspace.Root).Select(d => $"{d.File}({d.Line},{d.Column}): {d.Id}"));
    }
}
