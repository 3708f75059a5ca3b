using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>
/// The resilience handler and a Polly pipeline built with AddDatoCmsRetry retry exactly what the
/// retry handler retries: every code of the spec, the body's transient flag, bare statuses, for
/// every method, each case sent for real through all three stacks.
/// </summary>
public class PipelineParityTests : IClassFixture<RetryStacks>
{
    private static readonly HttpMethod[] Methods = { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete };
    private readonly RetryStacks _stacks;

    public PipelineParityTests(RetryStacks stacks) => _stacks = stacks;

    /// <summary>
    /// Every code but PLATFORM_SCHEDULED_MAINTENANCE and the rate-limit codes: the handler waits a
    /// maintenance window out (MaintenanceWait, attempts not counted), and spends MaxRateLimitWait on
    /// 429s rather than attempts; the Polly pipeline has neither rule yet, so there they are ordinary
    /// transient codes bounded by MaxAttempts.
    /// </summary>
    public static TheoryData<string> SpecCodes => new(DatoCmsErrorCodes.All
        .Where(code => code.GetRetryKind() != DatoCmsRetryKind.RateLimit)
        .Select(code => code.ToApiString())
        .Where(code => code != "PLATFORM_SCHEDULED_MAINTENANCE"));

    /// <summary>Status, code, transient flag: failures without a code of the spec (no 429: see <see cref="SpecCodes"/>).</summary>
    public static TheoryData<int, string?, bool> OtherFailures => new()
    {
        { 400, null, false }, { 404, null, false }, { 408, null, false }, { 500, null, false },
        { 501, null, false }, { 502, null, false }, { 503, null, false }, { 504, null, false },
        { 422, "SOME_FUTURE_CODE", false }, { 422, "SOME_FUTURE_CODE", true }, { 500, "SOME_FUTURE_CODE", true },
        { 503, "SOME_FUTURE_CODE", false },
    };

    [Theory]
    [MemberData(nameof(SpecCodes))]
    public async Task EverySpecCodeIsRetriedAlikeForEveryMethod(string apiCode)
    {
        DatoCmsErrorCodes.TryParse(apiCode, out var code);
        var status = code.GetRetryKind() == DatoCmsRetryKind.RateLimit ? 429 : 422;
        await AssertAlikeAsync(status, apiCode, transient: false);
    }

    [Theory]
    [MemberData(nameof(OtherFailures))]
    public async Task OtherFailuresAreRetriedAlikeForEveryMethod(int status, string? apiCode, bool transient) =>
        await AssertAlikeAsync(status, apiCode, transient);

    [Fact]
    public async Task TheTableCoversBothVerdicts()
    {
        // Guards the comparison itself: a stack that retried nothing (or everything) would agree with itself.
        Assert.Equal(2, await AttemptsAsync("handler", HttpMethod.Post, 422, "ITEM_LOCKED", false));
        Assert.Equal(1, await AttemptsAsync("handler", HttpMethod.Post, 503, null, false));
        Assert.Equal(2, await AttemptsAsync("handler", HttpMethod.Get, 503, null, false));
        Assert.Equal(1, await AttemptsAsync("handler", HttpMethod.Get, 422, "INVALID_FIELD", false));
        Assert.Equal(1, await AttemptsAsync("handler", HttpMethod.Put, 422, "STALE_ITEM_VERSION", false));
        Assert.Equal(2, await AttemptsAsync("handler", HttpMethod.Patch, 422, "SOME_FUTURE_CODE", true));
    }

    private async Task AssertAlikeAsync(int status, string? apiCode, bool transient)
    {
        var mismatches = new List<string>();
        foreach (var method in Methods)
        {
            var handler = await AttemptsAsync("handler", method, status, apiCode, transient);
            var resilience = await AttemptsAsync("resilience", method, status, apiCode, transient);
            var polly = await AttemptsAsync("polly", method, status, apiCode, transient);
            if (handler != resilience || handler != polly)
            {
                mismatches.Add($"{method} {status} {apiCode}: handler {handler}, resilience handler {resilience}, Polly {polly} attempts");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private async Task<int> AttemptsAsync(string stack, HttpMethod method, int status, string? apiCode, bool transient)
    {
        var id = stack + "-" + Guid.NewGuid().ToString("N");
        HttpRequestMessage Create() => Scripted.Request(method, id, status, apiCode, transient, reset: status == 429 ? "0.001" : null);
        using var response = stack switch
        {
            "handler" => await _stacks.HandlerClient.SendAsync(Create()),
            "resilience" => await _stacks.ResilienceClient.SendAsync(Create()),
            _ => await _stacks.SendThroughPollyAsync(Create),
        };
        Assert.Equal(status, (int)response.StatusCode);
        return _stacks.Api.AttemptsOf(id);
    }
}
