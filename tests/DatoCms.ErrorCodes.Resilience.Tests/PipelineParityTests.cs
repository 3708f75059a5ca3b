using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>
/// The resilience handler, a Polly pipeline built with AddDatoCmsRetry and the standard handler
/// corrected with ConfigureForDatoCms retry exactly what the retry handler retries, and give up at
/// the same budget: every code of the spec, the body's
/// transient flag, bare statuses, for every method, each case sent for real through all three
/// stacks (four, see <see cref="RetryStacks"/>). 429s spend MaxRateLimitWait and a scheduled maintenance MaintenanceWait in each of
/// them, never attempts.
/// </summary>
public class PipelineParityTests : IClassFixture<RetryStacks>
{
    private static readonly HttpMethod[] Methods = { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete };
    private readonly RetryStacks _stacks;

    public PipelineParityTests(RetryStacks stacks) => _stacks = stacks;

    /// <summary>Every code of the spec, RATE_LIMIT_EXCEEDED (429) and PLATFORM_SCHEDULED_MAINTENANCE (503) included.</summary>
    public static TheoryData<string> SpecCodes => new(DatoCmsErrorCodes.All.Select(code => code.ToApiString()));

    /// <summary>Status, code, transient flag: failures without a code of the spec.</summary>
    public static TheoryData<int, string?, bool> OtherFailures => new()
    {
        { 400, null, false }, { 404, null, false }, { 408, null, false }, { 500, null, false },
        { 501, null, false }, { 502, null, false }, { 503, null, false }, { 504, null, false },
        { 422, "SOME_FUTURE_CODE", false }, { 422, "SOME_FUTURE_CODE", true }, { 500, "SOME_FUTURE_CODE", true },
        { 503, "SOME_FUTURE_CODE", false }, { 429, null, false },
    };

    /// <summary>Status, code, failed attempts before a success: more 429s or maintenance answers than MaxAttempts (2) allows failures.</summary>
    public static TheoryData<int, string?, int> FailuresThatPassLater => new()
    {
        { 429, "RATE_LIMIT_EXCEEDED", 3 }, { 429, null, 3 }, { 503, "PLATFORM_SCHEDULED_MAINTENANCE", 4 }, { 422, "ITEM_LOCKED", 1 },
    };

    [Theory]
    [MemberData(nameof(SpecCodes))]
    public async Task EverySpecCodeIsRetriedAlikeForEveryMethod(string apiCode)
    {
        DatoCmsErrorCodes.TryParse(apiCode, out var code);
        var status = code.GetRetryKind() == DatoCmsRetryKind.RateLimit ? 429 : apiCode == "PLATFORM_SCHEDULED_MAINTENANCE" ? 503 : 422;
        await AssertAlikeAsync(status, apiCode, transient: false);
    }

    [Theory]
    [MemberData(nameof(OtherFailures))]
    public async Task OtherFailuresAreRetriedAlikeForEveryMethod(int status, string? apiCode, bool transient) =>
        await AssertAlikeAsync(status, apiCode, transient);

    [Theory]
    [MemberData(nameof(FailuresThatPassLater))]
    public async Task RateLimitAndMaintenanceDoNotSpendAttemptsInAnyStack(int status, string? apiCode, int failures)
    {
        var mismatches = new List<string>();
        foreach (var method in Methods)
        {
            var attempts = new Dictionary<string, int>();
            foreach (var stack in new[] { "handler", "resilience", "polly", "standard" })
            {
                attempts[stack] = await AttemptsAsync(stack, method, status, apiCode, false, failures);
            }

            if (attempts.Values.Any(a => a != failures + 1))
            {
                mismatches.Add($"{method} {status} {apiCode}: " + string.Join(", ", attempts.Select(a => $"{a.Key} {a.Value}")) + $" attempts, {failures + 1} expected");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

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

        // The budgets in time (see RetryStacks): not MaxAttempts, which is 2.
        Assert.Equal(3, await AttemptsAsync("handler", HttpMethod.Post, 429, "RATE_LIMIT_EXCEEDED", false));
        Assert.Equal(7, await AttemptsAsync("handler", HttpMethod.Post, 503, "PLATFORM_SCHEDULED_MAINTENANCE", false));
    }

    private async Task AssertAlikeAsync(int status, string? apiCode, bool transient)
    {
        var mismatches = new List<string>();
        foreach (var method in Methods)
        {
            // The stacks side by side: their own clients and request ids, so only the wall time is shared.
            var attempts = await Task.WhenAll(new[] { "handler", "resilience", "polly", "standard" }.Select(stack => AttemptsAsync(stack, method, status, apiCode, transient)));
            var (handler, resilience, polly, standard) = (attempts[0], attempts[1], attempts[2], attempts[3]);
            if (handler != resilience || handler != polly || handler != standard)
            {
                mismatches.Add($"{method} {status} {apiCode}: handler {handler}, resilience handler {resilience}, Polly {polly}, corrected standard handler {standard} attempts");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private async Task<int> AttemptsAsync(string stack, HttpMethod method, int status, string? apiCode, bool transient, int? failures = null)
    {
        var id = stack + "-" + Guid.NewGuid().ToString("N");

        // RateLimitReset (0.9 s) against MaxRateLimitWait's 2.6 s: three 429s, then the budget is spent (see RetryStacks).
        HttpRequestMessage Create() => Scripted.Request(method, id, status, apiCode, transient, reset: status == 429 ? (failures is null ? RetryStacks.RateLimitReset : "0.001") : null, fail: failures);
        using var response = stack switch
        {
            "handler" => await _stacks.HandlerClient.SendAsync(Create()),
            "resilience" => await _stacks.ResilienceClient.SendAsync(Create()),
            "standard" => await _stacks.StandardClient.SendAsync(Create()),
            _ => await _stacks.SendThroughPollyAsync(Create),
        };
        Assert.Equal(failures is null ? status : 200, (int)response.StatusCode);
        return _stacks.Api.AttemptsOf(id);
    }
}
