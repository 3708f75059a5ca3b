using System.Threading.Tasks;
using DatoCms.ErrorCodes.CodeFixes;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.CodeFixes;

/// <summary>DATO004 fix, compared with the exact code a user gets.</summary>
public class AddRetryDelayCodeFixTests
{
    private static string Source(string parameters, string catchBlock) => @"using System;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static async Task<int> CallAsync(" + parameters + @")
    {
        while (true)
        {
            try
            {
                return await call();
            }
            " + catchBlock + @"
        }
    }
}
";

    [Fact]
    public Task DelayUsesRateLimitResetAndTheMethodsToken() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Source("Func<Task<int>> call, CancellationToken cancellationToken", "[|catch (DatoCmsTransientApiException ex)|]\n            {\n                Console.WriteLine(ex.Message);\n            }"),
        Source("Func<Task<int>> call, CancellationToken cancellationToken", "catch (DatoCmsTransientApiException ex)\n            {\n                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), cancellationToken);\n                Console.WriteLine(ex.Message);\n            }"));

    [Fact]
    public Task DelayWithoutTokenAndUnnamedVariable() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Source("Func<Task<int>> call", "[|catch (DatoCmsTransientApiException)|]\n            {\n            }"),
        Source("Func<Task<int>> call", "catch (DatoCmsTransientApiException ex)\n            {\n                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1));\n            }"));

    /// <summary>A parameter named <c>ex</c> (here, the exception a caller hands over) keeps the new catch variable from taking its name.</summary>
    [Fact]
    public Task DelayNamesTheVariableAroundAParameterCalledEx() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Source("Func<Task<int>> call, Exception ex", "[|catch (DatoCmsTransientApiException)|]\n            {\n                Console.WriteLine(ex.Message);\n            }"),
        Source("Func<Task<int>> call, Exception ex", "catch (DatoCmsTransientApiException exception)\n            {\n                await Task.Delay(exception.RateLimitReset ?? TimeSpan.FromSeconds(1));\n                Console.WriteLine(ex.Message);\n            }"));

    /// <summary><c>catch (Exception ex) when (ex is DatoCmsApiException)</c> in a retry loop: the reset is read through a cast.</summary>
    [Fact]
    public Task DelayInABroadCatchReadsTheResetThroughACast() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Source("Func<Task<int>> call, CancellationToken cancellationToken", "[|catch (Exception ex)|] when (ex is DatoCmsApiException { IsTransient: true })\n            {\n                Console.WriteLine(ex.Message);\n            }"),
        Source("Func<Task<int>> call, CancellationToken cancellationToken", "catch (Exception ex) when (ex is DatoCmsApiException { IsTransient: true })\n            {\n                await Task.Delay((ex as DatoCmsApiException)?.RateLimitReset ?? TimeSpan.FromSeconds(1), cancellationToken);\n                Console.WriteLine(ex.Message);\n            }"));

    private const string SyncImporter = @"using System;
using System.Threading;
using DatoCms.ErrorCodes;

