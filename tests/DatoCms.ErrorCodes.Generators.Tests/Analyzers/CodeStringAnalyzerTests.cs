using System.Collections.Generic;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers;

/// <summary>DATO005 (known code compared as a string) and DATO006 (a string that is not a code); each test expects exactly the diagnostics of both rules it marks.</summary>
public class CodeStringAnalyzerTests
{
    private static Task Verify005(string body, params string[] messages) =>
        AnalyzerVerifier.VerifyAsync(new CodeStringAnalyzer(), "DATO005", Wrap(body), messages.Length == 0 ? null : messages);

    private static Task Verify006(string body, IReadOnlyDictionary<string, string>? options = null, params string[] messages) =>
        AnalyzerVerifier.VerifyAsync(new CodeStringAnalyzer(), "DATO006", Wrap(body), messages.Length == 0 ? null : messages, options);

    private static string Wrap(string body) => @"
using System;
using DatoCms.ErrorCodes;

internal static class Handler
{
    public static bool Check(DatoCmsErrorCode code, string text)
    {
" + body + @"
    }
}";

    [Fact]
    public Task EqualityWithAKnownCodeIsReported() => Verify005(@"
        return [|code.ToApiString() == ""ITEM_LOCKED""|];",
        "Compare code with DatoCmsErrorCode.ItemLocked instead of the raw code string \"ITEM_LOCKED\"");

    [Fact]
    public Task InequalityAndReversedOperandsAreReported() => Verify005(@"
        return [|""NOT_FOUND"" != code.ToApiString()|];",
        "Compare code with DatoCmsErrorCode.NotFound instead of the raw code string \"NOT_FOUND\"");

    [Fact]
    public Task StringEqualsFormsAreReported() => Verify005(@"
        return [|string.Equals(code.ToApiString(), ""ITEM_LOCKED"", StringComparison.Ordinal)|]
            || [|code.ToApiString().Equals(""EXCEPTION"")|];",
        "Compare code with DatoCmsErrorCode.ItemLocked instead of the raw code string \"ITEM_LOCKED\"",
        "Compare code with DatoCmsErrorCode.UnexpectedServerError instead of the raw code string \"EXCEPTION\"");

    [Fact]
    public Task NullConditionalApiCodeIsReported() => Verify005(@"
        DatoCmsApiError? error = text.Length > 0 ? new DatoCmsApiError(text) : null;
        return [|error?.ApiCode != ""NOT_FOUND""|] && [|error?.ApiCode.ToUpperInvariant() is ""item_locked""|];",
        "Compare error?.Code with DatoCmsErrorCode.NotFound instead of the raw code string \"NOT_FOUND\"",
        "Compare error?.Code with DatoCmsErrorCode.ItemLocked instead of the raw code string \"ITEM_LOCKED\"");

