using System.Linq;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Tests.SpecParsing;

public class OverlayReaderTests
{
    [Fact]
    public void ReadsDocsUrlLimitsAndCodes()
    {
        var overlay = OverlayReader.Read("o.yaml", "docs-url: https://example.test/errors\nlimits:\n  requests-per-window: 60\ncodes:\n  ITEM_LOCKED: { retry: backoff, family: concurrency }\n  EXCEPTION:\n    retry: none\n    member: UnexpectedServerError\n    exception: UnexpectedServerErrorException\n    summary: Something broke.\n  RATE_LIMIT_EXCEEDED: rate-limit\n");

        Assert.True(overlay.IsReadable);
        Assert.Empty(overlay.Diagnostics);
        Assert.Equal("https://example.test/errors", overlay.DocsUrl?.Value);
        Assert.Equal(("requests-per-window", "60"), (overlay.Limits[0].Key, overlay.Limits[0].Value?.Value));
        Assert.Equal(
            new[]
            {
                ("ITEM_LOCKED", (string?)"backoff", "concurrency", (string?)null, (string?)null, (string?)null),
                ("EXCEPTION", "none", null, "UnexpectedServerError", "UnexpectedServerErrorException", "Something broke."),
                ("RATE_LIMIT_EXCEEDED", "rate-limit", null, null, null, null),
            },
            overlay.Codes.Select(c => (c.Code, c.RetryKind?.Value, c.Family?.Value, c.MemberName?.Value, c.ExceptionName?.Value, c.Summary)));
    }

    // Found by DeterminismTests: U+FEFF made the first key unknown, and a first-line comment a syntax error.
    [Fact]
    public void AByteOrderMarkBeforeTheFirstKeyIsNotPartOfIt()
    {
        var overlay = OverlayReader.Read("o.yaml", "\uFEFFdocs-url: https://example.test/errors\ncodez: {}\n");

        Assert.Equal("https://example.test/errors", overlay.DocsUrl?.Value);
        var unknown = Assert.Single(overlay.Diagnostics);
        Assert.Equal(("DATO111", 1, 0, 39), (unknown.DescriptorId, unknown.Span!.Value.Line, unknown.Span.Value.Column, unknown.Span.Value.Start));
        Assert.True(OverlayReader.Read("o.yaml", "\uFEFF# a comment\ncodes: {}\n").IsReadable);
    }

    [Fact]
    public void UnknownKeysAreReportedWhereTheyAre()
    {
        var overlay = OverlayReader.Read("o.yaml", "codez: {}\ncodes:\n  A: { retyr: backoff }\n");

        Assert.Equal(
            new[]
            {
                ("DATO111", 0, "codez", "the overlay's root"),
                ("DATO111", 2, "retyr", "code 'A'"),
            },
            overlay.Diagnostics.Select(d => (d.DescriptorId, d.Span!.Value.Line, d.MessageArgs[0], d.MessageArgs[1])));
    }

    [Fact]
    public void ValuesAreKeptAsWrittenForTheValidationToJudge()
    {
        var overlay = OverlayReader.Read("o.yaml", "limits:\n  nested: { a: 1 }\ncodes:\n  A: { retry: sometimes, family: Plan Limits }\n");

        Assert.Empty(overlay.Diagnostics);
        var code = overlay.Codes.Single();
        Assert.Equal(("sometimes", "Plan Limits"), (code.RetryKind?.Value, code.Family?.Value));
        Assert.Equal(("nested", (string?)null), (overlay.Limits.Single().Key, overlay.Limits.Single().Value?.Value));
    }

    [Fact]
    public void WrongShapeOfASectionMakesTheOverlayUnreadable()
    {
        var overlay = OverlayReader.Read("o.yaml", "codes: everything\n");

        Assert.False(overlay.IsReadable);
        Assert.Equal("line 1: 'codes' must be a mapping", Assert.Single(overlay.Diagnostics).MessageArgs[0]);
    }

    [Fact]
    public void BrokenYamlMakesTheOverlayUnreadable()
    {
        var overlay = OverlayReader.Read("o.yaml", "codes:\n  - ITEM_LOCKED\n");

        Assert.False(overlay.IsReadable);
        Assert.Equal("DATO101", Assert.Single(overlay.Diagnostics).DescriptorId);
    }
}
