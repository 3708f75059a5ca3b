using System.Linq;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// A solution of two projects that both reference the package, one referencing the other:
/// a library for netstandard2.0 and net8.0 whose generated types are public, and a net10.0
/// app with its own (internal) generated types in another namespace, which also uses the typed
/// exceptions and the retry handler. One build covers the package on three target frameworks,
/// the options, the analyzers and .editorconfig severities.
/// </summary>
[Collection(PackageCollection.Name)]
public class SolutionConsumerTests(PackedPackage package, ITestOutputHelper output)
{
    private const string Solution = """
        Microsoft Visual Studio Solution File, Format Version 12.00
        # Visual Studio Version 17
        Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Lib", "Lib\Lib.csproj", "{6B1D3F5E-0C1A-4C47-9B2E-1A0D6F3C5A01}"
        EndProject
        Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "App", "App\App.csproj", "{6B1D3F5E-0C1A-4C47-9B2E-1A0D6F3C5A02}"
        EndProject
        Global
        	GlobalSection(SolutionConfigurationPlatforms) = preSolution
        		Debug|Any CPU = Debug|Any CPU
        	EndGlobalSection
        	GlobalSection(ProjectConfigurationPlatforms) = postSolution
        		{6B1D3F5E-0C1A-4C47-9B2E-1A0D6F3C5A01}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{6B1D3F5E-0C1A-4C47-9B2E-1A0D6F3C5A01}.Debug|Any CPU.Build.0 = Debug|Any CPU
        		{6B1D3F5E-0C1A-4C47-9B2E-1A0D6F3C5A02}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{6B1D3F5E-0C1A-4C47-9B2E-1A0D6F3C5A02}.Debug|Any CPU.Build.0 = Debug|Any CPU
        	EndGlobalSection
        EndGlobal

        """;

    private const string ErrorReport = """
        using DatoCms.ErrorCodes;

        namespace Shop.Lib
        {
            public static class ErrorReport
            {
                public static string Describe(string apiCode)
                {
                    DatoCmsErrorCode code;
                    if (!DatoCmsErrorCodes.TryParse(apiCode, out code))
                    {
                        return apiCode + " is not in the spec";
                    }

                    return code.ToApiString() + " is " + code + ", transient " + code.IsTransient() + ", retry " + code.GetRetryKind() + ", family " + code.GetFamily();
                }
            }
        }

        """;

    private const string Program = """
        using System;
        using Shop.App.Errors;

        foreach (var apiCode in new[] { "ITEM_LOCKED", "RATE_LIMIT_EXCEEDED", "NOT_FOUND", "item_locked", "WIDGET_FROZEN" })
        {
            var parsed = DatoCmsErrorCodes.TryParse(apiCode, out var code);
            Console.WriteLine($"{apiCode}: parsed {parsed}, {code}, transient {code.IsTransient()}, retry {code.GetRetryKind()}");
        }

        Console.WriteLine($"UTF-8: {(DatoCmsErrorCodes.TryParseUtf8("STALE_ITEM_VERSION"u8, out var fromBytes) ? fromBytes : DatoCmsErrorCode.Unknown)}");
        Console.WriteLine($"{DatoCmsErrorCodes.Count} codes, {DatoCmsErrorCodes.TransientCodes.Count} transient, {DatoCmsLimits.RequestsPerWindow} requests per {DatoCmsLimits.RateLimitWindowSeconds} s");
        Console.WriteLine(DatoCmsErrorCode.ItemLocked.GetDocUrl());
        Console.WriteLine($"Lib: {Shop.Lib.ErrorReport.Describe("SERVICE_UNAVAILABLE")}");
        Console.WriteLine($"Lib's public enum: {typeof(DatoCms.ErrorCodes.DatoCmsErrorCode).FullName} in {typeof(DatoCms.ErrorCodes.DatoCmsErrorCode).Assembly.GetName().Name}");
        Console.WriteLine($"App's enum: {typeof(DatoCmsErrorCode).FullName} in {typeof(DatoCmsErrorCode).Assembly.GetName().Name}, public {typeof(DatoCmsErrorCode).IsPublic}");
        Console.WriteLine($"Reaction: {Shop.App.Handling.Reaction(DatoCmsErrorCode.NotFound)}");

        var body = "{\"data\":[{\"id\":\"e1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"details\":{}}}]}";
        var error = DatoCmsApiException.FromResponse(422, body);
        Console.WriteLine($"FromResponse: {error.GetType().Name}, {error.Code}, transient {error.IsTransient}, {(error is DatoCmsTransientApiException ? "a" : "not a")} DatoCmsTransientApiException");

        // The retry handler over an in-process handler that fails once with a transient code.
        var server = new FailsOnceHandler(body);
        var options = new DatoCmsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false, EnableThrottling = false, OnRetry = a => Console.WriteLine($"retry after attempt {a.Attempt}: {a.Exception.ApiCode}") };
        using var client = new System.Net.Http.HttpClient(new DatoCmsRetryHandler(options, server)) { BaseAddress = new Uri("http://localhost/") };
        using var response = await client.GetAsync("items/1");
        await response.EnsureDatoCmsSuccessAsync();
        Console.WriteLine($"after the retry: {(int)response.StatusCode}, {server.Calls} calls");

        internal sealed class FailsOnceHandler(string errorBody) : System.Net.Http.HttpMessageHandler
        {
            public int Calls { get; private set; }

            protected override System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            {
                Calls++;
                var response = Calls == 1
                    ? new System.Net.Http.HttpResponseMessage((System.Net.HttpStatusCode)422) { Content = new System.Net.Http.StringContent(errorBody, System.Text.Encoding.UTF8, "application/json") }
                    : new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new System.Net.Http.StringContent("{}") };
                return System.Threading.Tasks.Task.FromResult(response);
            }
        }

        """;