    [Fact]
    public Task IsPatternIsReported() => Verify005(@"
        return [|code.ToApiString() is ""ITEM_LOCKED""|];");

    /// <summary>A switch over many codes names the first three and counts the rest (a held-out trial found the first alone misleading).</summary>
    [Fact]
    public Task StringSwitchOverManyCodesNamesTheFirstThree() => Verify005(@"
        [|switch (code.ToApiString())|]
        {
            case ""ITEM_LOCKED"": return true;
            case ""NOT_FOUND"": return false;
            case ""INVALID_FIELD"": return false;
            case ""STALE_ITEM_VERSION"": return false;
            case ""RATE_LIMIT_EXCEEDED"": return true;
            default: return false;
        }",
        "Compare code with the DatoCmsErrorCode members instead of the raw code strings \"ITEM_LOCKED\", \"NOT_FOUND\", \"INVALID_FIELD\" and 2 more");

    [Fact]
    public Task StringSwitchIsReportedOnce() => Verify005(@"
        [|switch (code.ToApiString())|]
        {
            case ""ITEM_LOCKED"": return true;
            case ""NOT_FOUND"": return false;
            default: return false;
        }",
        "Compare code with the DatoCmsErrorCode members instead of the raw code strings \"ITEM_LOCKED\" and \"NOT_FOUND\"");

    [Fact]
    public Task ComparingOtherStringsIsNotReported() => Verify005(@"
        return text == ""ITEM_LOCKED"" || code.ToString() == ""ItemLocked"" || code.ToApiString() == text;");

    /// <summary>Shapes that must raise neither DATO005 nor DATO006.</summary>
    public static TheoryData<string> CompliantShapes => new()
    {
        @"return code == DatoCmsErrorCode.ItemLocked;",
        @"return code is DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.NotFound;",
        @"return text == ""ITEM_LOCKED"";",
        @"return string.Equals(text, ""ITEM_LOKED"", StringComparison.Ordinal);",
        @"return code.ToString() == ""ItemLocked"";",
        @"return code.ToApiString() == text;",
        @"return code.ToApiString().Length == 11;",
        @"return code.GetSummary() == ""ITEM_LOKED"";",
        @"return code.GetDocUrl().EndsWith(""#ITEM_LOCKED"", StringComparison.Ordinal);",
        @"return DatoCmsErrorCodes.TryParse(text, out var parsed) && parsed.IsTransient();",
        @"return DatoCmsErrorCodes.TryParse(""ITEM_LOCKED"", out _);",
        @"switch (text) { case ""ITEM_LOKED"": return true; default: return false; }",
        @"return code switch { DatoCmsErrorCode.ItemLocked => true, _ => false };",
        @"const string Locked = ""ITEM_LOCKED""; return text == Locked;",
        @"return Enum.TryParse<DatoCmsErrorCode>(""ItemLocked"", out _);",
        @"DatoCmsApiException? ex = null; return ex?.FindError(DatoCmsErrorCode.InvalidField) is null && ex?.FindError(text) is null && ex?.FindError(code.ToApiString()) is null;",
        // The string overload is for codes newer than the spec: one close to no known code is taken for such a code.
        @"DatoCmsApiException? ex = null; return ex?.FindError(""FUTURE_CODE"") is null && ex?.FindError(""BATCH_PUBLISHING_THROTTLED"") is null;",
    };

    [Theory]
    [MemberData(nameof(CompliantShapes))]
    public async Task CompliantShapeIsNotReported(string body)
    {
        await Verify005(body);
        await Verify006(body);
    }

    [Fact]
    public Task EnumComparisonIsNotReported() => Verify005(@"
        return code == DatoCmsErrorCode.ItemLocked;");

    [Fact]
    public Task MisspelledCodeGetsASuggestion() => Verify006(@"
        return code.ToApiString() == [|""ITEM_LOCKD""|];", null,
        "\"ITEM_LOCKD\" is not an error code of the spec; did you mean \"ITEM_LOCKED\"?");

    [Fact]
    public Task WrongCaseGetsASuggestion() => Verify006(@"
        return code.ToApiString() == [|""item_locked""|];", null,
        "\"item_locked\" is not an error code of the spec; did you mean \"ITEM_LOCKED\"?");

    [Fact]
    public Task FarFromAnyCodeGetsNoSuggestion() => Verify006(@"
        return code.ToApiString() == [|""SOMETHING_ELSE_ENTIRELY""|];", null,
        "\"SOMETHING_ELSE_ENTIRELY\" is not an error code of the spec");

    [Fact]
    public Task TryParseArgumentIsChecked() => Verify006(@"
        return DatoCmsErrorCodes.TryParse([|""STALE_ITEM_VERSON""|], out _) && DatoCmsErrorCodes.TryParse(""STALE_ITEM_VERSION"", out _) && DatoCmsErrorCodes.TryParse(text, out _);", null,
        "\"STALE_ITEM_VERSON\" is not an error code of the spec; did you mean \"STALE_ITEM_VERSION\"?");

    [Fact]
    public Task FindErrorStringArgumentIsChecked() => Verify006(@"
        DatoCmsApiException? ex = null;
        return ex?.FindError([|""INVALID_FILED""|]) is null
            && ex?.FindError(detailsPredicate: null, apiCode: [|""NOT_FUOND""|]) is null
            && ex?.FindError([|""item_locked""|]) is null;", null,
        "\"INVALID_FILED\" is not an error code of the spec; did you mean \"INVALID_FIELD\"?",
        "\"NOT_FUOND\" is not an error code of the spec; did you mean \"NOT_FOUND\"?",
        "\"item_locked\" is not an error code of the spec; did you mean \"ITEM_LOCKED\"?");

    /// <summary>The enum overload of FindError finds the same errors: a known code passed as a string is a DATO005, on the string.</summary>
    [Fact]
    public Task FindErrorWithAKnownCodeIsReported() => Verify005(@"
        DatoCmsApiException? ex = null;
        const string Locked = ""ITEM_LOCKED"";
        return ex?.FindError([|""NOT_FOUND""|]) is null
            && ex?.FindError([|""INVALID_FIELD""|], details => details.ValueKind == System.Text.Json.JsonValueKind.Object) is null
            && ex?.FindError(detailsPredicate: null, apiCode: [|""STALE_ITEM_VERSION""|]) is null
            && ex?.FindError([|Locked|]) is null;",
        "Compare each error's Code with DatoCmsErrorCode.NotFound instead of the raw code string \"NOT_FOUND\"",
        "Compare each error's Code with DatoCmsErrorCode.InvalidField instead of the raw code string \"INVALID_FIELD\"",
        "Compare each error's Code with DatoCmsErrorCode.StaleItemVersion instead of the raw code string \"STALE_ITEM_VERSION\"",
        "Compare each error's Code with DatoCmsErrorCode.ItemLocked instead of the raw code string \"ITEM_LOCKED\"");

    [Fact]
    public Task SwitchCasesAreCheckedOneByOne() => Verify006(@"
        {|DATO005:switch (code.ToApiString())|}
        {
            case ""ITEM_LOCKED"": return true;
            case [|""NOT_FUOND""|]: return false;
            default: return false;
        }");

    [Fact]
    public Task AcceptedCodesOptionSilencesCodesTheSpecDoesNotHaveYet() => Verify006(@"
        return code.ToApiString() == ""BRAND_NEW_CODE"" || code.ToApiString() == [|""OTHER_NEW_CODE""|];",
        new Dictionary<string, string> { [AnalyzerOptionNames.AcceptedCodesKey] = "BRAND_NEW_CODE, SOMETHING" });

    [Fact]
    public Task UnknownCodeIsNotAlsoReportedAsAKnownComparison() => Verify005(@"
        return code.ToApiString() == {|DATO006:""ITEM_LOCKD""|};");
}
