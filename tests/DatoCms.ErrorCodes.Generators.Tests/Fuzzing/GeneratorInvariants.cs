using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Tests.Fuzzing;

/// <summary>
/// What must hold for any spec, however broken: the generator does not fail, every diagnostic
/// points at a real place in a spec file, and whatever it generates parses (and, when asked,
/// compiles without a warning, and the analyzers run over it without throwing).
/// </summary>
internal static class GeneratorInvariants
{
    /// <summary>The diagnostics that are about the project rather than a spec file, so have no location.</summary>
    private static readonly HashSet<string> ProjectLevelIds = new(StringComparer.Ordinal) { "DATO113", "DATO116", "DATO117", "DATO120", "DATO130" };

    /// <summary>Ids that mean the generator itself broke: our catch-all, and the compiler's for a generator that threw.</summary>
    private static readonly HashSet<string> FailureIds = new(StringComparer.Ordinal) { "DATO199", "CS8784", "CS8785" };

    /// <summary>The hint names of the spec-independent files, from the templates embedded in the generator.</summary>
    private static readonly HashSet<string> TemplateHintNames = typeof(DatoCmsErrorCodesGenerator).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Templates.", StringComparison.Ordinal))
        .Select(n => n.Substring("Templates.".Length, n.Length - "Templates.".Length - ".cs".Length) + ".g.cs")
        .ToHashSet(StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> ParsedCleanlyTexts = new(StringComparer.Ordinal);

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(() =>
        typeof(DatoCmsErrorCodesGenerator).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray());

    // One empty consumer compilation for every case: binding its references once, not per case,
    // makes a generator run about ten times cheaper, and the output compilations derive from it.
    private static readonly Lazy<CSharpCompilation> EmptyConsumer = new(() => GeneratorRunner.CreateCompilation(string.Empty));

    public static GeneratorRun AssertRobust(string? page, string? overlay, bool compile, bool analyze, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var files = new List<AdditionalText>();
        if (page is not null)
        {
            files.Add(new InMemoryAdditionalText(GeneratorRunner.PagePath, page));
        }

        if (overlay is not null)
        {
            files.Add(new InMemoryAdditionalText(GeneratorRunner.OverlayPath, overlay));
        }

        var run = GeneratorRunner.RunDriver(GeneratorRunner.CreateDriver(files, new TestOptionsProvider(globalOptions)), EmptyConsumer.Value, files);
        var result = run.Driver.GetRunResult().Results.Single();

        Assert.True(result.Exception is null, "The generator threw: " + result.Exception);
        var failures = run.Diagnostics.Where(d => FailureIds.Contains(d.Id)).ToList();
        Assert.True(failures.Count == 0, "The generator failed:\n" + string.Join("\n", failures));
        AssertLocated(run.Diagnostics, page, overlay);
        AssertGeneratedCodeParses(run);

        if (compile)
        {
            // Emit, not GetDiagnostics: some limits (such as CS7013, a name too long for metadata) are only checked when writing the assembly.
            var problems = run.OutputCompilation.Emit(System.IO.Stream.Null).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
        }

        if (analyze)
        {
            AssertAnalyzersDoNotThrow(run.OutputCompilation);
        }

        return run;
    }

    /// <summary>Every spec diagnostic lies inside the file it names, with the line and column the text gives that offset.</summary>
    public static void AssertLocated(IEnumerable<Diagnostic> diagnostics, string? page, string? overlay)
    {
        var pageLines = page is null ? null : new LineStarts(page);
        var overlayLines = overlay is null ? null : new LineStarts(overlay);
        foreach (var diagnostic in diagnostics)
        {
            Assert.StartsWith("DATO1", diagnostic.Id, StringComparison.Ordinal);
            _ = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (diagnostic.Location == Location.None)
            {
                Assert.True(ProjectLevelIds.Contains(diagnostic.Id), $"{diagnostic.Id} has no location: {diagnostic}");
                continue;
            }

            var lineSpan = diagnostic.Location.GetLineSpan();
            var lines = lineSpan.Path switch
            {
                GeneratorRunner.PagePath => pageLines,
                GeneratorRunner.OverlayPath => overlayLines,
                _ => null,
            };
            Assert.True(lines is not null, $"{diagnostic.Id} points at '{lineSpan.Path}', which is not a spec file: {diagnostic}");

            var span = diagnostic.Location.SourceSpan;
            Assert.True(span.Start >= 0 && span.End <= lines!.Length, $"{diagnostic.Id} span {span} lies outside the {lines!.Length}-char file: {diagnostic}");
            Assert.True(lines.PositionOf(span.Start) == lineSpan.StartLinePosition, $"{diagnostic.Id} starts at {lineSpan.StartLinePosition} but offset {span.Start} is at {lines.PositionOf(span.Start)}: {diagnostic}");
            Assert.True(lines.PositionOf(span.End) == lineSpan.EndLinePosition, $"{diagnostic.Id} ends at {lineSpan.EndLinePosition} but offset {span.End} is at {lines.PositionOf(span.End)}: {diagnostic}");
        }
    }

    /// <summary>Runs every analyzer of the package over the generated code plus user code that touches each rule, which may not compile against a broken spec.</summary>
    public static void AssertAnalyzersDoNotThrow(Compilation generated)
    {
        var parseOptions = (CSharpParseOptions)generated.SyntaxTrees.First().Options;
        var compilation = generated.AddSyntaxTrees(CSharpSyntaxTree.ParseText(UserCode, parseOptions, path: "/project/User.cs"));
        var settings = new Dictionary<string, string> { ["datocms_dato001_scope"] = "all", ["datocms_dato006_accepted_codes"] = "NOT_YET_IN_SPEC, ,," };
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(settings, treeOptions: settings));
        var withAnalyzers = compilation.WithAnalyzers(Analyzers.Value, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var thrown = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult().Where(d => d.Id == "AD0001").ToList();
        Assert.True(thrown.Count == 0, "An analyzer threw:\n" + string.Join("\n", thrown.Select(d => d.GetMessage(CultureInfo.InvariantCulture))));
    }

    // The templates' text does not depend on the spec, and most mutations leave most files as they
    // were, so only text not parsed before is parsed: the check costs a fraction of a full parse.
    private static void AssertGeneratedCodeParses(GeneratorRun run)
    {
        foreach (var (hintName, source) in run.Sources)
        {
            if (TemplateHintNames.Contains(hintName) || !ParsedCleanlyTexts.TryAdd(hintName + "\n" + source, 0))
            {
                continue;
            }

            var tree = run.OutputCompilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("/" + hintName, StringComparison.Ordinal));
            var problems = tree.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (problems.Count > 0)
            {
                ParsedCleanlyTexts.TryRemove(hintName + "\n" + source, out _);
                Assert.Fail($"Generated {hintName} does not parse cleanly:\n" + string.Join("\n", problems.Take(10)));
            }
        }
    }

