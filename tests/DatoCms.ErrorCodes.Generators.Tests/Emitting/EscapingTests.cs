using DatoCms.ErrorCodes.Generators.Emitting;

namespace DatoCms.ErrorCodes.Generators.Tests.Emitting;

/// <summary>Spec text reaches generated code only through these two escapers; found by SpecFuzzTests.</summary>
public class EscapingTests
{
    [Theory]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("tab\tnew\nline\r\0end", "tab new line  end")]
    [InlineData("non-characters \uFFFE\uFFFF", "non-characters   ")]
    [InlineData("separators \u2028\u2029\u0085 end", "separators     end")]
    [InlineData("pair \U0001F600 kept, RTL \u202E kept", "pair \U0001F600 kept, RTL \u202E kept")]
    public void XmlDocTextHasNoCharacterXmlOrCSharpCommentsReject(string text, string expected)
    {
        Assert.Equal(expected, Xml.Escape(text));
    }

    // Facts, not InlineData: xunit would turn a lone surrogate into U+FFFD when it serializes test cases.
    [Fact]
    public void XmlDocTextReplacesLoneSurrogates()
    {
        Assert.Equal("lone \uFFFD and \uFFFD, pair \uD83D\uDE00", Xml.Escape("lone \uD800 and \uDC00, pair \uD83D\uDE00"));
        Assert.Equal("\uFFFD\uFFFD", Xml.Escape("\uDE00\uD83D"));
    }

    [Fact]
    public void StringLiteralsEscapeLoneSurrogates()
    {
        Assert.Equal("\"lone \\uD800 high, lone \\uDC00 low, pair \uD83D\uDE00\"", CSharpLiteral.String("lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00"));
        Assert.Equal("\"\\uDE00\\uD83D\"", CSharpLiteral.String("\uDE00\uD83D"));
    }

    [Fact]
    public void XmlAttributesEscapeQuotesToo()
    {
        Assert.Equal("https://x.test/?a=1&amp;b=&quot;2&quot;", Xml.EscapeAttribute("https://x.test/?a=1&b=\"2\""));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" backslash \\", "\"quote \\\" backslash \\\\\"")]
    [InlineData("\n\r\t\0\u0001\u0085\u2028\u2029", "\"\\n\\r\\t\\0\\u0001\\u0085\\u2028\\u2029\"")]
    [InlineData("pair \U0001F600 and \uFEFF\uFFFE kept", "\"pair \U0001F600 and \uFEFF\uFFFE kept\"")]
    public void StringLiteralsKeepEveryCharacterExactly(string value, string expected)
    {
        Assert.Equal(expected, CSharpLiteral.String(value));
    }
}
