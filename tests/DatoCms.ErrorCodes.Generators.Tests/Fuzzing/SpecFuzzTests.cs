using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DatoCms.ErrorCodes.Generators.Emitting;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using DatoCms.ErrorCodes.Generators.Validation;

namespace DatoCms.ErrorCodes.Generators.Tests.Fuzzing;

/// <summary>
/// Thousands of broken specs, seeded: first through the spec readers and emitters alone (cheap,
/// so many), then through the real generator driver, where whatever is generated must parse and
/// a fixed sample is compiled in full and analyzed. A failure prints the seed and the spec
/// (see <see cref="SeededFuzz"/> to replay it).
/// </summary>
public class SpecFuzzTests
{
    private const int ReaderCases = 3000;
    private const int DriverCases = 1000;

    // A full compilation costs some forty generator runs, so only a fixed sample gets one.
    private const int CompileEvery = 100;
    private const int AnalyzeEvery = 250;

    private static readonly string[] Namespaces = { "Acme.Errors", "global", "System", "A..B", "1Up", "Über.Fehler", "class", "@class", "A.\u202EB", " ", "Acme.Errors.DatoCmsErrorCode" };

    public sealed record SpecCase(string? Page, string? Overlay, IReadOnlyDictionary<string, string>? Options);

    [Fact]
    public void MutatedSpecsAreReadWithLocatedDiagnosticsAndEmitted()
    {
        var options = GeneratorOptionsReader.Read(new TestOptionsProvider().GlobalOptions);
        SeededFuzz.Run(
            "SpecReaders",
            firstSeed: 1_000_000,
            ReaderCases,
            Generate,
            (spec, _) =>
            {
                var pages = spec.Page is null ? Array.Empty<SpecFile>() : new[] { new SpecFile(GeneratorRunner.PagePath, SpecFileKind.ErrorPage, spec.Page) };
                var overlays = spec.Overlay is null ? Array.Empty<SpecFile>() : new[] { new SpecFile(GeneratorRunner.OverlayPath, SpecFileKind.Overlay, spec.Overlay) };
                var result = SpecBuilder.Build(pages, overlays);
                GeneratorInvariants.AssertLocated(result.Diagnostics.Select(d => d.ToDiagnostic()), spec.Page, spec.Overlay);
                if (result.Spec is not null)
                {
                    Assert.NotEmpty(SourceEmitter.EmitAll(new EmitContext(result.Spec, options, TargetFeatures.Latest, "1.0.0.0")).ToList());
                }
            },
            Describe);
    }

    [Fact]
    public void MutatedSpecsNeverBreakTheGenerator()
    {
        SeededFuzz.Run(
            "Spec",
            firstSeed: 7_000,
            DriverCases,
            Generate,
            (spec, index) => GeneratorInvariants.AssertRobust(spec.Page, spec.Overlay, compile: index % CompileEvery == 0, analyze: index % AnalyzeEvery == 0, spec.Options),
            Describe);
    }

