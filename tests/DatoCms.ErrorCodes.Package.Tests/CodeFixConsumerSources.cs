using System.Collections.Generic;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// Application code with one file per usage rule, each breaking its rule the way real code does,
/// for the tests that fix it through real clients of code fixes (dotnet format, MSBuildWorkspace).
/// </summary>
internal static class CodeFixConsumerSources
{
    public const string Project = "Shop/Shop.csproj";

    public static string ProjectFile(string packageReference) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            {packageReference}
            <PackageReference Include="Polly" Version="8.9.1" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>File (relative to the workspace) → content, before any fix.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        ["Shop/ErrorReactions.cs"] = """
            using System;
            using System.Linq;
            using DatoCms.ErrorCodes;

            namespace Shop;

            internal static class ErrorReactions
            {
                public static string Describe(Func<string> load)
                {
                    try
                    {
                        return load();
                    }
                    catch (DatoCmsApiException ex)
                    {
                        switch (ex.Code)
                        {
                            case DatoCmsErrorCode.NotFound:
                                return "missing";
                            default:
                                return "failed";
                        }
                    }
                }

                public static int Status(Func<int> call)
                {
                    try
                    {
                        return call();
                    }
                    catch (DatoCmsApiException ex)
                    {
                        var status = ex.Code switch
                        {
                            DatoCmsErrorCode.NotFound => 404,
                            DatoCmsErrorCode.InvalidField => 422,
                            _ => 500,
                        };
                        return status;
                    }
                }

                public static int ToStatus(DatoCmsApiException ex) => ex.Code switch
                {
                    DatoCmsErrorCode.NotFound => 404,
                    _ => 500,
                };
            }

            """,
        ["Shop/CatalogueSync.cs"] = """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using DatoCms.ErrorCodes;

            namespace Shop;

            internal sealed class CatalogueSync(Func<CancellationToken, Task> pushChanges, Func<CancellationToken, Task> pushFallback)
            {
                public async Task SyncAsync(CancellationToken cancellationToken)
                {
                    try
                    {
                        await pushChanges(cancellationToken);
                    }
                    catch (HttpRequestException ex)
                    {
                        Console.WriteLine("Primary endpoint failed: " + ex.Message);
                        try
                        {
                            await pushFallback(cancellationToken);
                        }
                        catch (DatoCmsApiException)
                        {
                            Console.WriteLine("Fallback failed too");
                        }
                    }
                }

                public async Task PublishAsync(CancellationToken cancellationToken)
                {
                    try
                    {
                        await pushChanges(cancellationToken);
                    }
                    catch (ItemLockedException)
                    {
                        Console.WriteLine("Record locked, giving up for now");
                    }
                }
            }

            """,
        ["Shop/RetryPipeline.cs"] = """
            using DatoCms.ErrorCodes;
            using Polly;
            using Polly.Retry;

            namespace Shop;

            internal static class RetryPipeline
            {
                public static RetryStrategyOptions Options() => new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(),
                    MaxRetryAttempts = 4,
                };
            }

            """,
        ["Shop/ImportLoop.cs"] = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using DatoCms.ErrorCodes;

            namespace Shop;

            internal static class ImportLoop
            {
                public static async Task<int> ImportAsync(Func<CancellationToken, Task<int>> import, CancellationToken cancellationToken)
                {
                    while (true)
                    {
                        try
                        {
                            return await import(cancellationToken);
                        }
                        catch (DatoCmsTransientApiException)
                        {
                            Console.WriteLine("Busy, trying again");
                        }
                    }
                }
            }

            """,
        ["Shop/CodeChecks.cs"] = """
            using System;
            using DatoCms.ErrorCodes;

            namespace Shop;

            internal static class CodeChecks
            {
                public static bool IsLocked(DatoCmsApiException ex) => ex.ApiCode == "ITEM_LOCKED";

                public static bool IsBusy(DatoCmsApiException ex) => ex.ApiCode is "ITEM_LOCKED" or "RATE_LIMIT_EXCEEDED";

                public static bool IsOtherThanMissing(DatoCmsErrorCode code) => !string.Equals(code.ToApiString(), "NOT_FOUND", StringComparison.Ordinal);

                public static bool KnowsLockedCode() => DatoCmsErrorCodes.TryParse("ITEM_LOKCED", out _);
            }

            """,
    };
}
