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

    [Theory]
    [InlineData("code.ToApiString() is \"ITEM_LOCKED\" or \"NOT_FOUND\"", "code is DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.NotFound")]
    [InlineData("code.ToApiString() is (\"ITEM_LOCKED\" or \"EXCEPTION\")", "code is (DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.UnexpectedServerError)")]
    [InlineData("code.ToApiString().ToLowerInvariant() is \"item_locked\" or \"not_found\"", "code is DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.NotFound")]
    [InlineData("code.ToApiString().ToLowerInvariant() == \"item_locked\"", "code == DatoCmsErrorCode.ItemLocked")]
    public Task PatternsOfSeveralCodesAndCaseChangedStringsBecomeEnumTests(string before, string after) => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new CompareErrorCodeCodeFix(), "DATO005", CompareErrorCodeCodeFix.EquivalenceKey, Source("[|" + before + "|]"), Source(after));

    private static string Describer(string body) => @"using System;
using DatoCms.ErrorCodes;

internal static class Describer
{
" + body + @"
}
";

    [Fact]
    public Task ASwitchStatementOverTheStringBecomesASwitchOverTheEnum() => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new CompareErrorCodeCodeFix(), "DATO005", CompareErrorCodeCodeFix.EquivalenceKey,
        Describer(@"    public static string Describe(DatoCmsApiException ex)
    {
        [|switch (ex.ApiCode)|]
        {
            case ""NOT_FOUND"":
                return ""missing"";
            case ""ITEM_LOCKED"" or ""RATE_LIMIT_EXCEEDED"":
                return ""busy"";
            case ""INVALID_FIELD"" when ex.Errors.Count > 1:
                return ""several fields"";
            default:
                return ""other"";
        }
    }"),
        Describer(@"    public static string Describe(DatoCmsApiException ex)
    {
        switch (ex.Code)
        {
            case DatoCmsErrorCode.NotFound:
                return ""missing"";
            case DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.RateLimitExceeded:
                return ""busy"";
            case DatoCmsErrorCode.InvalidField when ex.Errors.Count > 1:
                return ""several fields"";
            default:
                return ""other"";
        }
    }"));

    [Fact]
    public Task ASwitchExpressionOverAnErrorsStringBecomesOneOverItsCode() => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new CompareErrorCodeCodeFix(), "DATO005", CompareErrorCodeCodeFix.EquivalenceKey,
        Describer(@"    public static int Priority(DatoCmsApiError? error) => [|error?.ApiCode switch|]
    {
        ""ITEM_LOCKED"" => 1,
        ""STALE_ITEM_VERSION"" or ""INVALID_FIELD"" => 2,
        _ => 3,
    };"),
        Describer(@"    public static int Priority(DatoCmsApiError? error) => error?.Code switch
    {
        DatoCmsErrorCode.ItemLocked => 1,
        DatoCmsErrorCode.StaleItemVersion or DatoCmsErrorCode.InvalidField => 2,
        _ => 3,
    };"));

    /// <summary>A null case, a type pattern, two constants for one member, or a <c>goto case</c> with a string keep the string.</summary>
    [Theory]
    [InlineData("case null: return \"none\"; case \"NOT_FOUND\": return \"missing\";")]
    [InlineData("case \"NOT_FOUND\": return \"missing\"; case string s when s.StartsWith(\"ITEM\"): return \"item\";")]
    [InlineData("case \"NOT_FOUND\": return \"missing\"; case \"ITEM_LOCKED\" or \"NOT_FOUND\": return \"again\";")]
    [InlineData("case \"ITEM_LOCKED\": goto case \"NOT_FOUND\"; case \"NOT_FOUND\": return \"missing\";")]
    public Task ASwitchWithCasesTheEnumCannotExpressIsLeftAlone(string cases) => CodeFixVerifier.VerifyNotOfferedAsync(
        new CodeStringAnalyzer(), new CompareErrorCodeCodeFix(), "DATO005", CompareErrorCodeCodeFix.EquivalenceKey,
        Describer(@"    public static string Describe(DatoCmsApiException ex)
    {
        [|switch (ex.ApiCode)|]
        {
            " + cases + @"
            default: return ""other"";
        }
    }"));

    [Fact]
    public Task MisspelledCodeIsReplacedWithTheSuggestion() => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new UseSuggestedCodeCodeFix(), "DATO006", UseSuggestedCodeCodeFix.EquivalenceKey,
        Source("DatoCmsErrorCodes.TryParse([|\"ITEM_LOKCED\"|], out _)"),
        Source("DatoCmsErrorCodes.TryParse(\"ITEM_LOCKED\", out _)"));

    [Fact]
    public Task MisspelledFindErrorCodeIsReplacedWithTheSuggestion() => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new UseSuggestedCodeCodeFix(), "DATO006", UseSuggestedCodeCodeFix.EquivalenceKey,
        Describer(@"    public static DatoCmsApiError? Field(DatoCmsApiException ex) => ex.FindError([|""INVALID_FILED""|]);"),
        Describer(@"    public static DatoCmsApiError? Field(DatoCmsApiException ex) => ex.FindError({|DATO005:""INVALID_FIELD""|});"));

    /// <summary>
    /// The code string becomes the member, which calls FindError's enum overload: the same errors are
    /// found, a details predicate stays, and a named apiCode takes the enum parameter's name.
    /// </summary>
    [Fact]
    public Task FindErrorWithAKnownCodeCallsTheEnumOverload() => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new CompareErrorCodeCodeFix(), "DATO005", CompareErrorCodeCodeFix.EquivalenceKey,
        Describer(@"    private const string Stale = ""STALE_ITEM_VERSION"";

    public static DatoCmsApiError? Locked(DatoCmsApiException ex) => ex.FindError([|""ITEM_LOCKED""|]);

    public static DatoCmsApiError? Slug(DatoCmsApiException ex) => ex.FindError([|""INVALID_FIELD""|], details => details.GetProperty(""field"").GetString() == ""slug"");

    public static DatoCmsApiError? Named(DatoCmsApiException? ex) => ex?.FindError(detailsPredicate: null, apiCode: /* the code */ [|""NOT_FOUND""|]);

    public static bool IsStale(DatoCmsApiException ex) => ex.FindError([|Stale|]) is not null;

    public static DatoCmsApiError? Newer(DatoCmsApiException ex) => ex.FindError(""FUTURE_CODE"");"),
        Describer(@"    private const string Stale = ""STALE_ITEM_VERSION"";

    public static DatoCmsApiError? Locked(DatoCmsApiException ex) => ex.FindError(DatoCmsErrorCode.ItemLocked);

    public static DatoCmsApiError? Slug(DatoCmsApiException ex) => ex.FindError(DatoCmsErrorCode.InvalidField, details => details.GetProperty(""field"").GetString() == ""slug"");

    public static DatoCmsApiError? Named(DatoCmsApiException? ex) => ex?.FindError(detailsPredicate: null, code: /* the code */ DatoCmsErrorCode.NotFound);

    public static bool IsStale(DatoCmsApiException ex) => ex.FindError(DatoCmsErrorCode.StaleItemVersion) is not null;

    public static DatoCmsApiError? Newer(DatoCmsApiException ex) => ex.FindError(""FUTURE_CODE"");"));

    /// <summary>
    /// nameof gives the member's C# name, which never equals the API's code: it becomes the code the
    /// diagnostic suggests, a comparison that DATO005 then turns into an enum comparison.
    /// </summary>
    [Fact]
    public Task NameOfAMemberIsReplacedWithItsCode() => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new UseSuggestedCodeCodeFix(), "DATO006", UseSuggestedCodeCodeFix.EquivalenceKey,
        Source("code.ToApiString() == [|nameof(DatoCmsErrorCode.ItemLocked)|]"),
        Source("{|DATO005:code.ToApiString() == \"ITEM_LOCKED\"|}"));

    [Fact]
    public Task NoSuggestionMeansNoFix() => CodeFixVerifier.VerifyNotOfferedAsync(
        new CodeStringAnalyzer(), new UseSuggestedCodeCodeFix(), "DATO006", UseSuggestedCodeCodeFix.EquivalenceKey,
        Source("DatoCmsErrorCodes.TryParse([|\"NOTHING_LIKE_ANY_CODE_AT_ALL\"|], out _)"));

    private const string ServiceBefore = @"using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed class ItemPublisher
{
    private readonly HttpClient _client;

    public ItemPublisher(HttpClient client) => _client = client;

    public async Task<bool> TryPublishAsync(string itemId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.PutAsync($""items/{itemId}/publish"", null, cancellationToken);
            await response.EnsureDatoCmsSuccessAsync(cancellationToken);
            return true;
        }
        catch (DatoCmsApiException ex) when (!ex.IsTransient)
        {
            if ([|ex.ApiCode == ""ITEM_LOCKED""|])
            {
                Console.WriteLine(""Someone is editing "" + itemId);
                return false;
            }

            if (![|string.Equals(ex.ApiCode, ""NOT_FOUND"", StringComparison.Ordinal)|])
            {
                throw;
            }

            return false;
        }
    }

    public static string Describe(DatoCmsErrorCode code) => [|code.ToApiString() == ""INVALID_FIELD""|] ? ""invalid field"" : code.ToApiString();
}
";

    /// <summary>
    /// Realistic service code: <c>ex.ApiCode == "..."</c> used to throw "Syntax node is not within
    /// syntax tree" (the fix asked the semantic model about the node it had just built), and that one
    /// site aborted Fix All for the whole document. Every site is fixed now, one by one and at once.
    /// </summary>
    [Fact]
    public Task ApiCodeComparisonsInAServiceAreAllFixed() => CodeFixVerifier.VerifyAsync(
        new CodeStringAnalyzer(), new CompareErrorCodeCodeFix(), "DATO005", CompareErrorCodeCodeFix.EquivalenceKey,
        ServiceBefore,
        ServiceBefore
            .Replace(@"[|ex.ApiCode == ""ITEM_LOCKED""|]", "ex.Code == DatoCmsErrorCode.ItemLocked")
            .Replace(@"![|string.Equals(ex.ApiCode, ""NOT_FOUND"", StringComparison.Ordinal)|]", "ex.Code != DatoCmsErrorCode.NotFound")
            .Replace(@"[|code.ToApiString() == ""INVALID_FIELD""|]", "code == DatoCmsErrorCode.InvalidField"));
}
