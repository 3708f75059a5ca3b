using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Generator;

/// <summary>
/// The output is a function of the spec and the options alone: not of the run, the machine's
/// culture, the spec's line endings or a byte order mark. Compared byte for byte, diagnostics too.
/// </summary>
public class DeterminismTests
{
    // Negative and huge limits, a digit-first code and markup, so number and case formatting would show.
    private const string EdgePage = "# Errors\n\n###### `ITEM_LOCKED`\n\nThe record is <locked> & \"busy\": wait, then retry with **backoff**.\n\n###### `3D_MODEL_REJECTED`\n\nA digit first. See [the docs](https://example.test/x?a=1&b=2).\n\n###### `INVALID_ID`\n\nIt is an İd, not an ıd; case matters in Istanbul.\n\n###### `ITEM_LOCKED`\n\nTwice.\n";
    private const string EdgeOverlay = "docs-url: https://example.test/errors/\nlimits:\n  requests-per-window: 120\n  rate-limit-window-seconds: 10\n  rate-limit-limit-header: X-RateLimit-Limit\n  rate-limit-remaining-header: X-RateLimit-Remaining\n  rate-limit-reset-header: X-RateLimit-Reset\n  max-upload-bytes: 5000000000\n  min-offset: -42\n  lowest: -9223372036854775808\n  region-name: \"eu\"\ncodes:\n  ITEM_LOCKED: { retry: backoff, family: concurrency }\n  3D_MODEL_REJECTED: { retry: none, family: uploads }\n  INVALID_ID: { retry: none, family: validation, member: InvalidIdentifier }\n  GONE: { retry: sometimes }\n";

    public static TheoryData<string> Specs => new() { "Shipped", "Edge" };

    private static (string Page, string Overlay) Spec(string name) =>
        name == "Shipped" ? (RepositoryFiles.ReadSpecPage(), RepositoryFiles.ReadSpecOverlay()) : (EdgePage, EdgeOverlay);

