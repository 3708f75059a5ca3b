using System;
using System.IO;
using System.Linq;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// A project that brings its own spec: a newer copy of the vendor's page (one code gone, one
/// added) under the standard file name, and an overlay of its own holding only its changes.
/// Its page replaces the bundled one; its overlay overrides the bundled overlay code by code.
/// Editing the page and building again regenerates the code (enum member and exception type)
/// without a clean.
/// </summary>
[Collection(PackageCollection.Name)]
public class OwnSpecConsumerTests(PackedPackage package, ITestOutputHelper output)
{
    private const string Program = """
        using System;
        using DatoCms.ErrorCodes;

        Console.WriteLine($"{DatoCmsErrorCodes.Count} codes, {DatoCmsErrorCodes.TransientCodes.Count} transient");
        Console.WriteLine($"{DatoCmsErrorCode.WidgetFrozen.ToApiString()}: transient {DatoCmsErrorCode.WidgetFrozen.IsTransient()}, retry {DatoCmsErrorCode.WidgetFrozen.GetRetryKind()}, family {DatoCmsErrorCode.WidgetFrozen.GetFamily()}");
        Console.WriteLine($"{DatoCmsErrorCode.WidgetFrozen.GetSummary()}");
        Console.WriteLine($"ITEM_LOCKED: transient {DatoCmsErrorCode.ItemLocked.IsTransient()}, retry {DatoCmsErrorCode.ItemLocked.GetRetryKind()}");
        Console.WriteLine($"RATE_LIMIT_EXCEEDED: transient {DatoCmsErrorCode.RateLimitExceeded.IsTransient()}, retry {DatoCmsErrorCode.RateLimitExceeded.GetRetryKind()}");
        Console.WriteLine($"CANNOT_DESTROY_FORKING_ORIGIN parses: {DatoCmsErrorCodes.TryParse("CANNOT_DESTROY_FORKING_ORIGIN", out _)}");
        Console.WriteLine($"WIDGET_MELTED parses: {DatoCmsErrorCodes.TryParse("WIDGET_MELTED", out var meltedCode)} ({meltedCode})");
        Console.WriteLine($"{DatoCmsLimits.RequestsPerWindow} requests per {DatoCmsLimits.RateLimitWindowSeconds} s");
        Console.WriteLine($"{nameof(WidgetFrozenException)} : {typeof(WidgetFrozenException).BaseType!.Name}");
        var melted = DatoCmsApiException.FromResponse(422, "{\"data\":[{\"id\":\"e1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"WIDGET_MELTED\",\"details\":{}}}]}");
        Console.WriteLine($"a WIDGET_MELTED response: {melted.GetType().Name}, code {melted.Code}, API code {melted.ApiCode}");

        """;

    private const string Overlay = """
        # Only what this project changes; everything else comes from the package's overlay.
        limits:
          requests-per-window: 30
        codes:
          WIDGET_FROZEN: { retry: backoff, family: concurrency }
          ITEM_LOCKED: { retry: none, family: concurrency }

        """;

    private const string RemovedCode = "CANNOT_DESTROY_FORKING_ORIGIN";

    private static string Entry(string code, string description) => $"###### `{code}`\n\n{description}\n\n";

    /// <summary>The shipped page with one code removed and one added, as a newer vendor page might be.</summary>
    private static string NewerVendorPage()
    {
        var page = File.ReadAllText(RepositoryRoot.File("spec", "datocms-cma-errors.md"));
        var removed = page.IndexOf($"###### `{RemovedCode}`", StringComparison.Ordinal);
        var next = page.IndexOf("###### `", removed + 1, StringComparison.Ordinal);
        page = page.Remove(removed, next - removed);
        return AddEntry(page, Entry("WIDGET_FROZEN", "The widget is frozen while it is re-indexed. Wait a moment and send the request again."));
    }

