using System.Linq;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// A net10.0 app that makes an IHttpClientFactory client resilient with the generated
/// AddDatoCmsResilienceHandler (Microsoft.Extensions.Http.Resilience referenced the way a user
/// does), builds with every warning an error, and runs against a Kestrel imitation of the API that
/// answers ITEM_LOCKED twice and a 429 with X-RateLimit-Reset once.
/// </summary>
[Collection(PackageCollection.Name)]
public class ResilienceConsumerTests(PackedPackage package, ITestOutputHelper output)
{
    private const string Program = """
        using System;
        using System.Collections.Concurrent;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using DatoCms.ErrorCodes;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Hosting.Server;
        using Microsoft.AspNetCore.Hosting.Server.Features;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;

        // The imitation: each request id fails as its path says, then succeeds.
        var attempts = new ConcurrentDictionary<string, int>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var imitation = builder.Build();
        imitation.Run(async context =>
        {
            var path = context.Request.Path.Value!;
            var attempt = attempts.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (path.StartsWith("/locked", StringComparison.Ordinal) && attempt <= 2)
            {
                context.Response.StatusCode = 422;
                await context.Response.WriteAsync("{\"data\":[{\"id\":\"e1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"details\":{}}}]}");
                return;
            }

            if (path.StartsWith("/limited", StringComparison.Ordinal) && attempt == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers["X-RateLimit-Reset"] = "0.05";
                await context.Response.WriteAsync("{\"data\":[{\"id\":\"e2\",\"type\":\"api_error\",\"attributes\":{\"code\":\"RATE_LIMIT_EXCEEDED\",\"details\":{}}}]}");
                return;
            }

            await context.Response.WriteAsync("{\"data\":{\"id\":\"1\"}}");
        });
        await imitation.StartAsync();
        var address = new Uri(imitation.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpClient("datocms", c => c.BaseAddress = address)
            .AddDatoCmsResilienceHandler(o => { o.BaseDelay = TimeSpan.FromMilliseconds(1); o.MaxDelay = TimeSpan.FromMilliseconds(5); });
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("datocms");

        foreach (var (method, path) in new[] { (HttpMethod.Post, "locked/1"), (HttpMethod.Get, "limited/1") })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? new StringContent("{}") : null });
            await response.EnsureDatoCmsSuccessAsync();
            Console.WriteLine($"{method} {path}: {(int)response.StatusCode} after {attempts["/" + path]} attempts");
        }

        await imitation.StopAsync();
        """;

    [Fact]
    public void ResilienceHandlerConsumerBuildsWithoutWarningsAndRetriesAgainstTheImitation()
    {
        using var workspace = package.CreateWorkspace(output);
        workspace.Write("App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                {workspace.PackageReference}
                <PackageReference Include="Microsoft.Extensions.Http.Resilience" Version="10.11.0" />
              </ItemGroup>
            </Project>
            """);
        workspace.Write("App/Program.cs", Program);

        var build = workspace.Dotnet(new[] { "build", "App/App.csproj" }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();
        Assert.Empty(BuildDiagnostic.Parse(build, workspace.Root));

        var run = workspace.Dotnet("run", "--no-build", "--project", "App/App.csproj").ShouldSucceed();
        Assert.Equal(new[] { "POST locked/1: 200 after 3 attempts", "GET limited/1: 200 after 2 attempts" }, run.Lines);
    }
}