    // Built on demand: as theory data, megabyte strings would be built and serialized at test discovery.
    private static readonly Dictionary<string, Func<(string Page, string Overlay)>> Huge = new()
    {
        ["a 2 MB line in the page"] = () => (SpecCorpus.SmallPage + "\n" + new string('x', 2_000_000) + "\n", SpecCorpus.SmallOverlay),
        ["a 1 MB description of 110,000 words"] = () => (SpecCorpus.SmallPage + "\n###### `LONG`\n\n" + string.Concat(Enumerable.Repeat("word <&> ", 110_000)) + "\n", SpecCorpus.SmallOverlay),
        ["a 2 MB heading"] = () => ("###### `" + new string('A', 2_000_000) + "`\n\nx\n", SpecCorpus.SmallOverlay),
        ["a 2 MB line in the overlay"] = () => (SpecCorpus.SmallPage, SpecCorpus.SmallOverlay + "  ITEM_LOCKED: { summary: \"" + new string('y', 2_000_000) + "\" }\n"),
        ["a 2 MB overlay key"] = () => (SpecCorpus.SmallPage, SpecCorpus.SmallOverlay + new string('k', 2_000_000) + ": 1\n"),
        ["20,000 copies of one heading"] = () => (string.Concat(Enumerable.Repeat("###### `ITEM_LOCKED`\n\nLocked.\n\n", 20_000)), SpecCorpus.SmallOverlay),
        ["20,000 malformed headings"] = () => (string.Concat(Enumerable.Repeat("###### not a code\n", 20_000)), SpecCorpus.SmallOverlay),
        ["20,000 headings of every level"] = () => (string.Concat(Enumerable.Range(0, 20_000).Select(i => new string('#', (i % 7) + 1) + " `H" + i + "`\n")), SpecCorpus.SmallOverlay),
        ["20,000 overlay entries not on the page"] = () => (SpecCorpus.SmallPage, "codes:\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => "  GHOST_" + i + ": { retry: backoff, family: f" + (i % 50) + " }\n"))),
        ["an overlay nested 5,000 levels deep"] = () => (SpecCorpus.SmallPage, "codes:\n" + string.Concat(Enumerable.Range(0, 5_000).Select(i => new string(' ', 2 * (i + 1)) + "k" + i + ":\n"))),
        ["a page of 20,000 unclosed fences and comments"] = () => (string.Concat(Enumerable.Repeat("```\n<!--\n~~~\n", 7_000)) + SpecCorpus.SmallPage, SpecCorpus.SmallOverlay),
        ["20,000 empty lines and CRs"] = () => (new string('\r', 10_000) + new string('\n', 10_000) + SpecCorpus.SmallPage, SpecCorpus.SmallOverlay.Replace("\n", "\r")),
        ["1,000 distinct codes"] = () => (string.Concat(Enumerable.Range(0, 1_000).Select(i => "###### `CODE_" + i + "`\n\nThe " + i + "th code.\n\n")), "codes:\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => "  CODE_" + i + ": { retry: " + (i % 3 == 0 ? "backoff" : "none") + ", family: f" + (i % 20) + " }\n"))),
    };

    public static TheoryData<string> HugeSpecNames => new(Huge.Keys);

    [Theory]
    [MemberData(nameof(HugeSpecNames))]
    public void HugeSpecsNeverBreakTheGenerator(string name)
    {
        var (page, overlay) = Huge[name]();
        GeneratorInvariants.AssertRobust(page, overlay, compile: false, analyze: false);
    }

    public static TheoryData<string, string> OddUnicode => new()
    {
        { "lone surrogates", "\uD800 \uDC00 \uDBFF" },
        { "right-to-left marks and overrides", "\u202E\u200F\u202B\u2067" },
        { "NUL and other controls", "\0\u0001\u001B\u007F\u0085" },
        { "byte order marks", "\uFEFF\uFFFE\uFFFF" },
        { "line and paragraph separators", "\u2028\u2029" },
        { "astral characters and combining marks", "\U0001F600 𝔸 e\u0301" },
    };

    [Theory]
    [MemberData(nameof(OddUnicode))]
    public void OddUnicodeEverywhereGivesCodeThatCompiles(string name, string odd)
    {
        _ = name;
        var page = "\uFEFF# Errors" + odd + "\n\n###### `ITEM_LOCKED`" + odd + "\n\n" + odd + "The record" + odd + " is locked. <" + odd + "> & " + odd + "\n\n###### `" + odd + "NOT_FOUND`\n\nx\n";
        var overlay = "\uFEFFdocs-url: https://example.test/" + odd + "\nlimits:\n  region-name: \"" + odd + "\"\n  other" + odd + ": 1\ncodes:\n  ITEM_LOCKED: { retry: backoff, family: concurrency, summary: \"" + odd + "\" }\n  " + odd + ": { retry: none }\n";

        GeneratorInvariants.AssertRobust(page, overlay, compile: true, analyze: false);
        GeneratorInvariants.AssertRobust(page.Replace("\n", "\r\n"), overlay.Replace("\n", "\r"), compile: true, analyze: false);
    }

    private static SpecCase Generate(FuzzRandom random)
    {
        var (page, overlay) = random.Pick(SpecCorpus.Specs);
        switch (random.Next(4))
        {
            case 0:
                page = SpecMutator.Mutate(random, page);
                break;
            case 1:
                overlay = SpecMutator.Mutate(random, overlay);
                break;
            default:
                page = SpecMutator.Mutate(random, page);
                overlay = SpecMutator.Mutate(random, overlay);
                break;
        }

        IReadOnlyDictionary<string, string>? options = null;
        if (random.Chance(10))
        {
            options = new Dictionary<string, string>
            {
                ["build_property.DatoCmsErrorCodesNamespace"] = random.Pick(Namespaces),
                ["build_property.DatoCmsErrorCodesPublic"] = random.Pick(new[] { "true", "false", "TRUE", "yes", string.Empty }),
            };
        }

        return new SpecCase(random.Chance(2) ? null : page, random.Chance(3) ? null : overlay, options);
    }

    private static string Describe(SpecCase spec) =>
        new StringBuilder()
            .Append("options: ").Append(spec.Options is null ? "none" : string.Join(", ", spec.Options)).Append('\n')
            .Append("overlay: ").Append(spec.Overlay is null ? "none" : SeededFuzz.Literal(spec.Overlay)).Append('\n')
            .Append("page: ").Append(spec.Page is null ? "none" : SeededFuzz.Literal(spec.Page))
            .ToString();
}