    [Theory]
    [MemberData(nameof(Specs))]
    public void TwoRunsGiveTheSameBytes(string spec)
    {
        var (page, overlay) = Spec(spec);

        var first = Output(GeneratorRunner.Run(page, overlay));
        var second = Output(GeneratorRunner.Run(page, overlay));

        AssertSame(first, second);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void AnEditAndItsUndoGiveTheFirstOutputAgain(string spec)
    {
        var (page, overlay) = Spec(spec);
        var pageFile = new InMemoryAdditionalText(GeneratorRunner.PagePath, page);
        var overlayFile = new InMemoryAdditionalText(GeneratorRunner.OverlayPath, overlay);
        var compilation = GeneratorRunner.CreateCompilation(string.Empty);
        var driver = GeneratorRunner.CreateDriver(new AdditionalText[] { pageFile, overlayFile }, new TestOptionsProvider());
        var first = Output(GeneratorRunner.RunDriver(driver, compilation));

        var edited = new InMemoryAdditionalText(GeneratorRunner.PagePath, page + "\n###### `BRAND_NEW`\n\nAdded.\n");
        var afterEdit = GeneratorRunner.RunDriver(driver.ReplaceAdditionalText(pageFile, edited), compilation);
        var undone = new InMemoryAdditionalText(GeneratorRunner.PagePath, page);
        var afterUndo = Output(GeneratorRunner.RunDriver(afterEdit.Driver.ReplaceAdditionalText(edited, undone), compilation));

        Assert.Contains("BrandNew", afterEdit.Sources[GeneratedNames.HintName(GeneratedNames.ErrorCode)], StringComparison.Ordinal);
        AssertSame(first, afterUndo);
    }

    public static TheoryData<string, string> Cultures => new()
    {
        { "Shipped", "tr-TR" }, { "Edge", "tr-TR" },
        { "Edge", "sv-SE" }, // U+2212 as the minus sign
        { "Edge", "ar-SA" }, // another calendar, right-to-left
        { "Edge", "fa-IR" }, // Persian digits in the culture's data
        { "Edge", "de-CH" }, // an apostrophe as the thousands separator
    };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void OutputDoesNotDependOnTheCulture(string spec, string cultureName)
    {
        var (page, overlay) = Spec(spec);
        var invariant = InCulture(CultureInfo.InvariantCulture, () => Output(GeneratorRunner.Run(page, overlay)));

        var other = InCulture(CultureInfo.GetCultureInfo(cultureName), () => Output(GeneratorRunner.Run(page, overlay)));

        AssertSame(invariant, other);
    }

    public static TheoryData<string, string> LineEndings => new()
    {
        { "Shipped", "\r\n" }, { "Shipped", "\r" }, { "Edge", "\r\n" }, { "Edge", "\r" },
    };

    [Theory]
    [MemberData(nameof(LineEndings))]
    public void OutputDoesNotDependOnLineEndings(string spec, string newline)
    {
        var (page, overlay) = Spec(spec);
        var lf = Output(GeneratorRunner.Run(page, overlay));

        var other = Output(GeneratorRunner.Run(page.Replace("\n", newline), overlay.Replace("\n", newline)));

        AssertSame(lf, other);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void MixedLineEndingsGiveTheSameOutput(string spec)
    {
        var (page, overlay) = Spec(spec);
        var lf = Output(GeneratorRunner.Run(page, overlay));

        var mixed = Output(GeneratorRunner.Run(Mix(page), Mix(overlay)));

        AssertSame(lf, mixed);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void AByteOrderMarkChangesNothing(string spec)
    {
        var (page, overlay) = Spec(spec);
        var plain = GeneratorRunner.Run(page, overlay);

        var withBom = GeneratorRunner.Run("\uFEFF" + page, "\uFEFF" + overlay);

        AssertSame((plain.Sources, plain.DiagnosticLines), (withBom.Sources, withBom.DiagnosticLines));
    }

    // What a caller sees: every file's text and every diagnostic's id, line, column and message.
    private static (IReadOnlyDictionary<string, string> Sources, IReadOnlyList<string> Diagnostics) Output(GeneratorRun run) =>
        (run.Sources, run.Diagnostics.Select(Describe).ToList());

    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan();
        return string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Id} {position.Path} {position.StartLinePosition} {position.EndLinePosition} {diagnostic.Severity}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    private static void AssertSame((IReadOnlyDictionary<string, string> Sources, IReadOnlyList<string> Diagnostics) expected, (IReadOnlyDictionary<string, string> Sources, IReadOnlyList<string> Diagnostics) actual)
    {
        Assert.Equal(expected.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (hintName, source) in expected.Sources)
        {
            // Ordinal comparison of the whole text: equal strings are equal bytes once encoded.
            var other = actual.Sources[hintName];
            var at = FirstDifference(source, other);
            Assert.True(string.Equals(source, other, StringComparison.Ordinal), $"{hintName} differs at char {at}: expected {Around(source, at)} but got {Around(other, at)}");
        }

        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
    }

    private static string Around(string text, int at) => SeededFuzz.Literal(text.Substring(Math.Max(0, at - 40), Math.Min(text.Length, at + 40) - Math.Max(0, at - 40)));

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (culture0, uiCulture0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = uiCulture0;
        }
    }

    // Each line ending chosen by the line's index: LF, CRLF and CR in turn.
    private static string Mix(string text)
    {
        var lines = text.Split('\n');
        var builder = new System.Text.StringBuilder(text.Length + lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            builder.Append(lines[i]);
            if (i < lines.Length - 1)
            {
                // A CR right before an LF would make the two one CRLF line break.
                var newline = (i % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" };
                builder.Append(newline == "\n" && builder.Length > 0 && builder[builder.Length - 1] == '\r' ? "\r\n" : newline);
            }
        }

        return builder.ToString();
    }
}
