using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Runtime.Tests.Fuzzing;

/// <summary>
/// Thousands of broken bodies through <c>FromResponse</c> (text and UTF-8) and <c>FromJobResult</c>:
/// none throws, each keeps the status and the raw body and has a message. Seeded: a failure
/// prints the seed and the body (see <see cref="SeededFuzz"/> to replay it).
/// </summary>
public class ErrorBodyFuzzTests
{
    private const int Cases = 4000;

    private static readonly int[] Statuses = { 400, 401, 404, 409, 412, 422, 429, 500, 502, 503, 504, 0, -1, 200, 999, int.MaxValue, int.MinValue };

    private static readonly string[] ResetValues = { "2", "0.5", "-1", "0", "abc", "1e400", "NaN", "Infinity", " 3 ", "", "99999999999", "\u0663" };

    [Fact]
    public void MutatedTextBodiesNeverThrowAndKeepTheBody()
    {
        var watch = Stopwatch.StartNew();
        SeededFuzz.Run(
            "ErrorBodyText",
            firstSeed: 1_000,
            Cases,
            random => (Status: random.Pick(Statuses), Body: ErrorBodyMutator.Mutate(random, random.Pick(ErrorBodyCorpus.All)), Headers: RandomHeaders(random)),
            (input, _) =>
            {
                var fromText = DatoCmsApiException.FromResponse(input.Status, input.Body, input.Headers);
                AssertUsable(fromText, input.Status, input.Body);

                // The UTF-8 overload must read the same errors from the same text.
                var bytes = Encoding.UTF8.GetBytes(input.Body);
                var fromBytes = DatoCmsApiException.FromResponse(input.Status, bytes, input.Headers);
                AssertUsable(fromBytes, input.Status, Encoding.UTF8.GetString(bytes));
                Assert.Equal(fromText.GetType(), fromBytes.GetType());
                Assert.Equal(Describe(fromText.Errors), Describe(fromBytes.Errors));
                if (fromText.RawBody == fromBytes.RawBody)
                {
                    Assert.Equal(fromText.Message, fromBytes.Message);
                }

                AssertJobResultUsable(DatoCmsApiException.FromJobResult(input.Body, input.Headers));
            },
            input => $"status {input.Status}, body {SeededFuzz.Literal(input.Body)}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "The fuzz test took " + watch.Elapsed);
    }

    [Fact]
    public void MutatedUtf8BodiesNeverThrowAndKeepTheDecodedBody()
    {
        SeededFuzz.Run(
            "ErrorBodyUtf8",
            firstSeed: 50_000,
            Cases,
            random => (Status: random.Pick(Statuses), Body: ErrorBodyMutator.MutateBytes(random, Encoding.UTF8.GetBytes(ErrorBodyMutator.Mutate(random, random.Pick(ErrorBodyCorpus.All))))),
            (input, _) =>
            {
                var fromBytes = DatoCmsApiException.FromResponse(input.Status, input.Body);
                var decoded = Encoding.UTF8.GetString(input.Body);
                AssertUsable(fromBytes, input.Status, decoded);

                // Invalid UTF-8 reads as U+FFFD, the way the text overload sees the decoded body.
                var fromText = DatoCmsApiException.FromResponse(input.Status, decoded);
                Assert.Equal(fromText.GetType(), fromBytes.GetType());
                Assert.Equal(Describe(fromText.Errors), Describe(fromBytes.Errors));
                Assert.Equal(fromText.Message, fromBytes.Message);

                AssertJobResultUsable(DatoCmsApiException.FromJobResult(input.Body));
            },
            input => $"status {input.Status}, body {SeededFuzz.Bytes(input.Body)}");
    }

    [Fact]
    public void MutatedJobResultsNeverThrow()
    {
        SeededFuzz.Run(
            "JobResult",
            firstSeed: 90_000,
            Cases / 4,
            random => ErrorBodyMutator.Mutate(random, ErrorBodyCorpus.JobResult),
            (body, _) =>
            {
                var fromText = DatoCmsApiException.FromJobResult(body);
                var fromBytes = DatoCmsApiException.FromJobResult(Encoding.UTF8.GetBytes(body));
                AssertJobResultUsable(fromText);
                AssertJobResultUsable(fromBytes);
                Assert.Equal(fromText?.GetType(), fromBytes?.GetType());
                Assert.Equal(fromText?.StatusCode, fromBytes?.StatusCode);
            },
            body => SeededFuzz.Literal(body));
    }

    public static TheoryData<string, string> ExtremeBodies => new()
    {
        { "10,000 open brackets", new string('[', 10_000) },
        { "10,000 nested data objects", string.Concat(Enumerable.Repeat("{\"data\":", 10_000)) },
        { "details nested past the reader's depth", "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"details\":" + new string('[', 100) + new string(']', 100) + "}}]}" },
        { "a 2 MB code", "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"" + new string('A', 2_000_000) + "\"}}]}" },
        { "a 2 MB details string", "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"details\":{\"field\":\"" + new string('é', 2_000_000) + "\"}}}]}" },
        { "20,000 errors", "{\"data\":[" + string.Join(",", Enumerable.Repeat("{\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\"}}", 20_000)) + "]}" },
        { "lone surrogates in the code", "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"\uD800ITEM\uDC00\"}}]}" },
        { "escaped lone surrogates in the code", "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"\\ud800\",\"doc_url\":\"\\udc00\"}}]}" },
        { "escaped lone surrogates in a detail", "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"details\":{\"field\":\"\\udc00\",\"\\ud800\":1}}}]}" },
        { "NUL and RTL override", "{\"data\":[{\"type\":\"api_error\",\"attributes\":{\"code\":\"\u202EITEM_LOCKED\0\"}}]}\0" },
        { "two BOMs", "\uFEFF\uFEFF{\"data\":[]}" },
        { "only whitespace", " \r\n\t\u00A0\u2028" },
    };

    [Theory]
    [MemberData(nameof(ExtremeBodies))]
    public void ExtremeBodiesNeverThrow(string name, string body)
    {
        _ = name;
        foreach (var status in new[] { 422, 503 })
        {
            AssertUsable(DatoCmsApiException.FromResponse(status, body), status, body);
            var bytes = Encoding.UTF8.GetBytes(body);
            AssertUsable(DatoCmsApiException.FromResponse(status, bytes), status, Encoding.UTF8.GetString(bytes));
        }

        AssertJobResultUsable(DatoCmsApiException.FromJobResult(body));
    }

    private static void AssertUsable(DatoCmsApiException exception, int status, string expectedRawBody)
    {
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(expectedRawBody, exception.RawBody);
        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
        Assert.NotNull(exception.ApiCode);
        _ = exception.Code.ToApiString();
        _ = exception.RetryKind;
        _ = exception.IsTransient;
        _ = exception.ToString();
        _ = exception.FindError(exception.Code);
        _ = exception.FindError(exception.ApiCode, details => details.ValueKind == System.Text.Json.JsonValueKind.Object);
        if (exception.Errors.Count > 0)
        {
            Assert.Equal(exception.Errors[0].ApiCode, exception.ApiCode);
        }

        foreach (var error in exception.Errors.Take(50))
        {
            Assert.NotNull(error.ApiCode);
            Assert.False(string.IsNullOrEmpty(error.DocUrl));
            _ = error.ToString();
            _ = error.IsTransient;

            // Details parse lazily; they were read by the same reader, so they must parse.
            _ = error.Details;
            _ = error.TryGetDetail("field", out _);
        }
    }

    private static void AssertJobResultUsable(DatoCmsApiException? exception)
    {
        if (exception is null)
        {
            return;
        }

        Assert.False(exception.StatusCode is >= 200 and < 300);
        AssertUsable(exception, exception.StatusCode, exception.RawBody);
    }

    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>>? RandomHeaders(FuzzRandom random) => random.Next(4) switch
    {
        0 => null,
        1 => new[] { new KeyValuePair<string, IEnumerable<string>>("x-ratelimit-reset", new[] { random.Pick(ResetValues) }) },
        2 => new[] { new KeyValuePair<string, IEnumerable<string>>("X-RateLimit-Reset", Array.Empty<string>()), new KeyValuePair<string, IEnumerable<string>>("X-RateLimit-Reset", new[] { random.Pick(ResetValues), "7" }) },
        _ => new[] { new KeyValuePair<string, IEnumerable<string>>("X-RateLimit-Reset", new string?[] { null }!) },
    };

    private static string Describe(IReadOnlyList<DatoCmsApiError> errors) =>
        string.Join("\n", errors.Select(e => e.ApiCode + "|" + e.Id + "|" + e.DocUrl + "|" + e.Transient + "|" + e.DetailsJson));
}
