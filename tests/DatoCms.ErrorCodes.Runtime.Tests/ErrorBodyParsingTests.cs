using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DatoCms.ErrorCodes.Runtime.Tests;

/// <summary>
/// <see cref="DatoCmsApiException.FromResponse(int, string, IEnumerable{KeyValuePair{string, IEnumerable{string}}})"/>
/// on the bodies real servers send: well-formed, older shapes and the odd ones that are not error
/// documents at all. It never throws and always keeps the status and the raw body.
/// </summary>
public class ErrorBodyParsingTests
{
    private const string InvalidField =
        "{\"data\":[{\"id\":\"4b1c0e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"doc_url\":\"https://example.test/errors#INVALID_FIELD\",\"details\":{\"field\":\"api_key\",\"code\":\"VALIDATION_UNIQUENESS\"}}}]}";

    private static DatoCmsApiException Parse(int status, string? body, params (string Name, string Value)[] headers)
    {
        var headerList = headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Name, new[] { h.Value })).ToList();
        var fromText = DatoCmsApiException.FromResponse(status, body, headerList);
        var fromBytes = DatoCmsApiException.FromResponse(status, Encoding.UTF8.GetBytes(body ?? string.Empty), headerList);

        // Both overloads must agree on everything a caller can see.
        Assert.Equal(fromText.GetType(), fromBytes.GetType());
        Assert.Equal(fromText.Message, fromBytes.Message);
        Assert.Equal(fromText.RawBody, fromBytes.RawBody);
        Assert.Equal(fromText.Errors.Select(e => e.ToString()), fromBytes.Errors.Select(e => e.ToString()));
        return fromText;
    }

    private static string Body(params string[] errors) => "{\"data\":[" + string.Join(",", errors) + "]}";

    private static string Error(string code, string? details = null, bool? transient = null) =>
        "{\"id\":\"e1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"" + code + "\""
        + (details is null ? string.Empty : ",\"details\":" + details)
        + (transient is null ? string.Empty : ",\"transient\":" + (transient.Value ? "true" : "false"))
        + "}}";

    [Fact]
    public void OneErrorGivesItsExceptionWithEverything()
    {
        var ex = Parse(422, InvalidField);

        var typed = Assert.IsType<InvalidFieldException>(ex);
        Assert.Equal(DatoCmsErrorCode.InvalidField, typed.Code);
        Assert.Equal("INVALID_FIELD", typed.ApiCode);
        Assert.Equal(422, typed.StatusCode);
        Assert.False(typed.IsTransient);
        Assert.Equal(DatoCmsRetryKind.None, typed.RetryKind);
        Assert.Equal(InvalidField, typed.RawBody);
        Assert.Null(typed.RateLimitReset);
        var error = Assert.Single(typed.Errors);
        Assert.Equal("4b1c0e", error.Id);
        Assert.Equal("https://example.test/errors#INVALID_FIELD", error.DocUrl);
        Assert.Equal("{\"field\":\"api_key\",\"code\":\"VALIDATION_UNIQUENESS\"}", error.DetailsJson);
        Assert.True(error.TryGetDetail("field", out var field));
        Assert.Equal("api_key", field);
    }

    [Fact]
    public void MessageNamesTheCodeTheSummaryTheDetailsAndTheLink()
    {
        var ex = Parse(422, InvalidField);

        Assert.Equal(
            "INVALID_FIELD (HTTP 422): " + DatoCmsErrorCode.InvalidField.GetSummary()
            + " Details: {\"field\":\"api_key\",\"code\":\"VALIDATION_UNIQUENESS\"} See https://example.test/errors#INVALID_FIELD",
            ex.Message);
    }

    [Fact]
    public void EverySpecCodeGetsItsOwnSealedExceptionOfTheRightFamily()
    {
        foreach (var code in DatoCmsErrorCodes.All)
        {
            var ex = Parse(422, Body(Error(code.ToApiString())));

            Assert.Equal(code, ex.Code);
            Assert.True(ex.GetType().IsSealed, code.ToApiString());
            Assert.NotEqual(typeof(DatoCmsApiException), ex.GetType());
            Assert.EndsWith("Exception", ex.GetType().Name, StringComparison.Ordinal);
            Assert.Equal(code.IsTransient(), ex is DatoCmsTransientApiException);
            Assert.Equal(code.IsTransient(), ex.IsTransient);
            Assert.Equal(code.GetRetryKind(), ex.RetryKind);
        }
    }

    [Fact]
    public void CodesTheDocsPageLacksGetTheirOwnTransientExceptions()
    {
        var editing = Parse(422, Body(Error("ACTIVE_EDITING_SESSIONS")));
        var validating = Parse(422, Body(Error("BATCH_DATA_VALIDATION_IN_PROGRESS")));

        Assert.IsType<ActiveEditingSessionsException>(editing);
        Assert.IsType<BatchDataValidationInProgressException>(validating);
        Assert.All(new[] { editing, validating }, ex =>
        {
            Assert.IsAssignableFrom<DatoCmsTransientApiException>(ex);
            Assert.Equal(DatoCmsRetryKind.Backoff, ex.RetryKind);
        });
        Assert.Equal((DatoCmsErrorFamily.Environment, DatoCmsErrorFamily.Availability), (editing.Code.GetFamily(), validating.Code.GetFamily()));
    }

    [Fact]
    public void OverlayRenameNamesTheException()
    {
        Assert.IsType<UnexpectedServerErrorException>(Parse(500, Body(Error("EXCEPTION"))));
        Assert.IsType<ItemLockedException>(Parse(422, Body(Error("ITEM_LOCKED"))));
        Assert.IsType<StaleItemVersionException>(Parse(422, Body(Error("STALE_ITEM_VERSION"))));
    }

    [Fact]
    public void FirstErrorDecidesTheTypeAndAllAreKept()
    {
        var ex = Parse(
            422,
            Body(
                Error("INVALID_FIELD", "{\"field\":\"title\",\"code\":\"VALIDATION_REQUIRED\",\"nested\":{\"path\":[1,2,{\"x\":null}]}}"),
                Error("ITEM_LOCKED"),
                Error("INVALID_FIELD", "{\"field\":\"slug\",\"code\":\"VALIDATION_UNIQUENESS\"}")));

        Assert.IsType<InvalidFieldException>(ex);
        Assert.Equal(new[] { "INVALID_FIELD", "ITEM_LOCKED", "INVALID_FIELD" }, ex.Errors.Select(e => e.ApiCode));
        Assert.Equal("{\"field\":\"title\",\"code\":\"VALIDATION_REQUIRED\",\"nested\":{\"path\":[1,2,{\"x\":null}]}}", ex.Errors[0].DetailsJson);
        Assert.Equal(3, ex.Errors[0].Details.GetProperty("nested").GetProperty("path").GetArrayLength());
        Assert.Contains(" Also: ITEM_LOCKED, INVALID_FIELD. See ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindErrorPicksOneErrorByCodeAndDetails()
    {
        var ex = Parse(422, Body(Error("INVALID_FIELD", "{\"field\":\"title\"}"), Error("INVALID_FIELD", "{\"field\":\"slug\"}"), Error("FUTURE_CODE")));

        var slug = ex.FindError(DatoCmsErrorCode.InvalidField, d => d.GetProperty("field").GetString() == "slug");
        Assert.Equal("{\"field\":\"slug\"}", slug?.DetailsJson);
        Assert.Equal("{\"field\":\"title\"}", ex.FindError(DatoCmsErrorCode.InvalidField)?.DetailsJson);
        Assert.Null(ex.FindError(DatoCmsErrorCode.ItemLocked));
        Assert.Null(ex.FindError(DatoCmsErrorCode.InvalidField, d => d.GetProperty("field").GetString() == "name"));
        Assert.Equal("FUTURE_CODE", ex.FindError("FUTURE_CODE")?.ApiCode);
        Assert.Equal(DatoCmsErrorCode.Unknown, ex.FindError("FUTURE_CODE")?.Code);
    }

    /// <summary>
    /// DATO005's fix turns ex.FindError("ITEM_LOCKED", predicate) into ex.FindError(DatoCmsErrorCode.ItemLocked,
    /// predicate): for every code of the spec both find the same error, with and without the predicate,
    /// among errors of that code, of other codes, of a code that differs only in case and of an unknown code.
    /// </summary>
    [Fact]
    public void FindErrorByAKnownCodeStringFindsWhatTheEnumOverloadFinds()
    {
        foreach (var code in DatoCmsErrorCodes.All)
        {
            var apiCode = code.ToApiString();
            var ex = Parse(422, Body(
                Error(apiCode.ToLowerInvariant(), "{\"n\":0}"),
                Error("FUTURE_CODE", "{\"n\":1}"),
                Error(code == DatoCmsErrorCode.NotFound ? "ITEM_LOCKED" : "NOT_FOUND", "{\"n\":2}"),
                Error(apiCode, "{\"n\":3}"),
                Error(apiCode, "{\"n\":4}")));
            bool Fourth(System.Text.Json.JsonElement details) => details.GetProperty("n").GetInt32() == 4;

            Assert.Same(ex.FindError(code), ex.FindError(apiCode));
            Assert.Same(ex.FindError(code, Fourth), ex.FindError(apiCode, Fourth));
            Assert.Equal("{\"n\":3}", ex.FindError(apiCode)?.DetailsJson);
            Assert.Equal("{\"n\":4}", ex.FindError(apiCode, Fourth)?.DetailsJson);
        }
    }

    [Fact]
    public void UnknownCodeGivesTheBaseTypeAndKeepsTheString()
    {
        var ex = Parse(422, Body(Error("BRAND_NEW_CODE")));

        Assert.Equal(typeof(DatoCmsApiException), ex.GetType());
        Assert.Equal(DatoCmsErrorCode.Unknown, ex.Code);
        Assert.Equal("BRAND_NEW_CODE", ex.ApiCode);
        Assert.False(ex.IsTransient);
        Assert.Equal(
            "BRAND_NEW_CODE (HTTP 422): an error code this build's spec does not know yet. See " + DatoCmsErrorCodes.DocsUrl + "#BRAND_NEW_CODE",
            ex.Message);
    }

    [Fact]
    public void TransientFlagMakesAnyErrorTransient()
    {
        var unknown = Parse(422, Body(Error("BRAND_NEW_BUSY", transient: true)));
        var permanent = Parse(422, Body(Error("INVALID_FIELD", transient: true)));
        var notFlagged = Parse(422, Body(Error("INVALID_FIELD", transient: false)));

        Assert.IsType<DatoCmsTransientApiException>(unknown);
        Assert.Equal(DatoCmsRetryKind.Backoff, unknown.RetryKind);
        Assert.IsType<DatoCmsTransientApiException>(permanent);
        Assert.Equal(DatoCmsErrorCode.InvalidField, permanent.Code);
        Assert.True(permanent.Errors[0].IsTransient);
        Assert.IsType<InvalidFieldException>(notFlagged);
        Assert.False(notFlagged.IsTransient);
    }

    [Theory]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(500, false)]
    [InlineData(404, false)]
    public void EmptyBodyKeepsTheStatusAndIsTransientForGatewayStatuses(int status, bool transient)
    {
        var ex = Parse(status, string.Empty);

        Assert.Equal(transient, ex.IsTransient);
        Assert.Equal(transient, ex is DatoCmsTransientApiException);
        Assert.Equal(status, ex.StatusCode);
        Assert.Empty(ex.Errors);
        Assert.Equal(string.Empty, ex.ApiCode);
        Assert.Equal(DatoCmsErrorCode.Unknown, ex.Code);
        Assert.Equal("The DatoCMS API answered HTTP " + status + " with no error body.", ex.Message);
    }

    [Fact]
    public void NullBodyIsAnEmptyBody()
    {
        var ex = DatoCmsApiException.FromResponse(503, (string?)null);

        Assert.Equal(string.Empty, ex.RawBody);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public void BareTooManyRequestsIsTheRateLimitErrorWithTheResetHeader()
    {
        var ex = Parse(429, string.Empty, ("x-ratelimit-reset", "7"));

        var typed = Assert.IsType<RateLimitExceededException>(ex);
        Assert.Equal(TimeSpan.FromSeconds(7), typed.RateLimitReset);
        Assert.Equal(429, typed.StatusCode);
        Assert.Equal("RATE_LIMIT_EXCEEDED", typed.ApiCode);
        Assert.Equal(string.Empty, typed.RawBody);
        Assert.Empty(typed.Errors);
        Assert.Equal(DatoCmsRetryKind.RateLimit, typed.RetryKind);
        Assert.True(typed.IsTransient);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("")]
    public void UnreadableResetHeaderIsIgnored(string value) =>
        Assert.Null(Parse(429, string.Empty, ("X-RateLimit-Reset", value)).RateLimitReset);

    [Fact]
    public void HtmlPageFromAProxyKeepsTheRawBody()
    {
        const string Html = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body><center><h1>503 Service Temporarily Unavailable</h1></center></body>\r\n</html>";

        var ex = Parse(503, Html);

        Assert.IsType<DatoCmsTransientApiException>(ex);
        Assert.Equal(Html, ex.RawBody);
        Assert.Empty(ex.Errors);
        Assert.StartsWith("The DatoCMS API answered HTTP 503 with a body that is not a DatoCMS error document: <html> <head><title>503", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"data\":[{\"id\":\"e1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LO")]
    [InlineData("{\"data\":[{\"id\":\"e1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\"}}]")]
    [InlineData("{\"message\":\"Internal Server Error\"}")]
    [InlineData("[\"ITEM_LOCKED\"]")]
    [InlineData("\"ITEM_LOCKED\"")]
    [InlineData("{\"data\":[{\"id\":\"1\",\"type\":\"item\",\"attributes\":{\"code\":\"ITEM_LOCKED\"}}]}")]
    [InlineData("{\"data\":null}")]
    [InlineData("{\"data\":[1,\"x\",null]}")]
    [InlineData("null")]
    [InlineData("Service Unavailable")]
    public void BodiesThatAreNotErrorDocumentsGiveTheBaseType(string body)
    {
        var ex = Parse(500, body);

        Assert.Equal(typeof(DatoCmsApiException), ex.GetType());
        Assert.Equal(body, ex.RawBody);
        Assert.Empty(ex.Errors);
        Assert.Equal(500, ex.StatusCode);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public void LegacyShapeWithTheCodeInIdParses()
    {
        var ex = Parse(422, "{\"data\":[{\"type\":\"api_error\",\"id\":\"ITEM_LOCKED\",\"attributes\":{\"details\":{}}}]}");

        Assert.IsType<ItemLockedException>(ex);
        Assert.Null(ex.Errors[0].Id);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public void MissingDocUrlFallsBackToThePageAnchor()
    {
        var ex = Parse(422, Body(Error("ITEM_LOCKED")));

        Assert.Equal(DatoCmsErrorCode.ItemLocked.GetDocUrl(), ex.Errors[0].DocUrl);
        Assert.EndsWith("See " + DatoCmsErrorCode.ItemLocked.GetDocUrl(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOrderWhitespaceAndUnknownKeysDoNotMatter()
    {
        const string Body = "\n {  \"meta\" : {\"x\":[1,2]}, \"data\" : [ { \"attributes\" : { \"transient\" : false, \"extra\": [], \"details\" : { \"field\" : \"title\" } , \"code\" : \"INVALID_FIELD\" }, \"type\" : \"api_error\", \"id\" : \"z9\" } ] } \n";

        var ex = Parse(422, Body);

        Assert.IsType<InvalidFieldException>(ex);
        Assert.Equal("z9", ex.Errors[0].Id);
        Assert.Equal("{ \"field\" : \"title\" }", ex.Errors[0].DetailsJson);
    }

    [Fact]
    public void ByteOrderMarkAndEscapedStringsAreRead()
    {
        var ex = Parse(422, "\uFEFF{\"data\":[{\"id\":\"e\\u0031\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM\\u005fLOCKED\"}}]}");

        Assert.IsType<ItemLockedException>(ex);
        Assert.Equal("e1", ex.Errors[0].Id);
    }

    [Fact]
    public void JobResultWithAFailedInnerStatusGivesTheTypedException()
    {
        const string Job = "{\"data\":{\"type\":\"job_result\",\"id\":\"j1\",\"attributes\":{\"status\":422,\"payload\":{\"data\":[{\"id\":\"e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"details\":{\"field\":\"title\"}}}]}}}}";

        var fromText = DatoCmsApiException.FromJobResult(Job);
        var fromBytes = DatoCmsApiException.FromJobResult(Encoding.UTF8.GetBytes(Job));

        Assert.IsType<InvalidFieldException>(fromText);
        Assert.IsType<InvalidFieldException>(fromBytes);
        Assert.Equal(422, fromText!.StatusCode);
        Assert.Equal("{\"field\":\"title\"}", fromText.Errors[0].DetailsJson);
    }

    [Theory]
    [InlineData("{\"data\":{\"type\":\"job_result\",\"id\":\"j1\",\"attributes\":{\"status\":200,\"payload\":{\"data\":{}}}}}")]
    [InlineData("{\"data\":{\"type\":\"item\",\"id\":\"j1\",\"attributes\":{\"status\":422}}}")]
    [InlineData("<html></html>")]
    [InlineData("")]
    [InlineData("{\"data\":{\"type\":\"job_result\",\"attributes\":{\"status\":42")]
    public void SuccessfulOrForeignJobResultsGiveNothing(string body)
    {
        Assert.Null(DatoCmsApiException.FromJobResult(body));
        Assert.Null(DatoCmsApiException.FromJobResult(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void JobResultWithAGatewayStatusAndNoPayloadIsTransient()
    {
        var ex = DatoCmsApiException.FromJobResult("{\"data\":{\"type\":\"job_result\",\"id\":\"j\",\"attributes\":{\"status\":503}}}");

        Assert.IsType<DatoCmsTransientApiException>(ex);
    }

    [Fact]
    public void ManyErrorsAreSummarisedInTheMessage()
    {
        var ex = Parse(422, Body(Enumerable.Range(0, 9).Select(_ => Error("ITEM_LOCKED")).ToArray()));

        Assert.Equal(9, ex.Errors.Count);
        Assert.Contains(" Also: ITEM_LOCKED, ITEM_LOCKED, ITEM_LOCKED, ITEM_LOCKED, ITEM_LOCKED, +3 more.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExceptionsCanBeCaughtByTheirFamilyBase()
    {
        static void Throw() => throw DatoCmsApiException.FromResponse(422, Body(Error("ENVIRONMENT_NOT_READY")));

        var caught = Assert.ThrowsAny<DatoCmsTransientApiException>(Throw);
        Assert.IsType<EnvironmentNotReadyException>(caught);
    }

    // Found by ErrorBodyFuzzTests: Utf8JsonReader threw InvalidOperationException out of FromResponse.
    [Theory]
    [InlineData("{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"\\ud800\"}}]}")]
    [InlineData("{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"co\\udc00de\":\"ITEM_LOCKED\"}}]}")]
    public void EscapedLoneSurrogatesMakeABodyUnreadableButDoNotThrow(string body)
    {
        var ex = Parse(422, body);

        Assert.IsType<DatoCmsApiException>(ex);
        Assert.Equal(string.Empty, ex.ApiCode);
        Assert.Empty(ex.Errors);
        Assert.Equal(body, ex.RawBody);
        Assert.StartsWith("The DatoCMS API answered HTTP 422 with a body that is not a DatoCMS error document: ", ex.Message, StringComparison.Ordinal);
    }

    // Found by ErrorBodyFuzzTests: GetString threw InvalidOperationException on invalid UTF-8 in the code.
    [Fact]
    public void InvalidUtf8InTheCodeReadsAsReplacementCharacters()
    {
        var body = Encoding.UTF8.GetBytes("{\"data\":[{\"id\":\"e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED#\"}}]}");
        body[Array.IndexOf(body, (byte)'#')] = 0xFF;

        var ex = DatoCmsApiException.FromResponse(409, body);

        Assert.Equal("ITEM_LOCKED\uFFFD", ex.ApiCode);
        Assert.Equal(DatoCmsErrorCode.Unknown, ex.Code);
        Assert.Equal("e", Assert.Single(ex.Errors).Id);
        Assert.Equal(Encoding.UTF8.GetString(body), ex.RawBody);
        Assert.Equal(DatoCmsApiException.FromResponse(409, ex.RawBody).Message, ex.Message);
    }

    // Found by ErrorBodyFuzzTests: the body reader accepts trailing commas and comments, Details did not.
    [Fact]
    public void DetailsWithTrailingCommasAndCommentsParse()
    {
        var ex = Parse(422, Body(Error("INVALID_FIELD", "{ /* which */ \"field\": \"title\", \"ids\": [1, 2,], }")));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("{ /* which */ \"field\": \"title\", \"ids\": [1, 2,], }", error.DetailsJson);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, error.Details.ValueKind);
        Assert.True(error.TryGetDetail("field", out var field));
        Assert.Equal("title", field);
    }

    [Fact]
    public void DetailsWithAnEscapedLoneSurrogateAreNotReadAsText()
    {
        var ex = Parse(422, Body(Error("INVALID_FIELD", "{\"field\":\"\\udc00\"}")));

        Assert.False(ex.Errors[0].TryGetDetail("field", out var field));
        Assert.Null(field);
    }

    [Fact]
    public void TheServersDocUrlIsKeptAsSentAndTheSpecsLinkIsReusedWhenItIsTheSame()
    {
        var specLink = DatoCmsErrorCode.ItemLocked.GetDocUrl();
        string WithDocUrl(string docUrlJson) => Body("{\"id\":\"e1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"doc_url\":" + docUrlJson + "}}");

        var same = Parse(422, WithDocUrl("\"" + specLink + "\""));
        var escaped = Parse(422, WithDocUrl("\"" + specLink.Replace("/", "\\/", StringComparison.Ordinal) + "\""));
        var other = Parse(422, WithDocUrl("\"" + specLink + "-moved\""));

        Assert.Same(specLink, same.Errors[0].DocUrl);
        Assert.Equal(specLink, escaped.Errors[0].DocUrl);
        Assert.Equal(specLink + "-moved", other.Errors[0].DocUrl);
    }

    [Fact]
    public void EmptyDetailsAreTheEmptyObject()
    {
        var ex = Parse(422, Body(Error("ITEM_LOCKED", "{}"), Error("ITEM_LOCKED", "{ }")));

        Assert.Equal("{}", ex.Errors[0].DetailsJson);
        Assert.Equal("{ }", ex.Errors[1].DetailsJson);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, ex.Errors[0].Details.ValueKind);
    }

    [Fact]
    public void TheExceptionsCodeIsTheFirstErrorsCodeOrParsedFromItsOwnApiCode()
    {
        var errors = new[] { new DatoCmsApiError("ITEM_LOCKED") };

        Assert.Equal(DatoCmsErrorCode.ItemLocked, new DatoCmsApiException(422, "ITEM_LOCKED", errors).Code);
        Assert.Equal(DatoCmsErrorCode.InvalidField, new DatoCmsApiException(422, "INVALID_FIELD", errors).Code);
        Assert.Equal(DatoCmsErrorCode.Unknown, new DatoCmsApiException(422, "NOT_A_CODE", errors).Code);
        Assert.Equal(DatoCmsErrorCode.StaleItemVersion, new DatoCmsApiException(422, "STALE_ITEM_VERSION").Code);
    }

    [Fact]
    public void EveryCodeReadFromABodyHasTheCodeItsStringParsesTo()
    {
        foreach (var code in DatoCmsErrorCodes.All)
        {
            var ex = Parse(422, Body(Error(code.ToApiString()), Error(code.ToApiString().ToLowerInvariant())));

            Assert.Equal(code, ex.Code);
            Assert.Equal((code, code.ToApiString()), (ex.Errors[0].Code, ex.Errors[0].ApiCode));
            Assert.Equal(DatoCmsErrorCode.Unknown, ex.Errors[1].Code);
        }
    }
}
