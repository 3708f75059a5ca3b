using System.Linq;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Tests.SpecParsing;

public class YamlSubsetReaderTests
{
    private static YamlMapping ReadOk(string yaml)
    {
        var (root, error) = YamlSubsetReader.Read("o.yaml", yaml);
        Assert.Null(error);
        return root!;
    }

    private static string ReadError(string yaml)
    {
        var (root, error) = YamlSubsetReader.Read("o.yaml", yaml);
        Assert.Null(root);
        Assert.NotNull(error);
        Assert.Equal("DATO101", error!.DescriptorId);
        return error.MessageArgs[0];
    }

    [Fact]
    public void ReadsNestedBlockMappingsScalarsAndComments()
    {
        var root = ReadOk("# header\n---\nname: value # trailing\nnested:\n  inner: 'single ''quoted'''\n  deeper:\n    x: \"a\\tb \\u00e9\"\nurl: https://example.test/errors#CODE\n");

        Assert.Equal(new[] { "name", "nested", "url" }, root.Entries.Select(e => e.Key.Value));
        Assert.Equal("value", ((YamlScalar)root.Entries[0].Value).Value);
        var nested = (YamlMapping)root.Entries[1].Value;
        Assert.Equal("single 'quoted'", ((YamlScalar)nested.Entries[0].Value).Value);
        var deeper = (YamlMapping)nested.Entries[1].Value;
        Assert.Equal("a\tb \u00e9", ((YamlScalar)deeper.Entries[0].Value).Value);
        Assert.Equal("https://example.test/errors#CODE", ((YamlScalar)root.Entries[2].Value).Value);
    }

    [Fact]
    public void ReadsOneLineFlowMappings()
    {
        var root = ReadOk("codes:\n  A: { retry: backoff, family: \"x, y\" }\n  B: {}\n");

        var codes = (YamlMapping)root.Entries[0].Value;
        var a = (YamlMapping)codes.Entries[0].Value;
        Assert.Equal(new[] { ("retry", "backoff"), ("family", "x, y") }, a.Entries.Select(e => (e.Key.Value, ((YamlScalar)e.Value).Value)));
        Assert.Empty(((YamlMapping)codes.Entries[1].Value).Entries);
    }

    [Fact]
    public void ScalarSpansPointAtTheValue()
    {
        var root = ReadOk("codes:\n  A: { retry: sometimes }\n");

        var retry = (YamlScalar)((YamlMapping)((YamlMapping)root.Entries[0].Value).Entries[0].Value).Entries[0].Value;
        Assert.Equal((1, 14, 9), (retry.Span.Line, retry.Span.Column, retry.Span.Length));
    }

    [Fact]
    public void CrlfIsAccepted()
    {
        var root = ReadOk("a: 1\r\nb:\r\n  c: 2\r\n");

        Assert.Equal(new[] { "a", "b" }, root.Entries.Select(e => e.Key.Value));
    }

    [Fact]
    public void EmptyDocumentIsAnEmptyMapping() => Assert.Empty(ReadOk("# only a comment\n\n").Entries);

    [Theory]
    [InlineData("a: 'open\n", 3, 5)]
    [InlineData("codes:\n  A: { description: \"open }\n", 20, 7)]
    [InlineData("a: \"x\\\"\n", 3, 4)]
    public void AnUnterminatedQuoteIsMarkedFromItsOpeningQuote(string yaml, int column, int length)
    {
        var (_, error) = YamlSubsetReader.Read("o.yaml", yaml);

        // Marked at the end of the line, the squiggle sat past the last character, where nothing shows.
        var span = error!.Span!.Value;
        Assert.Equal((column, length), (span.Column, span.Length));
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "line 2: duplicate key 'a' (first on line 1)")]
    [InlineData("list:\n  - one\n", "line 2: sequences ('- item') are not supported; use a mapping")]
    [InlineData("a: [1, 2]\n", "line 1: flow sequences ('[...]') are not supported")]
    [InlineData("a: |\n  text\n", "line 1: block scalars ('|' or '>') are not supported; write the text on one line, quoted")]
    [InlineData("a: &anchor 1\n", "line 1: anchors and aliases are not supported")]
    [InlineData("a: !tag 1\n", "line 1: tags ('!') are not supported")]
    [InlineData("a:\n\tb: 1\n", "line 2: tabs are not allowed in indentation; use spaces")]
    [InlineData("a: 'open\n", "line 1: unterminated quoted string (quoted strings must end on the same line)")]
    [InlineData("a: { b: 1\n", "line 1: expected ',' or '}' (a flow mapping must be on one line)")]
    [InlineData("a: { b: 1,\n  c: 2 }\n", "line 1: expected a key, not the end of the line (a flow mapping must be on one line)")]
    [InlineData("a: {\n  b: 1 }\n", "line 1: expected a key, not the end of the line (a flow mapping must be on one line)")]
    [InlineData("a:\n    b: 1\n  c: 2\n", "line 3: unexpected indentation (expected 0 spaces, found 2)")]
    [InlineData("  a: 1\nb: 2\n", "line 2: this line is indented less than the mapping it follows but matches no enclosing level")]
    [InlineData("a: 1\n  b: 2\n", "line 2: unexpected indentation (expected 0 spaces, found 2)")]
    [InlineData("just text\n", "line 1: expected ':' after key 'just text'")]
    [InlineData("a: 1\n---\nb: 2\n", "line 2: only one YAML document is supported")]
    [InlineData("a: \"bad \\q\"\n", "line 1: unsupported escape '\\q'")]
    [InlineData("a: { b: { c: 1 } }\n", "line 1: nested collections inside '{ ... }' are not supported")]
    public void UnsupportedOrBrokenYamlIsALocatedError(string yaml, string expected) => Assert.Equal(expected, ReadError(yaml));
}
