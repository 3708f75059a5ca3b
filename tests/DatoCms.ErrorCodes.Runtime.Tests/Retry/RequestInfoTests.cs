using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using static DatoCms.ErrorCodes.Runtime.Tests.Retry.FaultClient;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// Errors carry their request (method, URL, X-Request-Id, cf-ray), and the API token never shows in
/// anything that describes a request: messages, ToString(), what OnRetry receives.
/// </summary>
public class RequestInfoTests
{
    [Fact]
    public async Task AnApiErrorNamesItsRequestAndTheIdsTheApiSent()
    {
        await using var api = await ImitationApi.StartAsync();
        using var client = Client(api, Options());

        using var response = await client.SendAsync(Request(HttpMethod.Put, "r1", "invalid", "items/42?version=7"));
        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => response.EnsureDatoCmsSuccessAsync());

        var requestId = api.RequestIds.Single();
        Assert.Equal("PUT", error.Request!.Method);
        Assert.Equal(api.BaseAddress + "items/42?version=7", error.Request.Url);
        Assert.Equal(requestId, error.RequestId);
        Assert.Matches("^[0-9a-f]{16}-AMS$", error.Request.CfRay);
        Assert.EndsWith(
            " Request: PUT " + api.BaseAddress + "items/42?version=7 (X-Request-Id: " + requestId + ", cf-ray: " + error.Request.CfRay + ").",
            error.Message,
            StringComparison.Ordinal);
        Assert.StartsWith("INVALID_FIELD (HTTP 422): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorBuiltFromABodyAloneHasNoRequestAndItsMessageIsUnchanged()
    {
        var error = DatoCmsApiException.FromResponse(422, "{\"data\":[{\"id\":\"1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"details\":{}}}]}");

        Assert.Null(error.Request);
        Assert.Null(error.RequestId);
        Assert.DoesNotContain("Request:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AResponseWithoutARequestStillGivesTheIds()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);
        response.Headers.Add("X-Request-Id", "abc");

        var info = response.GetDatoCmsRequestInfo();

        Assert.Equal("? (no URL) (X-Request-Id: abc)", info!.ToString());
        using var bare = new HttpResponseMessage(HttpStatusCode.BadGateway);
        Assert.Null(bare.GetDatoCmsRequestInfo());
    }

    [Theory]
    [InlineData("https://site-api.datocms.com/items?page[limit]=5", "https://site-api.datocms.com/items?page[limit]=5")]
    [InlineData("https://user:pa55@site-api.datocms.com/items#frag", "https://site-api.datocms.com/items")]
    [InlineData("https://x.test/a?api_token=s3cr3t&b=1&ACCESS_TOKEN=s3cr3t&apiKey=s3cr3t&sig=ok&X-Amz-Signature=s3cr3t", "https://x.test/a?api_token=***&b=1&ACCESS_TOKEN=***&apiKey=***&sig=ok&X-Amz-Signature=***")]
    [InlineData("http://127.0.0.1:5000/job-results/7", "http://127.0.0.1:5000/job-results/7")]
    [InlineData("items?token=s3cr3t#x", "items?token=***")]
    [InlineData("/uploads?password", "/uploads?password")]
    public void UrlsLoseUserInfoFragmentsAndSecretLookingQueryValues(string url, string expected) =>
        Assert.Equal(expected, DatoCmsRequestInfo.SanitizeUrl(url).Replace("%5B", "[", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal));

    /// <summary>
    /// Every path that describes a request: an API error, a failed job, the OnRetry attempts of an
    /// API error, a reset and a timeout, the attempt, overall and job timeouts, and a network fault
    /// that surfaces as it is. The token is in the Authorization header of every request and in the
    /// query string of each; none of it may show.
    /// </summary>
    [Fact]
    public async Task TheApiTokenNeverAppearsInAnyMessageOrDescription()
    {
        await using var api = await ImitationApi.StartAsync();
        var retries = new List<DatoCmsRetryAttempt>();
        var options = Options(retries, maxAttempts: 2);
        using var client = Client(api, options);
        var path = "items?api_token=" + FakeToken;
        var seen = new List<string>();
        var failures = new List<Exception>();

        async Task Capture(Func<Task> action)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(action);
            failures.Add(error);
            seen.Add(error.Message);
            seen.Add(error.ToString());
            if (error is DatoCmsApiException { Request: { } request })
            {
                seen.Add(request.ToString());
                seen.Add(request.Url);
            }
        }

        async Task Ensure(HttpRequestMessage request)
        {
            using var response = await client.SendAsync(request);
            await response.EnsureDatoCmsSuccessAsync();
        }

        await Capture(() => Ensure(Request(HttpMethod.Put, "api-error", "invalid", path)));
        await Capture(() => Ensure(Request(HttpMethod.Put, "retried-error", "locked:always", path)));
        await Capture(() => Ensure(Request(HttpMethod.Post, "failed-job", "jobfail:0", path)));
        await Capture(() => Ensure(Request(HttpMethod.Get, "reset", "reset:always", path)));
        await Capture(() => Ensure(Request(HttpMethod.Post, "reset-post", "reset:always", path)));
        await Capture(() => Ensure(Request(HttpMethod.Get, "attempt-timeout", "hang:always", path)));
        options.Jobs.Timeout = TimeSpan.FromMilliseconds(300);
        await Capture(() => Ensure(Request(HttpMethod.Put, "job-timeout", "job:always", path)));
        options.TotalTimeout = TimeSpan.FromMilliseconds(300);
        await Capture(() => Ensure(Request(HttpMethod.Get, "total-timeout", "hang:always", path)));

        Assert.Equal(
            new[] { "InvalidFieldException", "ItemLockedException", "InvalidFieldException", "HttpRequestException", "HttpRequestException", "TimeoutException", "TimeoutException", "TimeoutException" },
            failures.Select(f => f.GetType().Name));
        foreach (var retry in retries)
        {
            seen.Add(retry.ToString());
            seen.Add(retry.Exception.Message);
            seen.Add(retry.Exception.ToString());
        }

        Assert.Contains(retries, r => r.Exception.StatusCode == 0 && r.Exception.InnerException is HttpRequestException);
        Assert.Contains(retries, r => r.Exception.StatusCode == 0 && r.Exception.InnerException is OperationCanceledException);
        Assert.Contains(retries, r => r.Exception is ItemLockedException);
        Assert.All(seen, text => Assert.DoesNotContain(FakeToken, text, StringComparison.Ordinal));
        Assert.All(seen, text => Assert.DoesNotContain("Bearer", text, StringComparison.Ordinal));
        Assert.Contains(seen, text => text.Contains("api_token=***", StringComparison.Ordinal));
    }

    [Fact]
    public void ARetryAttemptDescribesItselfWithoutHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://site-api.datocms.com/items?api_token=" + FakeToken);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeToken);
        var locked = DatoCmsApiException.FromResponse(422, "{\"data\":[{\"id\":\"1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"details\":{}}}]}");

        var attempt = new DatoCmsRetryAttempt(2, TimeSpan.FromMilliseconds(500), locked, request);

        Assert.Equal("Attempt 2 of POST https://site-api.datocms.com/items?api_token=*** failed with ITEM_LOCKED (HTTP 422); retrying in 500 ms.", attempt.ToString());
        Assert.Contains("Bearer " + FakeToken, request.ToString(), StringComparison.Ordinal); // why the docs say: never log the HttpRequestMessage
    }
}
