using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// The code fixes through a real client: <c>dotnet format analyzers</c> on a consumer of the packed
/// package, every usage rule at once, the exact files it leaves, and a clean build afterwards.
/// </summary>
[Collection(PackageCollection.Name)]
public class DotnetFormatConsumerTests(PackedPackage package, ITestOutputHelper output)
{
    private static readonly string[] Rules = { "DATO001", "DATO002", "DATO003", "DATO004", "DATO005", "DATO006" };

    // dotnet format asks each rule's provider for Fix All with the key of the first action for the
    // first diagnostic it found, which may be another rule's (DATO005 and DATO006 come from one
    // analyzer) depending on the order of concurrent analysis: that used to skip DATO005 or DATO006
    // in some runs ("didn't return a Fix All action"). The providers' Fix All now uses their default
    // action for a key they do not know (DotnetFormatFixAllTests tries every order).
    [Fact]
    public void DotnetFormatFixesEveryRuleAndTheProjectThenBuildsClean()
    {
        using var workspace = package.CreateWorkspace(output);
        workspace.Write(CodeFixConsumerSources.Project, CodeFixConsumerSources.ProjectFile(workspace.PackageReference));
        foreach (var (path, content) in CodeFixConsumerSources.Files)
        {
            workspace.Write(path, content);
        }

        // DATO005 is a suggestion (info), which builds do not print: the team raised it to a warning.
        workspace.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.DATO005.severity = warning\n");

        workspace.Dotnet(new[] { "restore", CodeFixConsumerSources.Project }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();
        var before = workspace.Dotnet(new[] { "build", CodeFixConsumerSources.Project, "--no-restore" }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();
        Assert.Equal(Rules, BuildDiagnostic.Parse(before, workspace.Root).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));

        var format = workspace.Dotnet(new[] { "format", "analyzers", CodeFixConsumerSources.Project, "--no-restore", "--severity", "info", "--diagnostics" }.Concat(Rules).ToArray()).ShouldSucceed();
        output.WriteLine(format.Output);
        Assert.DoesNotContain("Fix All", format.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unable to fix", format.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("xception", format.Output, StringComparison.Ordinal);

        var actual = CodeFixConsumerSources.Files.Keys.ToDictionary(path => path, path => File.ReadAllText(workspace.PathOf(path)).Replace("\r\n", "\n"));
        DumpForReview(actual);
        foreach (var (path, expected) in FixedFiles)
        {
            Assert.Equal(expected, actual[path]);
        }

        var after = workspace.Dotnet(new[] { "build", CodeFixConsumerSources.Project, "--no-restore" }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();
        Assert.Empty(BuildDiagnostic.Parse(after, workspace.Root));
    }

    private static void DumpForReview(IReadOnlyDictionary<string, string> files)
    {
        if (Environment.GetEnvironmentVariable("DATOCMS_DUMP_FORMATTED") is { Length: > 0 } folder)
        {
            foreach (var (path, content) in files)
            {
                var target = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content);
            }
        }
    }

    /// <summary>
    /// What dotnet format leaves, file by file. <c>catch (ItemLockedException)</c> in PublishAsync is
    /// deliberate handling of one transient error (no DATO002), so it stays as written.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> FixedFiles = new Dictionary<string, string>
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
                        if (ex.IsTransient)
                            throw;
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
                        if (ex.IsTransient)
                            throw;
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
                    DatoCmsErrorCode.CannotDestroyForkingOrigin
                        or DatoCmsErrorCode.ConcurrentEnvironmentUpdate
                        or DatoCmsErrorCode.ConcurrentItemTypeUpdate
                        or DatoCmsErrorCode.ConcurrentItemUpdate
                        or DatoCmsErrorCode.ConcurrentRoleUpdate
                        or DatoCmsErrorCode.ConcurrentUploadUpdate
                        or DatoCmsErrorCode.EnvironmentInReadOnlyMode
                        or DatoCmsErrorCode.EnvironmentNotReady
                        or DatoCmsErrorCode.ItemLocked
                        or DatoCmsErrorCode.PlatformScheduledMaintenance
                        or DatoCmsErrorCode.RateLimitExceeded
                        or DatoCmsErrorCode.ServiceUnavailable
                        or DatoCmsErrorCode.SiteNotReady
                        or DatoCmsErrorCode.UnmanagedEditConflict
                        or DatoCmsErrorCode.ActiveEditingSessions
                        or DatoCmsErrorCode.BatchDataValidationInProgress => throw ex,
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
                        catch (DatoCmsApiException exception)
                        {
                            if (exception.IsTransient)
                                throw;
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
                    ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.IsTransient),
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
                        catch (DatoCmsTransientApiException ex)
                        {
                            await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), cancellationToken);
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
                public static bool IsLocked(DatoCmsApiException ex) => ex.Code == DatoCmsErrorCode.ItemLocked;

                public static bool IsBusy(DatoCmsApiException ex) => ex.Code is DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.RateLimitExceeded;

                public static bool IsOtherThanMissing(DatoCmsErrorCode code) => code != DatoCmsErrorCode.NotFound;

                public static bool KnowsLockedCode() => DatoCmsErrorCodes.TryParse("ITEM_LOCKED", out _);
            }

            """,
    };
}