    /// <summary>Where each line of a spec file starts; lines end at LF, CRLF or CR, as the spec readers and editors count them.</summary>
    private sealed class LineStarts
    {
        private readonly List<int> _starts = new() { 0 };

        public LineStarts(string text)
        {
            Length = text.Length;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public int Length { get; }

        public Microsoft.CodeAnalysis.Text.LinePosition PositionOf(int offset)
        {
            // The last line start at or before the offset; a CR of a CRLF pair belongs to the line it ends.
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return new Microsoft.CodeAnalysis.Text.LinePosition(line, offset - _starts[line]);
        }
    }

    // Touches every rule, with members of the shipped spec that a broken spec may have lost.
    private const string UserCode = @"
using System;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal static class User
{
    public static int Switch(DatoCmsErrorCode code)
    {
        switch (code)
        {
            case DatoCmsErrorCode.NotFound: return 404;
            case DatoCmsErrorCode.ItemLocked: return 409;
            default: return 0;
        }
    }

    public static int Expression(DatoCmsErrorCode code) => code switch { DatoCmsErrorCode.InvalidField => 422, DatoCmsErrorCode.Unknown => 0, _ => 1 };

    public static bool Strings(DatoCmsApiException ex, DatoCmsErrorCode code) =>
        ex.ApiCode == ""ITEM_LOCKED"" || code.ToApiString() == ""ITEM_LOCKD"" || ""NOT_YET_IN_SPEC"" == ex.ApiCode || string.Equals(ex.ApiCode, ""rate_limit_exceeded"", StringComparison.Ordinal);

    public static bool StringSwitch(DatoCmsApiException ex)
    {
        switch (ex.ApiCode)
        {
            case ""INVALID_FIELD"": return true;
            case ""ITEM_LOCKED"": return false;
            default: return false;
        }
    }

    public static async Task<int> Retry(Func<Task<int>> call)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (DatoCmsTransientApiException ex)
            {
                Console.WriteLine(ex.Message);
            }
        }
    }

    public static async Task<int> RetryTyped(Func<Task<int>> call)
    {
        for (var i = 0; i < 3; i++)
        {
            try
            {
                return await call();
            }
            catch (ItemLockedException)
            {
                continue;
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
            }
        }

        return -1;
    }

    public static void Swallow(Action action)
    {
        try
        {
            action();
        }
        catch (DatoCmsApiException)
        {
        }
        catch (RateLimitExceededException ex)
        {
            Console.WriteLine(ex);
        }
    }
}";
}