internal static class SyncImporter
{
    public static int Import(Func<int> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return call();
            }
            CATCH
        }
    }

    public static System.Threading.Tasks.Task<int> ImportLaterAsync(Func<int> call) => System.Threading.Tasks.Task.Run(() => Import(call));
}
";

    /// <summary>A synchronous retry loop sleeps: it blocks its thread between attempts already.</summary>
    [Fact]
    public Task SynchronousCodeSleeps() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        SyncImporter.Replace("CATCH", "[|catch (ItemLockedException)|]\n            {\n                Console.WriteLine(\"Locked, attempt \" + attempt);\n            }"),
        SyncImporter.Replace("CATCH", "catch (ItemLockedException ex)\n            {\n                Thread.Sleep(ex.RateLimitReset ?? TimeSpan.FromSeconds(1));\n                Console.WriteLine(\"Locked, attempt \" + attempt);\n            }"));

    /// <summary>A method that returns a task without being async: neither a sleep (it would block the awaiting caller) nor an await fits.</summary>
    [Fact]
    public Task TaskReturningMethodThatIsNotAsyncGetsNoFix() => CodeFixVerifier.VerifyNotOfferedAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        @"using System;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static Task<int> Call(Func<int> call)
    {
        while (true)
        {
            try
            {
                return Task.FromResult(call());
            }
            [|catch (ItemLockedException)|]
            {
            }
        }
    }
}
");

    private const string Worker = @"using System;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed class SyncWorker
{
    public Task StartAsync(Func<Task> push, CancellationToken stoppingToken) => Task.Run(async () =>
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await push();
                return;
            }
            CATCH
        }
    });
}
";

    /// <summary>A retry loop in an async lambda: the wait is in the lambda, with the enclosing method's token.</summary>
    [Fact]
    public Task DelayInAnAsyncLambdaTakesTheEnclosingToken() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Worker.Replace("CATCH", "[|catch (DatoCmsTransientApiException)|]\n            {\n                Console.WriteLine(\"Busy, trying again\");\n            }"),
        Worker.Replace("CATCH", "catch (DatoCmsTransientApiException ex)\n            {\n                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), stoppingToken);\n                Console.WriteLine(\"Busy, trying again\");\n            }"));

    // The wait goes after the catch's leading guards that leave without retrying: at the top, a
    // permanent error and the last attempt waited before they surfaced (a new user's trial, 2026-12-03).
    private const string Attempts = @"using System;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static async Task<int> CallAsync(Func<Task<int>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            CATCH
        }
    }
}
";

    [Fact]
    public Task DelayGoesAfterTheGuardThatRethrowsPermanentErrorsAndTheLastAttempt() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Attempts.Replace("CATCH", "[|catch (DatoCmsApiException ex)|]\n            {\n                if (!ex.IsTransient || attempt >= 5) throw;\n                Console.WriteLine(\"Retrying after \" + ex.Code);\n            }"),
        Attempts.Replace("CATCH", "catch (DatoCmsApiException ex)\n            {\n                if (!ex.IsTransient || attempt >= 5) throw;\n                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), ct);\n                Console.WriteLine(\"Retrying after \" + ex.Code);\n            }"));

    [Fact]
    public Task DelayGoesAfterSeveralGuardsAndThePlainStatementsAmongThem() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Attempts.Replace("CATCH", @"[|catch (DatoCmsApiException ex)|]
            {
                Console.WriteLine(""Attempt "" + attempt + "" failed"");
                if (ex.Code == DatoCmsErrorCode.NotFound) return 0;
                if (!ex.IsTransient) throw;
                if (attempt >= 5)
                {
                    Console.WriteLine(""Giving up"");
                    throw new TimeoutException(""No luck after 5 attempts"", ex);
                }

                Console.WriteLine(""Retrying"");
            }"),
        Attempts.Replace("CATCH", @"catch (DatoCmsApiException ex)
            {
                Console.WriteLine(""Attempt "" + attempt + "" failed"");
                if (ex.Code == DatoCmsErrorCode.NotFound) return 0;
                if (!ex.IsTransient) throw;
                if (attempt >= 5)
                {
                    Console.WriteLine(""Giving up"");
                    throw new TimeoutException(""No luck after 5 attempts"", ex);
                }

                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), ct);
                Console.WriteLine(""Retrying"");
            }"));

    [Fact]
    public Task DelayGoesAfterAGuardThatBreaksOutOfTheLoop() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Attempts.Replace("return await call();", "await call();\n                break;").Replace("CATCH", "[|catch (DatoCmsTransientApiException ex)|]\n            {\n                if (attempt >= 5) break;\n                Console.WriteLine(ex.Message);\n            }").Replace("        }\n    }\n}", "        }\n\n        return 0;\n    }\n}"),
        Attempts.Replace("return await call();", "await call();\n                break;").Replace("CATCH", "catch (DatoCmsTransientApiException ex)\n            {\n                if (attempt >= 5) break;\n                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), ct);\n                Console.WriteLine(ex.Message);\n            }").Replace("        }\n    }\n}", "        }\n\n        return 0;\n    }\n}"));

    /// <summary>A guard with an <c>else</c>, or one that jumps to the next attempt, is not a way out: the wait stays at the top.</summary>
    [Fact]
    public Task DelayStaysAtTheTopBeforeAGuardThatContinues() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Attempts.Replace("CATCH", "[|catch (DatoCmsTransientApiException ex)|]\n            {\n                if (ex.Code == DatoCmsErrorCode.RateLimitExceeded) continue;\n                if (attempt >= 5) throw;\n            }"),
        Attempts.Replace("CATCH", "catch (DatoCmsTransientApiException ex)\n            {\n                await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), ct);\n                if (ex.Code == DatoCmsErrorCode.RateLimitExceeded) continue;\n                if (attempt >= 5) throw;\n            }"));

    private const string Recursive = @"using System;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed class Fetcher(Func<string, CancellationToken, Task<string>> get)
{
    public async Task<string> FetchAsync(string id, int attempt, CancellationToken ct)
    {
        try
        {
            return await get(id, ct);
        }
        CATCH
    }
}
";

    [Fact]
    public Task DelayGoesBeforeTheRecursiveRetryAfterTheGuard() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Recursive.Replace("CATCH", "[|catch (DatoCmsApiException ex)|]\n        {\n            if (!ex.IsTransient || attempt >= 5) throw;\n            return await FetchAsync(id, attempt + 1, ct);\n        }"),
        Recursive.Replace("CATCH", "catch (DatoCmsApiException ex)\n        {\n            if (!ex.IsTransient || attempt >= 5) throw;\n            await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), ct);\n            return await FetchAsync(id, attempt + 1, ct);\n        }"));

    /// <summary>A guard whose return is the recursive retry is the retry itself: the wait stays at the top.</summary>
    [Fact]
    public Task DelayStaysAtTheTopWhenTheGuardReturnsTheRetry() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        Recursive.Replace("CATCH", "[|catch (DatoCmsTransientApiException)|]\n        {\n            if (attempt < 5) return await FetchAsync(id, attempt + 1, ct);\n            throw;\n        }"),
        Recursive.Replace("CATCH", "catch (DatoCmsTransientApiException ex)\n        {\n            await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1), ct);\n            if (attempt < 5) return await FetchAsync(id, attempt + 1, ct);\n            throw;\n        }"));

    /// <summary>The trial's synchronous loop in <c>Task.Run</c>: the sleep comes after the guard.</summary>
    [Fact]
    public Task SleepGoesAfterTheGuardInSynchronousCode() => CodeFixVerifier.VerifyAsync(
        new RetryWithoutDelayAnalyzer(), new AddRetryDelayCodeFix(), "DATO004", AddRetryDelayCodeFix.EquivalenceKey,
        SyncImporter.Replace("CATCH", "[|catch (DatoCmsApiException ex)|]\n            {\n                if (!ex.IsTransient) throw;\n            }"),
        SyncImporter.Replace("CATCH", "catch (DatoCmsApiException ex)\n            {\n                if (!ex.IsTransient) throw;\n                Thread.Sleep(ex.RateLimitReset ?? TimeSpan.FromSeconds(1));\n            }"));
}
