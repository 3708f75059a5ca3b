using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// What every analyzer and code-fix test project holds besides the user's code: the net8.0
/// reference assemblies (offline, from Basic.Reference.Assemblies), the generated API for the
/// chosen spec as ordinary sources, the real Polly where asked, and analyzer options as the
/// .editorconfig / .globalconfig files a real project would have.
/// </summary>
internal static class DatoCmsTestState
{
    /// <summary>Where the user's code lives in the test project (the library's default first file).</summary>
    public const string UserPath = "/0/Test0.cs";

    private const string GeneratedFolder = "/0/Generated/";

    /// <summary>
    /// No reference package: the library would otherwise download one from NuGet. The reference
    /// assemblies come from Basic.Reference.Assemblies instead, added by <see cref="Configure"/>.
    /// </summary>
    public static ReferenceAssemblies NoPackage { get; } = new("net8.0");

    public static void Configure(SolutionState state, IEnumerable<MetadataReference>? extraReferences, IReadOnlyDictionary<string, string>? options)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        if (extraReferences is not null)
        {
            state.AdditionalReferences.AddRange(extraReferences);
        }

        if (options is { Count: > 0 })
        {
            var perFile = options.Where(o => !o.Key.StartsWith("build_property.", StringComparison.Ordinal)).ToList();
            var global = options.Where(o => o.Key.StartsWith("build_property.", StringComparison.Ordinal)).ToList();
            if (perFile.Count > 0)
            {
                state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + Lines(perFile)));
            }

            if (global.Count > 0)
            {
                state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + Lines(global)));
            }
        }
    }

    /// <summary>Adds the generated API to a state that has sources (a fixed state without any inherits the test state's).</summary>
    public static void AddGeneratedSources(SolutionState state, ApiSpec spec)
    {
        if (state.Sources.Count == 0 || state.Sources.Any(s => s.filename.StartsWith(GeneratedFolder, StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var (hintName, source) in TestSpec.SourcesFor(spec))
        {
            state.Sources.Add((GeneratedFolder + hintName, SourceText.From(source, Encoding.UTF8)));
        }
    }

    /// <summary>
    /// The expected diagnostics of <paramref name="markup"/>: <c>[|…|]</c> is <paramref name="defaultId"/>,
    /// <c>{|DATO006:…|}</c> names the rule; messages, when given, in source order.
    /// </summary>
    public static (string Source, DiagnosticResult[] Expected) Expect(string markup, string defaultId, IEnumerable<DiagnosticAnalyzer> analyzers, IReadOnlyList<string>? messages = null)
    {
        var parsed = MarkupSource.Parse(markup.Replace("\r\n", "\n"));
        var text = SourceText.From(parsed.Source);
        var descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        if (messages is not null && messages.Count != parsed.Spans.Count)
        {
            throw new ArgumentException($"{messages.Count} messages for {parsed.Spans.Count} marked spans.");
        }

        var expected = parsed.Spans.Select((span, index) =>
        {
            var id = span.Id ?? defaultId;
            var result = descriptors.TryGetValue(id, out var descriptor) ? new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity) : DiagnosticResult.CompilerError(id);
            var lines = text.Lines.GetLinePositionSpan(span.Span);
            result = result.WithSpan(UserPath, lines.Start.Line + 1, lines.Start.Character + 1, lines.End.Line + 1, lines.End.Character + 1);
            return messages is null ? result : result.WithMessage(messages[index]);
        }).ToArray();
        return (parsed.Source, expected);
    }

    private static string Lines(IEnumerable<KeyValuePair<string, string>> options) => string.Concat(options.Select(o => o.Key + " = " + o.Value + "\n"));
}
