using System.Threading.Tasks;
using DatoCms.ErrorCodes.CodeFixes;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.CodeFixes;

/// <summary>DATO002 fixes, compared with the exact code a user gets.</summary>
public class SwallowedCatchCodeFixTests
{
    private static string Source(string catchClause) => @"using System;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static int? Call(Func<int> call)
    {
        try
        {
            return call();
        }
        " + catchClause + @"
        return null;
    }
}
";

    [Fact]
    public Task FilterIsAdded() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Source("[|catch (DatoCmsApiException ex)|]\n        {\n            Console.WriteLine(ex.Message);\n        }"),
        Source("catch (DatoCmsApiException ex) when (!ex.IsTransient)\n        {\n            Console.WriteLine(ex.Message);\n        }"));

    [Fact]
    public Task FilterNamesTheVariableWhenThereIsNone() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Source("[|catch (DatoCmsApiException)|]\n        {\n        }"),
        Source("catch (DatoCmsApiException ex) when (!ex.IsTransient)\n        {\n        }"));

    [Fact]
    public Task RethrowIsInsertedFirst() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey,
        Source("[|catch (DatoCmsApiException ex)|]\n        {\n            Console.WriteLine(ex.Message);\n        }"),
        Source("catch (DatoCmsApiException ex)\n        {\n            if (ex.IsTransient)\n                throw;\n            Console.WriteLine(ex.Message);\n        }"));

    private const string NotFoundFilter = "when (ex.Code != DatoCmsErrorCode.NotFound)";

    /// <summary>A catch that already has a filter: the check joins it with <c>&amp;&amp;</c>.</summary>
    [Fact]
    public Task FilterJoinsTheExistingFilter() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Source("[|catch (DatoCmsApiException ex)|] " + NotFoundFilter + "\n        {\n            Console.WriteLine(ex.Message);\n        }"),
        Source("catch (DatoCmsApiException ex) when (ex.Code != DatoCmsErrorCode.NotFound && !ex.IsTransient)\n        {\n            Console.WriteLine(ex.Message);\n        }"));

    [Fact]
    public Task RethrowKeepsTheExistingFilter() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey,
        Source("[|catch (DatoCmsApiException ex)|] " + NotFoundFilter + "\n        {\n            Console.WriteLine(ex.Message);\n        }"),
        Source("catch (DatoCmsApiException ex) " + NotFoundFilter + "\n        {\n            if (ex.IsTransient)\n                throw;\n            Console.WriteLine(ex.Message);\n        }"));

    private const string TransientFilter = @"        try
        {
            await _pushChanges(cancellationToken);
        }
        [|catch (DatoCmsApiException ex)|] when (ex.IsTransient)
        {
            Console.WriteLine(""Busy, skipping: "" + ex.Message);
        }";

    /// <summary>
    /// A filter that lets only transient errors in: <c>&amp;&amp; !ex.IsTransient</c> would make it
    /// always false, and a guard at the top would skip the whole block. Neither is offered; the
    /// rethrow goes after what the block does.
    /// </summary>
    [Fact]
    public Task TransientOnlyFilterGetsNoFilter() => CodeFixVerifier.VerifyNotOfferedAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Sync(TransientFilter));

    [Fact]
    public Task TransientOnlyFilterRethrowsAfterHandling() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey,
        Sync(TransientFilter),
        Sync(TransientFilter.Replace("[|", string.Empty).Replace("|]", string.Empty).Replace("ex.Message);\n", "ex.Message);\n            throw;\n")));

    /// <summary>
    /// The try returns and only this catch falls through to a fallback after it: a <c>throw;</c> at
    /// the end of the catch would make the fallback dead code (CS0162), so nothing is offered.
    /// </summary>
    [Fact]
    public Task TransientOnlyCatchBeforeAFallbackGetsNoRethrow() => CodeFixVerifier.VerifyNotOfferedAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey,
        Source("[|catch (DatoCmsApiException ex)|] when (ex.IsTransient)\n        {\n            Console.WriteLine(\"Busy: \" + ex.Message);\n        }"));

    private const string BroadCatch = "[|catch (Exception ex)|] when (ex is DatoCmsApiException)\n        {\n            Console.WriteLine(ex.Message);\n        }";

    /// <summary>
    /// <c>catch (Exception ex) when (ex is DatoCmsApiException)</c> is a catch of the API exception.
    /// Every transient error is thrown as DatoCmsTransientApiException, so the check is a type test.
    /// </summary>
    [Fact]
    public Task BroadCatchFilterExcludesTheTransientType() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Source(BroadCatch),
        Source("catch (Exception ex) when (ex is DatoCmsApiException && ex is not DatoCmsTransientApiException)\n        {\n            Console.WriteLine(ex.Message);\n        }"));

    [Fact]
    public Task BroadCatchRethrowTestsTheTransientType() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey,
        Source(BroadCatch),
        Source("catch (Exception ex) when (ex is DatoCmsApiException)\n        {\n            if (ex is DatoCmsTransientApiException)\n                throw;\n            Console.WriteLine(ex.Message);\n        }"));

    /// <summary>A longer filter on a broad catch keeps its meaning: only the transient API errors are let through.</summary>
    [Fact]
    public Task BroadCatchWithALongerFilterGetsTheTypeTestJoined() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Source("[|catch (Exception ex)|] when (ex is DatoCmsApiException api && api.Code != DatoCmsErrorCode.NotFound)\n        {\n            Console.WriteLine(ex.Message);\n        }"),
        Source("catch (Exception ex) when (ex is DatoCmsApiException api && api.Code != DatoCmsErrorCode.NotFound && ex is not DatoCmsTransientApiException)\n        {\n            Console.WriteLine(ex.Message);\n        }"));

    private static string Sync(string body) => @"using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed class CatalogueSync
{
    private readonly Func<CancellationToken, Task> _pushChanges;
    private readonly Func<CancellationToken, Task> _pushFallback;

    public CatalogueSync(Func<CancellationToken, Task> pushChanges, Func<CancellationToken, Task> pushFallback)
    {
        _pushChanges = pushChanges;
        _pushFallback = pushFallback;
    }

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
" + body + @"
    }
}
";

    private const string InsideOuterCatch = @"        try
        {
            await _pushChanges(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            Console.WriteLine(""Primary endpoint failed: "" + ex.Message);
            try
            {
                await _pushFallback(cancellationToken);
            }
            [|catch (DatoCmsApiException)|]
            {
                Console.WriteLine(""Fallback failed too"");
            }
        }";

    /// <summary>Inside an outer <c>catch (HttpRequestException ex)</c>, naming the new variable <c>ex</c> was CS0136.</summary>
    [Fact]
    public Task FilterAvoidsTheOuterCatchVariable() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Sync(InsideOuterCatch),
        Sync(InsideOuterCatch.Replace("[|catch (DatoCmsApiException)|]", "catch (DatoCmsApiException exception) when (!exception.IsTransient)")));

    [Fact]
    public Task RethrowAvoidsTheOuterCatchVariable() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey,
        Sync(InsideOuterCatch),
        Sync(InsideOuterCatch.Replace("[|catch (DatoCmsApiException)|]\n            {\n", "catch (DatoCmsApiException exception)\n            {\n                if (exception.IsTransient)\n                    throw;\n")));

    private const string LocalNamedExLater = @"        try
        {
            await _pushChanges(cancellationToken);
        }
        [|catch (DatoCmsApiException)|]
        {
            Console.WriteLine(""Push failed"");
        }

        var ex = DateTimeOffset.UtcNow;
        Console.WriteLine(""Sync finished at "" + ex);";

    /// <summary>A local named <c>ex</c> later in the same block is in scope for the whole block: the variable gets another name.</summary>
    [Fact]
    public Task FilterAvoidsALocalDeclaredLaterInTheBlock() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Sync(LocalNamedExLater),
        Sync(LocalNamedExLater.Replace("[|catch (DatoCmsApiException)|]", "catch (DatoCmsApiException exception) when (!exception.IsTransient)")));

    // A catch of one specific transient exception (ItemLockedException) is a deliberate choice and
    // not a DATO002 (issue 12); the transient base is.
    private const string TransientOnlyCatches = @"        try
        {
            await _pushChanges(cancellationToken);
        }
        catch (ItemLockedException)
        {
            Console.WriteLine(""Record locked, giving up for now"");
        }

        try
        {
            await _pushFallback(cancellationToken);
        }
        [|catch (DatoCmsTransientApiException ex)|]
        {
            Console.WriteLine(""Fallback unavailable: "" + ex.Message);
        }";

    /// <summary>
    /// On a transient-only catch, <c>when (!ex.IsTransient)</c> could never be true: the filter is
    /// not offered there, the rethrow is, as a <c>throw;</c> after what the block does.
    /// </summary>
    [Fact]
    public Task TransientOnlyCatchGetsNoFilter() => CodeFixVerifier.VerifyNotOfferedAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Sync(TransientOnlyCatches));

    [Fact]
    public Task TransientOnlyCatchRethrowsAfterHandling() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey,
        Sync(TransientOnlyCatches),
        Sync(TransientOnlyCatches
            .Replace("[|catch (DatoCmsTransientApiException ex)|]", "catch (DatoCmsTransientApiException ex)")
            .Replace("+ ex.Message);\n", "+ ex.Message);\n            throw;\n")));

    /// <summary>A transient-only catch that returns has no place for a rethrow that runs: nothing is offered.</summary>
    [Fact]
    public Task TransientOnlyCatchThatReturnsGetsNoFix() => CodeFixVerifier.VerifyNotOfferedAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey,
        Sync(@"        try
        {
            await _pushChanges(cancellationToken);
        }
        [|catch (DatoCmsTransientApiException)|]
        {
            Console.WriteLine(""Busy; the next scheduled sync will push the changes"");
            return;
        }

        Console.WriteLine(""Pushed"");"));

    /// <summary>
    /// A consumer that requeues the job on transient errors and gives up after five attempts: the
    /// give-up drops the error (reported), but a <c>throw;</c> after the requeue would end the
    /// consumer on its first transient error (a new user's trial, 2026-12-03): nothing is offered.
    /// </summary>
    [Fact]
    public Task TransientOnlyCatchThatRequeuesGetsNoRethrow() => CodeFixVerifier.VerifyNotOfferedAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey, @"using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed record Job(string Id, int Attempt);

internal sealed class Consumer(Func<string, CancellationToken, Task> publish)
{
    public async Task ConsumeAsync(ChannelReader<Job> reader, ChannelWriter<Job> retryQueue, CancellationToken ct)
    {
        await foreach (var job in reader.ReadAllAsync(ct))
        {
            try
            {
                await publish(job.Id, ct);
            }
            [|catch (DatoCmsApiException ex)|] when (ex.IsTransient)
            {
                if (job.Attempt >= 5)
                {
                    Console.WriteLine(""Giving up on "" + job.Id + "": "" + ex.Message);
                    continue;
                }

                await retryQueue.WriteAsync(job with { Attempt = job.Attempt + 1 }, ct);
            }
        }
    }
}
");

    /// <summary>
    /// A consumer that puts a failed job back on its channel whatever the error (a held-out trial,
    /// 2026-12-03): a rethrow of transient errors would end the consumer on the very errors worth
    /// requeueing and a filter would stop requeueing them, while the permanent ones stay requeued
    /// for ever. The diagnostic stands; neither fix is offered.
    /// </summary>
    [Theory]
    [InlineData(SwallowedCatchCodeFix.RethrowKey)]
    [InlineData(SwallowedCatchCodeFix.FilterKey)]
    public Task CatchOfEveryErrorThatRequeuesGetsNoFix(string key) => CodeFixVerifier.VerifyNotOfferedAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", key, @"using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed class Consumer(Func<string, CancellationToken, Task> publish, Channel<string> jobs)
{
    public async Task ConsumeAsync(CancellationToken ct)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(ct))
        {
            try
            {
                await publish(job, ct);
            }
            [|catch (DatoCmsApiException)|]
            {
                await jobs.Writer.WriteAsync(job, ct);
            }
        }
    }
}
");

    /// <summary>
    /// Work started and forgotten (a held-out trial, 2026-12-03): a rethrow in <c>_ = Task.Run(...)</c>
    /// reaches no one (the task's exception goes unobserved), so either fix would only hide the
    /// diagnostic. Nothing is offered; an awaited <c>Task.Run</c> still gets both (next test).
    /// </summary>
    [Theory]
    [InlineData(SwallowedCatchCodeFix.RethrowKey, "_ = Task.Run")]
    [InlineData(SwallowedCatchCodeFix.FilterKey, "_ = Task.Run")]
    [InlineData(SwallowedCatchCodeFix.RethrowKey, "Task.Factory.StartNew")]
    public Task CatchInForgottenWorkGetsNoFix(string key, string start) => CodeFixVerifier.VerifyNotOfferedAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", key, @"using System;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed class Warmer(Func<Task> refresh)
{
    public void Kick()
    {
        " + start + @"(async () =>
        {
            try
            {
                await refresh();
            }
            [|catch (DatoCmsApiException ex)|]
            {
                Console.WriteLine(ex.Message);
            }
        });
    }
}
");

    [Fact]
    public Task CatchInAwaitedWorkGetsTheRethrow() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey, @"using System;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed class Warmer(Func<Task> refresh)
{
    public async Task KickAsync()
    {
        await Task.Run(async () =>
        {
            try
            {
                await refresh();
            }
            [|catch (DatoCmsApiException ex)|]
            {
                Console.WriteLine(ex.Message);
            }
        });
    }
}
", @"using System;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed class Warmer(Func<Task> refresh)
{
    public async Task KickAsync()
    {
        await Task.Run(async () =>
        {
            try
            {
                await refresh();
            }
            catch (DatoCmsApiException ex)
            {
                if (ex.IsTransient)
                    throw;
                Console.WriteLine(ex.Message);
            }
        });
    }
}
");

    /// <summary>Two sibling catches in one document: Fix All names both variables <c>ex</c>, as fixing them one by one does.</summary>
    [Fact]
    public Task FixAllNamesSiblingCatchesAlike() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Sync(@"        try
        {
            await _pushChanges(cancellationToken);
        }
        [|catch (DatoCmsApiException)|]
        {
        }

        try
        {
            await _pushFallback(cancellationToken);
        }
        [|catch (DatoCmsApiException)|]
        {
        }"),
        Sync(@"        try
        {
            await _pushChanges(cancellationToken);
        }
        catch (DatoCmsApiException ex) when (!ex.IsTransient)
        {
        }

        try
        {
            await _pushFallback(cancellationToken);
        }
        catch (DatoCmsApiException ex) when (!ex.IsTransient)
        {
        }"));
}
