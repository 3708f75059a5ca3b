using System.IO;
using System.Linq;
using DatoCms.ErrorCodes.Generators.SpecParsing;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.SpecParsing;

public class MarkdownPageReaderTests
{
    private static readonly string QuirksPage = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "DatoCms.ErrorCodes.Generators.Tests", "TestData", "quirks-page.md")).Replace("\r\n", "\n");

    private static ErrorPage ReadQuirks(string? text = null) => MarkdownPageReader.Read("quirks.md", text ?? QuirksPage);

    [Fact]
    public void EntriesComeOnlyFromLevelSixCodeHeadings()
    {
        var codes = ReadQuirks().Entries.Select(e => e.Code).ToArray();

        Assert.Equal(
            new[] { "WIDGET_TEMPORARILY_FROZEN", "ESCAPED_UNDERSCORES", "SNAKE_CASE_WORDS", "ABBREVIATION_SUMMARY", "THREE_PARAGRAPHS", "EMPTY_ENTRY" },
            codes);
    }

    // Found by DeterminismTests: U+FEFF hid a heading on the first line. Offsets and columns count it, as SourceText does.
    [Fact]
    public void AByteOrderMarkBeforeTheFirstHeadingIsNotPartOfIt()
    {
        var first = MarkdownPageReader.Read("p.md", "\uFEFF###### `FIRST`\n\nText.\n");
        var malformed = MarkdownPageReader.Read("p.md", "\uFEFF###### FIRST\n");

        var entry = Assert.Single(first.Entries);
        Assert.Equal(("FIRST", 0, 1, 1, 14), (entry.Code, entry.HeadingSpan.Line, entry.HeadingSpan.Column, entry.HeadingSpan.Start, entry.HeadingSpan.Length));
        var diagnostic = Assert.Single(malformed.Diagnostics);
        Assert.Equal(("DATO103", 0, 1, 1, "###### FIRST"), (diagnostic.DescriptorId, diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column, diagnostic.Span.Value.Start, diagnostic.MessageArgs[0]));
        Assert.Empty(MarkdownPageReader.Read("p.md", "\uFEFF").Entries);
    }

    [Fact]
    public void MalformedLevelSixHeadingsAreReportedAtTheirLine()
    {
        var lines = QuirksPage.Split('\n');
        var diagnostics = ReadQuirks().Diagnostics.Select(d => (d.DescriptorId, Line: d.Span!.Value.Line, Text: lines[d.Span.Value.Line].Trim())).ToArray();

        Assert.Equal(
            new[]
            {
                ("DATO103", 64, "###### `E.G_IN_FIRST_SENTENCE`"),
                ("DATO103", 82, "###### ITEM_WITHOUT_BACKTICKS"),
                ("DATO103", 84, "###### `lower_case_code`"),
            },
            diagnostics);
    }

    [Fact]
    public void ListsBecomeSemicolonSeparatedSentences()
    {
        var entry = ReadQuirks().Entries.Single(e => e.Code == "WIDGET_TEMPORARILY_FROZEN");

        Assert.Equal(
            "This error occurs when a widget is being re-indexed. Wait a moment and retry. To resolve this error, either: Use the thaw_first strategy to thaw it explicitly; Ensure the widget is not frozen before the request.",
            entry.Description);
        Assert.Equal("This error occurs when a widget is being re-indexed.", entry.Summary);
    }

    [Fact]
    public void EscapesLinksImagesEntitiesAndCurlyQuotesAreResolved()
    {
        var entry = ReadQuirks().Entries.Single(e => e.Code == "ESCAPED_UNDERSCORES");

        Assert.Equal("The api_error body says \u201Cit\u2019s not ready\u201D: see the docs and a diagram & more.", entry.Description);
    }

    [Fact]
    public void IntrawordUnderscoresStayAndCodeSpansKeepTheirText()
    {
        var entry = ReadQuirks().Entries.Single(e => e.Code == "SNAKE_CASE_WORDS");

        Assert.Equal("Field names such as item_type_id and emphasised words, code with ` tick, and a tag.", entry.Description);
    }

    [Fact]
    public void SummaryDoesNotStopAtAbbreviations()
    {
        var entry = ReadQuirks().Entries.Single(e => e.Code == "ABBREVIATION_SUMMARY");

        Assert.Equal("Use a filter, e.g. by field.", entry.Summary);
        Assert.Equal("Use a filter, e.g. by field. Then try again.", entry.Description);
    }

    [Fact]
    public void ParagraphsAndNumberedListsAreJoined()
    {
        var entry = ReadQuirks().Entries.Single(e => e.Code == "THREE_PARAGRAPHS");

        Assert.Equal("First paragraph continues here. Second paragraph. first numbered; second numbered; Closing paragraph.", entry.Description);
    }

    [Fact]
    public void EmptyEntryHasEmptyDescription()
    {
        var entry = ReadQuirks().Entries.Single(e => e.Code == "EMPTY_ENTRY");

        Assert.Equal(string.Empty, entry.Description);
        Assert.Equal(string.Empty, entry.Summary);
    }

    [Fact]
    public void CrlfLineEndingsGiveTheSameEntriesAndLines()
    {
        var lf = ReadQuirks();
        var crlf = ReadQuirks(QuirksPage.Replace("\n", "\r\n"));

        Assert.Equal(lf.Entries.Select(e => (e.Code, e.Description, e.HeadingSpan.Line)), crlf.Entries.Select(e => (e.Code, e.Description, e.HeadingSpan.Line)));
        Assert.Equal(lf.Diagnostics.Select(d => d.Span!.Value.Line), crlf.Diagnostics.Select(d => d.Span!.Value.Line));
    }

    [Fact]
    public void HeadingSpanCoversTheHeadingWithoutTrailingSpaces()
    {
        var entry = ReadQuirks().Entries.Single(e => e.Code == "WIDGET_TEMPORARILY_FROZEN");
        var lines = QuirksPage.Split('\n');

        Assert.Equal("###### `WIDGET_TEMPORARILY_FROZEN`   ", lines[entry.HeadingSpan.Line]);
        Assert.Equal(0, entry.HeadingSpan.Column);
        Assert.Equal("###### `WIDGET_TEMPORARILY_FROZEN`".Length, entry.HeadingSpan.Length);
        Assert.Equal("###### `WIDGET_TEMPORARILY_FROZEN`", QuirksPage.Substring(entry.HeadingSpan.Start, entry.HeadingSpan.Length));
    }

    [Fact]
    public void EntryEndsAtAnyHeading()
    {
        var page = "###### `A_CODE`\n\nText of A.\n\n## Next section\n\nNot part of A.\n";

        var entry = Assert.Single(MarkdownPageReader.Read("p.md", page).Entries);
        Assert.Equal("Text of A.", entry.Description);
    }

    [Fact]
    public void HeadingWithClosingHashesIsAccepted()
    {
        var entry = Assert.Single(MarkdownPageReader.Read("p.md", "###### `A_CODE` ######\nText.\n").Entries);
        Assert.Equal("A_CODE", entry.Code);
    }

    [Fact]
    public void EmptyPageHasNoEntries()
    {
        var page = MarkdownPageReader.Read("p.md", string.Empty);

        Assert.Empty(page.Entries);
        Assert.Empty(page.Diagnostics);
    }

    [Theory]
    [InlineData("NOT_FOUND", true)]
    [InlineData("A1_B2", true)]
    [InlineData("3D", true)]
    [InlineData("___", false)]
    [InlineData("123", false)]
    [InlineData("not_found", false)]
    [InlineData("NOT-FOUND", false)]
    public void CodeNamesAreUpperSnakeCase(string code, bool expected) => Assert.Equal(expected, MarkdownPageReader.IsCodeName(code));
}
