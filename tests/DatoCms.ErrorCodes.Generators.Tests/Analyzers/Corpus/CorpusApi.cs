using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers.Corpus;

/// <summary>
/// The generated API the corpus is written against: a small fixed spec of its own (so a change to
/// which shipped codes are transient never moves the corpus), generated public and compiled once
/// into a reference, plus the application scaffolding the snippets share (a logger, a hosted
/// service base, a content client) in place of the framework packages a real app would reference.
/// </summary>
internal static class CorpusApi
{
    /// <summary>Transient: backoff or rate-limit. The rest are permanent (STALE_ITEM_VERSION is "refresh").</summary>
    private static readonly (string Code, string Retry)[] Codes =
    {
        ("CONCURRENT_ITEM_UPDATE", "backoff"),
        ("DELETE_RESTRICTION", "none"),
        ("ENVIRONMENT_NOT_READY", "backoff"),
        ("INSUFFICIENT_PERMISSIONS", "none"),
        ("INVALID_AUTHORIZATION_HEADER", "none"),
        ("INVALID_FIELD", "none"),
        ("ITEM_LOCKED", "backoff"),
        ("NOT_FOUND", "none"),
        ("PLAN_UPGRADE_REQUIRED", "none"),
        ("RATE_LIMIT_EXCEEDED", "rate-limit"),
        ("SERVICE_UNAVAILABLE", "backoff"),
        ("STALE_ITEM_VERSION", "refresh"),
        ("UNPUBLISHED_LINK", "none"),
    };

    /// <summary>What every snippet can use without saying so, as an SDK project's implicit usings would.</summary>
    private const string Support = @"
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Net.Http;
global using System.Threading;
global using System.Threading.Tasks;
global using DatoCms.ErrorCodes;

public interface ILogger
{
    void LogInformation(string message, params object?[] args);
    void LogWarning(string message, params object?[] args);
    void LogWarning(Exception exception, string message, params object?[] args);
    void LogError(Exception exception, string message, params object?[] args);
}

public abstract class BackgroundService
{
    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
}

public sealed record Item(string Id, string Title, int Version);

public interface IContentClient
{
    Task<Item> GetItemAsync(string id, CancellationToken ct = default);
    Task<Item> UpdateItemAsync(Item item, CancellationToken ct = default);
    Task PublishAsync(string id, CancellationToken ct = default);
    Task<IReadOnlyList<Item>> ListItemsAsync(CancellationToken ct = default);
}
";

    private static readonly Lazy<IReadOnlyList<MetadataReference>> Loaded = new(Build);

    public static IReadOnlyList<MetadataReference> References => Loaded.Value;

    public static SyntaxTree SupportTree(CSharpParseOptions options) => CSharpSyntaxTree.ParseText(Support, options, path: "/project/Support.cs");

    /// <summary>How every snippet is parsed.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>What a snippet is compiled against: .NET 8, the corpus's API and Polly.</summary>
    public static IEnumerable<MetadataReference> UserReferences => ReferenceSets.Get(ReferenceSet.Net80).Concat(References);

    /// <summary>The rules the corpus scores (DATO001–DATO006), fresh instances.</summary>
    public static System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> Analyzers() =>
        System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
            new Generators.Analyzers.TransientSwitchAnalyzer(),
            new Generators.Analyzers.SwallowedTransientCatchAnalyzer(),
            new Generators.Analyzers.RetryEveryErrorAnalyzer(),
            new Generators.Analyzers.RetryWithoutDelayAnalyzer(),
            new Generators.Analyzers.CodeStringAnalyzer());

    /// <summary>A snippet with top-level statements is a program; the rest are libraries. Nullable on, as in an SDK project.</summary>
    public static CSharpCompilationOptions CompilationOptions(SyntaxTree snippet) => new(
        snippet.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable);

    private static IReadOnlyList<MetadataReference> Build()
    {
        var page = SmallSpec.Page(Codes.Select(c => c.Code).ToArray());
        var overlay = SmallSpec.Limits + "codes:\n" + string.Concat(Codes.Select(c => $"  {c.Code}: {{ retry: {c.Retry}, family: general }}\n"));
        var run = GeneratorRunner.Run(page, overlay, globalOptions: new Dictionary<string, string> { ["build_property.DatoCmsErrorCodesPublic"] = "true" });
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "DatoCms.Corpus.Api",
            run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => CSharpSyntaxTree.ParseText(s.Value, options, path: "Generated/" + s.Key)),
            ReferenceSets.Get(ReferenceSet.Net80),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The corpus API does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        var api = MetadataReference.CreateFromImage(image.ToArray());
        return new[] { api }.Concat(PollyReferences.All).ToList();
    }
}