    private static string AddEntry(string page, string entry)
    {
        var closing = page.IndexOf("## Related content", StringComparison.Ordinal);
        return page.Insert(closing, entry);
    }

    private static string NotACode(int line, int column, string code) =>
        $"Catalog/Program.cs({line},{column}) : warning DATO006: \"{code}\" is not an error code of the spec (https://github.com/datocms-errorcodes/DatoCms.ErrorCodes.Generators/blob/main/docs/diagnostics/DATO006.md)";

    [Fact]
    public void OwnPageAndOverlayWinOverTheBundledSpecAndEditsRegenerate()
    {
        using var workspace = package.CreateWorkspace(output);
        workspace.Write("Catalog/Catalog.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                {workspace.PackageReference}
                <AdditionalFiles Include="spec/datocms-cma-errors.md" />
                <AdditionalFiles Include="spec/our-classification.yaml" DatoCmsSpec="overlay" />
              </ItemGroup>
            </Project>
            """);
        workspace.Write("Catalog/Program.cs", Program);
        var page = NewerVendorPage();
        workspace.Write("Catalog/spec/datocms-cma-errors.md", page);
        workspace.Write("Catalog/spec/our-classification.yaml", Overlay);

        // No DATO114 (two pages) and no DATO106 for the removed code, which only the bundled overlay
        // classifies; DATO006 shows that the analyzers, too, read this project's page.
        var (removedLine, removedColumn) = SourcePosition.Of(Program, $"\"{RemovedCode}\"");
        var (meltedLine, meltedColumn) = SourcePosition.Of(Program, "\"WIDGET_MELTED\"");
        var build = workspace.Dotnet(new[] { "build", "Catalog/Catalog.csproj" }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();
        Assert.Equal(
            new[] { NotACode(removedLine, removedColumn, RemovedCode), NotACode(meltedLine, meltedColumn, "WIDGET_MELTED") },
            BuildDiagnostic.Parse(build, workspace.Root).Select(d => d.ToString()));
        Assert.Equal(
            new[]
            {
                "100 codes, 15 transient",
                "WIDGET_FROZEN: transient True, retry Backoff, family Concurrency",
                "The widget is frozen while it is re-indexed.",
                "ITEM_LOCKED: transient False, retry None",
                "RATE_LIMIT_EXCEEDED: transient True, retry RateLimit",
                "CANNOT_DESTROY_FORKING_ORIGIN parses: False",
                "WIDGET_MELTED parses: False (Unknown)",
                "30 requests per 3 s",
                "WidgetFrozenException : DatoCmsTransientApiException",
                "a WIDGET_MELTED response: DatoCmsApiException, code Unknown, API code WIDGET_MELTED",
            },
            workspace.Dotnet("run", "--no-build", "--project", "Catalog/Catalog.csproj").ShouldSucceed().Lines);

        // The vendor adds a code: edit the page and build again, no clean.
        workspace.Write("Catalog/spec/datocms-cma-errors.md", AddEntry(page, Entry("WIDGET_MELTED", "The widget melted. Create a new one.")));
        var rebuild = workspace.Dotnet(new[] { "build", "Catalog/Catalog.csproj" }.Concat(DotnetCli.QuietBuildOptions).ToArray()).ShouldSucceed();
        Assert.Equal(new[] { NotACode(removedLine, removedColumn, RemovedCode) }, BuildDiagnostic.Parse(rebuild, workspace.Root).Select(d => d.ToString()));
        var rerun = workspace.Dotnet("run", "--no-build", "--project", "Catalog/Catalog.csproj").ShouldSucceed().Lines;
        Assert.Equal("101 codes, 15 transient", rerun[0]);
        Assert.Equal("WIDGET_MELTED parses: True (WidgetMelted)", rerun[6]);
        Assert.Equal("a WIDGET_MELTED response: WidgetMeltedException, code WidgetMelted, API code WIDGET_MELTED", rerun[9]);
    }
}
