using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// The real StackExchange.Redis (3.x with its RESPite, or 2.x) and System.Threading.RateLimiting
/// assemblies in builds that match <see cref="ReferenceSet.Net80"/>; the test project copies them next to itself.
/// </summary>
internal static class RedisReferences
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "RedisForNet80");

    public static MetadataReference RateLimiting { get; } = MetadataReference.CreateFromFile(Path.Combine(Folder, "System.Threading.RateLimiting.dll"));

    /// <summary>Microsoft.Extensions.Http and the DI abstractions: with them, UseRedisRateLimit is generated too.</summary>
    public static IReadOnlyList<MetadataReference> HttpClientFactory { get; } = new[]
    {
        MetadataReference.CreateFromFile(Path.Combine(Folder, "http", "Microsoft.Extensions.Http.dll")),
        MetadataReference.CreateFromFile(Path.Combine(Folder, "http", "Microsoft.Extensions.DependencyInjection.Abstractions.dll")),
    };

    public static IReadOnlyList<MetadataReference> Redis(int majorVersion) => majorVersion switch
    {
        2 => new[] { MetadataReference.CreateFromFile(Path.Combine(Folder, "2", "StackExchange.Redis.dll")) },
        _ => new[]
        {
            MetadataReference.CreateFromFile(Path.Combine(Folder, "3", "StackExchange.Redis.dll")),
            MetadataReference.CreateFromFile(Path.Combine(Folder, "3", "RESPite.dll")),
        },
    };
}

/// <summary>
/// Runs the generator on the shipped spec for a consumer that references Redis and/or
/// System.Threading.RateLimiting; <c>httpClientFactory</c> adds Microsoft.Extensions.Http with the DI
/// abstractions alone, or, with <c>logging</c>, with everything it brings from NuGet (Logging, Options, ...).
/// </summary>
internal static class RedisGeneratorRuns
{
    public static GeneratorRun Run(
        int redisMajorVersion,
        bool rateLimiting,
        string source = "",
        Microsoft.CodeAnalysis.CSharp.LanguageVersion languageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        bool httpClientFactory = true,
        bool logging = false)
    {
        var references = new List<MetadataReference>();
        if (redisMajorVersion > 0)
        {
            references.AddRange(RedisReferences.Redis(redisMajorVersion));
        }

        if (rateLimiting)
        {
            references.Add(RedisReferences.RateLimiting);
        }

        if (httpClientFactory && logging)
        {
            // As a project gets Microsoft.Extensions.Http from NuGet: with Logging, Options and the rest it brings.
            references.AddRange(ResilienceStackReferences.HttpClientFactoryOnly(ReferenceSet.Net80));
        }
        else if (httpClientFactory)
        {
            references.AddRange(RedisReferences.HttpClientFactory);
        }

        var compilation = GeneratorRunner.CreateCompilation(source, ReferenceSet.Net80, languageVersion).AddReferences(references);

        // StackExchange.Redis 2.x is built against net6.0's System.Runtime; the SDK silences this unification warning in every build, so do we.
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        }));
        var files = new List<AdditionalText>
        {
            new InMemoryAdditionalText(GeneratorRunner.PagePath, RepositoryFiles.ReadSpecPage()),
            new InMemoryAdditionalText(GeneratorRunner.OverlayPath, RepositoryFiles.ReadSpecOverlay()),
        };
        return GeneratorRunner.RunDriver(GeneratorRunner.CreateDriver(files, new TestOptionsProvider(globalOptions), languageVersion), compilation);
    }
}
