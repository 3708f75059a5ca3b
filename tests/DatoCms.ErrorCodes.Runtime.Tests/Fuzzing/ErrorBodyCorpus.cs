using System.Collections.Generic;

namespace DatoCms.ErrorCodes.Runtime.Tests.Fuzzing;

/// <summary>Realistic bodies the error-body fuzzer starts from: what the API, its proxies and its jobs send.</summary>
internal static class ErrorBodyCorpus
{
    public const string OneError =
        "{\"data\":[{\"id\":\"4b1c0e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"doc_url\":\"https://www.datocms.com/docs/content-management-api/errors#INVALID_FIELD\",\"details\":{\"field\":\"api_key\",\"code\":\"VALIDATION_UNIQUENESS\"},\"transient\":false}}]}";

    public const string ThreeErrorsWithNestedDetails =
        "{\n  \"data\": [\n    {\"id\": \"a1\", \"type\": \"api_error\", \"attributes\": {\"code\": \"ITEM_LOCKED\", \"details\": {\"locked_by\": {\"type\": \"user\", \"id\": \"42\"}, \"since\": \"2024-05-01T10:00:00Z\"}, \"transient\": true}},\n"
        + "    {\"id\": \"a2\", \"type\": \"api_error\", \"attributes\": {\"code\": \"INVALID_FIELD\", \"details\": {\"field\": \"title\", \"field_label\": \"Title\", \"errors\": [{\"code\": \"VALIDATION_REQUIRED\", \"options\": {\"min\": 1, \"max\": null}}, {\"code\": \"VALIDATION_LENGTH\", \"options\": {\"max\": 255}}], \"locale\": \"en\"}}},\n"
        + "    {\"id\": \"a3\", \"type\": \"api_error\", \"attributes\": {\"code\": \"SOME_CODE_FROM_THE_FUTURE\", \"details\": {\"path\": [\"blocks\", 3, \"image\"], \"ratio\": 1.5e3, \"ok\": false}}}\n  ]\n}\n";

    public const string RateLimited =
        "{\"data\":[{\"id\":\"r\",\"type\":\"api_error\",\"attributes\":{\"code\":\"RATE_LIMIT_EXCEEDED\",\"details\":{\"limit\":60,\"remaining\":0,\"reset\":2.5}}}]}";

    public const string JobResult =
        "{\"data\":{\"type\":\"job_result\",\"id\":\"j1\",\"attributes\":{\"status\":422,\"payload\":{\"data\":[{\"id\":\"e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"details\":{\"field\":\"title\"}}}]}}}}";

    public const string LegacyShape = "{\"data\":[{\"id\":\"NOT_FOUND\",\"type\":\"api_error\"}]}";

    public const string DataAsObject = "{\"data\":{\"id\":\"x\",\"type\":\"api_error\",\"attributes\":{\"code\":\"UNAUTHORIZED\"}},\"meta\":{\"request_id\":\"abc\"}}";

    public const string Html503 =
        "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    public const string WithCommentsAndTrailingCommas =
        "\uFEFF{ /* proxy */ \"data\": [ { \"type\": \"api_error\", \"attributes\": { \"code\": \"ITEM_LOCKED\", \"details\": { \"a\": [1, 2,], }, }, }, ], }";

    public const string EscapedStrings =
        "{\"data\":[{\"id\":\"\\u0065\",\"type\":\"api\\u005ferror\",\"attributes\":{\"code\":\"IT\\u0045M_LOCKED\",\"doc_url\":\"https:\\/\\/x.test\\/\\ud83d\\ude00\",\"details\":{\"\\u00e9\":\"\\\"\\\\\\b\\f\\n\\r\\t\"}}}]}";

    public static IReadOnlyList<string> All { get; } = new[]
    {
        OneError, ThreeErrorsWithNestedDetails, RateLimited, JobResult, LegacyShape, DataAsObject, Html503, WithCommentsAndTrailingCommas, EscapedStrings,
        string.Empty, "{}", "null", "[]", "{\"data\":[]}", "{\"errors\":[{\"message\":\"Not JSON:API\"}]}", "Service Unavailable",
    };
}
