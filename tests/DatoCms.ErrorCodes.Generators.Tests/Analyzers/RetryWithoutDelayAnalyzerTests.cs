using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers;

/// <summary>DATO004: hand-written retries of transient errors that do not wait.</summary>
public class RetryWithoutDelayAnalyzerTests
{
    private static Task VerifyAsync(string body, params string[] messages) =>
        AnalyzerVerifier.VerifyAsync(new RetryWithoutDelayAnalyzer(), "DATO004", @"
using System;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static async Task<int> CallAsync(Func<Task<int>> call, CancellationToken ct)
    {
" + body + @"
    }

    private static Task BackoffAsync(int attempt) => Task.Delay(100 * attempt);

    private static Task NotAWaitAsync(int attempt) => Task.CompletedTask;
}", messages.Length == 0 ? null : messages);

    [Fact]
    public Task WhileTrueWithoutDelayIsReported() => VerifyAsync(@"
        while (true)
        {
            try
            {
                return await call();
            }
            [|catch (DatoCmsTransientApiException ex)|]
            {
                Console.WriteLine(ex.Message);
            }
        }", "This loop retries after DatoCmsTransientApiException without waiting; wait for ex.RateLimitReset or back off before the next attempt");

    [Fact]
    public Task ForLoopWithContinueIsReported() => VerifyAsync(@"
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                return await call();
            }
            [|catch (DatoCmsApiException ex)|] when (ex.IsTransient)
            {
                continue;
            }
        }
        return -1;");

    [Fact]
    public Task TransientCodeExceptionInADoLoopIsReported() => VerifyAsync(@"
        var attempts = 0;
        do
        {
            try
            {
                return await call();
            }
            [|catch (RateLimitExceededException)|]
            {
                attempts++;
            }
        }
        while (attempts < 3);
        return -1;");

    [Fact]
    public Task GotoBackIsReported() => VerifyAsync(@"
        retry:
        try
        {
            return await call();
        }
        [|catch (ItemLockedException)|]
        {
            goto retry;
        }");

    [Fact]
    public Task RecursionIsReported() => VerifyAsync(@"
        try
        {
            return await call();
        }
        [|catch (DatoCmsTransientApiException)|]
        {
            return await CallAsync(call, ct);
        }");

    [Theory]
    [InlineData("while (true) { try { return await call(); } [|catch (DatoCmsApiException)|] { } }")]
    [InlineData("while (true) { try { return await call(); } [|catch (DatoCmsApiException ex)|] when (ex.StatusCode == 409) { } }")]
    [InlineData("for (var i = 0; ; i++) { try { return await call(); } [|catch (DatoCmsTransientApiException)|] { } await NotAWaitAsync(i); }")]
    [InlineData("while (true) { try { return await call(); } [|catch (DatoCmsApiException ex)|] { if (!ex.IsTransient) throw; } }")]
    public Task RetryingEveryApiErrorOrCallingAHelperThatDoesNotWaitIsReported(string body) => VerifyAsync(body);

    [Theory]
    [InlineData("while (true) { try { return await call(); } catch (DatoCmsTransientApiException ex) { await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), ct); } }")]
    [InlineData("for (var i = 0; ; i++) { try { return await call(); } catch (DatoCmsTransientApiException) { Thread.Sleep(100 * i); } }")]
    [InlineData("for (var i = 0; ; i++) { try { return await call(); } catch (DatoCmsTransientApiException) { } await BackoffAsync(i); }")]
    [InlineData("while (true) { await Task.Delay(10, ct); try { return await call(); } catch (DatoCmsTransientApiException) { } }")]
    [InlineData("while (true) { try { return await call(); } catch (NotFoundException) { } }")]
    [InlineData("foreach (var x in new[] { 1, 2 }) { try { await call(); } catch (DatoCmsTransientApiException) { } } return 0;")]
    [InlineData("var failures = 0; for (var i = 0; i < 3; i++) { try { await call(); } catch (DatoCmsTransientApiException) { failures++; } } return failures;")]
    [InlineData("try { return await call(); } catch (DatoCmsTransientApiException) { return -1; }")]
    [InlineData("while (true) { try { return await call(); } catch (DatoCmsTransientApiException) { await Task.Delay(TimeSpan.FromSeconds(1)).WaitAsync(ct); } }")]
    public Task WaitingOrNotRetryingIsNotReported(string body) => VerifyAsync(body);
}
