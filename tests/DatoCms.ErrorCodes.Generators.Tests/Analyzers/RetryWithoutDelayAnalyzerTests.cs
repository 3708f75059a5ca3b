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
        }", "This catch retries after DatoCmsTransientApiException without waiting; wait for ex.RateLimitReset or back off before the next attempt");

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
    /// <summary>
    /// A wait through an injected abstraction (a held-out trial, 2026-12-03): an interface or abstract
    /// method has no body to read, so its name decides, as for a helper in another file.
    /// </summary>
    [Theory]
    [InlineData("await backoff.WaitAsync(attempt, ct);", false)]
    [InlineData("await backoff.DelayAsync(attempt, ct);", false)]
    [InlineData("await pauses.PauseAsync(ct);", false)]
    [InlineData("await backoff.RecordAsync(attempt, ct);", true)]
    public Task AWaitThroughAnInjectedAbstractionCountsByItsName(string wait, bool reported) =>
        AnalyzerVerifier.VerifyAsync(new RetryWithoutDelayAnalyzer(), "DATO004", @"
using System;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal interface IBackoff
{
    Task WaitAsync(int attempt, CancellationToken ct);

    Task DelayAsync(int attempt, CancellationToken ct);

    Task RecordAsync(int attempt, CancellationToken ct);
}

internal abstract class Pauses
{
    public abstract Task PauseAsync(CancellationToken ct);
}

internal sealed class Saver(Func<Task<int>> call, IBackoff backoff, Pauses pauses)
{
    public async Task<int> SaveAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            " + (reported ? "[|catch (DatoCmsApiException ex)|]" : "catch (DatoCmsApiException ex)") + @" when (ex.IsTransient && attempt < 5)
            {
                " + wait + @"
            }
        }
    }
}", reported ? new[] { "This catch retries after DatoCmsApiException without waiting; wait for ex.RateLimitReset or back off before the next attempt" } : null);
}
