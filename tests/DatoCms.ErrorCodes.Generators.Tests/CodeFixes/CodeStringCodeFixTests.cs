using System.Threading.Tasks;
using DatoCms.ErrorCodes.CodeFixes;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.CodeFixes;

/// <summary>DATO005 and DATO006 fixes, compared with the exact code a user gets.</summary>
public class CodeStringCodeFixTests
{
    private static string Source(string expression) => @"using System;
using DatoCms.ErrorCodes;

internal static class Handler
{
    public static bool Check(DatoCmsErrorCode code) => " + expression + @";
}
";

    [Theory]
    [InlineData("code.ToApiString() == \"ITEM_LOCKED\"", "code == DatoCmsErrorCode.ItemLocked")]
    [InlineData("\"ITEM_LOCKED\" != code.ToApiString()", "code != DatoCmsErrorCode.ItemLocked")]
    [InlineData("string.Equals(code.ToApiString(), \"ITEM_LOCKED\", StringComparison.Ordinal)", "code == DatoCmsErrorCode.ItemLocked")]
    [InlineData("code.ToApiString().Equals(\"EXCEPTION\")", "code == DatoCmsErrorCode.UnexpectedServerError")]
    [InlineData("code.ToApiString() is \"NOT_FOUND\"", "code is DatoCmsErrorCode.NotFound")]
    [InlineData("DatoCmsErrorCodes.ToApiString(code) == \"NOT_FOUND\"", "code == DatoCmsErrorCode.NotFound")]
    public Task RawComparisonBecomesAnEnumComparison(string before, string after) => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new CompareErrorCodeCodeFix(), "DATO005", CompareErrorCodeCodeFix.EquivalenceKey, Source("[|" + before + "|]"), Source(after));

    [Fact]
    public Task MisspelledCodeIsReplacedWithTheSuggestion() => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new UseSuggestedCodeCodeFix(), "DATO006", UseSuggestedCodeCodeFix.EquivalenceKey,
        Source("DatoCmsErrorCodes.TryParse([|\"ITEM_LOKCED\"|], out _)"),
        Source("DatoCmsErrorCodes.TryParse(\"ITEM_LOCKED\", out _)"));

    [Fact]
    public Task NoSuggestionMeansNoFix() => CodeFixVerifier.VerifyNotOfferedAsync(
        new CodeStringAnalyzer(), new UseSuggestedCodeCodeFix(), "DATO006", UseSuggestedCodeCodeFix.EquivalenceKey,
        Source("DatoCmsErrorCodes.TryParse([|\"NOTHING_LIKE_ANY_CODE_AT_ALL\"|], out _)"));
}