    [Fact]
    public void BothProjectsBuildWithTheirAnalyzersAndTheAppRuns()
    {
        using var workspace = package.CreateWorkspace(output);
        workspace.Write("Shop.sln", Solution);
        workspace.Write("Lib/Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>netstandard2.0;net8.0</TargetFrameworks>
                <DatoCmsErrorCodesPublic>true</DatoCmsErrorCodesPublic>
                <DatoCmsDato001Scope>all</DatoCmsDato001Scope>
              </PropertyGroup>
              <ItemGroup>
                {workspace.PackageReference}
              </ItemGroup>
            </Project>
            """);
        var libHandling = ConsumerSources.Handling("Shop.Lib", "DatoCms.ErrorCodes", "public");
        workspace.Write("Lib/Handling.cs", libHandling);
        workspace.Write("Lib/ErrorReport.cs", ErrorReport);

        workspace.Write("App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <DatoCmsErrorCodesNamespace>Shop.App.Errors</DatoCmsErrorCodesNamespace>
                <DatoCmsDato001Scope>all</DatoCmsDato001Scope>
              </PropertyGroup>
              <ItemGroup>
                {workspace.PackageReference}
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        workspace.Write("App/Program.cs", Program);
        workspace.Write("App/Handling.cs", ConsumerSources.Handling("Shop.App", "Shop.App.Errors", "internal"));
        // The same code as the library's, silenced here: proves the severities reach the analyzers.
        workspace.Write("App/.editorconfig", """
            [*.cs]
            dotnet_diagnostic.DATO001.severity = none
            dotnet_diagnostic.DATO002.severity = none

            """);

        var build = workspace.Dotnet(new[] { "build", "Shop.sln" }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();

        var (switchLine, switchColumn) = SourcePosition.Of(libHandling, "switch (code)");
        var (catchLine, catchColumn) = SourcePosition.Of(libHandling, "catch (DatoCmsApiException ex)");
        const string dato001 = "This switch handles specific error codes but not the transient codes CannotDestroyForkingOrigin, ConcurrentEnvironmentUpdate, ConcurrentItemTypeUpdate, ConcurrentItemUpdate, ConcurrentRoleUpdate +11 more; handle them, check IsTransient first, or rethrow in the default case (https://github.com/datocms-errorcodes/DatoCms.ErrorCodes.Generators/blob/main/docs/diagnostics/DATO001.md)";
        const string dato002 = "This catch swallows DatoCmsApiException without rethrowing or checking IsTransient, so transient errors that a retry would fix are lost (https://github.com/datocms-errorcodes/DatoCms.ErrorCodes.Generators/blob/main/docs/diagnostics/DATO002.md)";
        Assert.Equal(
            new[]
            {
                $"Lib/Handling.cs({switchLine},{switchColumn}) net8.0: warning DATO001: {dato001}",
                $"Lib/Handling.cs({switchLine},{switchColumn}) netstandard2.0: warning DATO001: {dato001}",
                $"Lib/Handling.cs({catchLine},{catchColumn}) net8.0: warning DATO002: {dato002}",
            },
            BuildDiagnostic.Parse(build, workspace.Root).Select(d => d.ToString()));

        var run = workspace.Dotnet("run", "--no-build", "--project", "App/App.csproj").ShouldSucceed();
        Assert.Equal(
            new[]
            {
                "ITEM_LOCKED: parsed True, ItemLocked, transient True, retry Backoff",
                "RATE_LIMIT_EXCEEDED: parsed True, RateLimitExceeded, transient True, retry RateLimit",
                "NOT_FOUND: parsed True, NotFound, transient False, retry None",
                "item_locked: parsed False, Unknown, transient False, retry None",
                "WIDGET_FROZEN: parsed False, Unknown, transient False, retry None",
                "UTF-8: StaleItemVersion",
                "100 codes, 16 transient, 60 requests per 3 s",
                "https://www.datocms.com/docs/content-management-api/errors#ITEM_LOCKED",
                "Lib: SERVICE_UNAVAILABLE is ServiceUnavailable, transient True, retry Backoff, family Availability",
                "Lib's public enum: DatoCms.ErrorCodes.DatoCmsErrorCode in Lib",
                "App's enum: Shop.App.Errors.DatoCmsErrorCode in App, public False",
                "Reaction: create it",
                "FromResponse: ItemLockedException, ItemLocked, transient True, a DatoCmsTransientApiException",
                "retry after attempt 1: ITEM_LOCKED",
                "after the retry: 200, 2 calls",
            },
            run.Lines);
    }
}
