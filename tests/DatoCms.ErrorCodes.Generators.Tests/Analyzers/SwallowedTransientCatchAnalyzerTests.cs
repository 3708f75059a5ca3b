using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers;

/// <summary>DATO002: catches of our exceptions that swallow transient errors.</summary>
public class SwallowedTransientCatchAnalyzerTests
{
    private static Task VerifyAsync(string catches, params string[] messages) =>
        AnalyzerVerifier.VerifyAsync(new SwallowedTransientCatchAnalyzer(), "DATO002", @"
using System;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal static class Caller
{
    private static void Log(Exception ex) => Console.WriteLine(ex.Message);

    public static async Task<int?> CallAsync(Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
" + catches + @"
        return null;
    }
}", messages.Length == 0 ? null : messages);

    [Fact]
    public Task LoggingAndReturningSwallows() => VerifyAsync(@"
        [|catch (DatoCmsApiException ex)|]
        {
            Log(ex);
        }", "This catch swallows DatoCmsApiException without rethrowing or checking IsTransient, so transient errors that a retry would fix are lost");

    [Fact]
    public Task EmptyCatchWithoutVariableSwallows() => VerifyAsync(@"
        [|catch (DatoCmsApiException)|]
        {
        }");

    [Fact]
    public Task TransientBaseSwallows() => VerifyAsync(@"
        [|catch (DatoCmsTransientApiException)|]
        {
        }", "This catch swallows DatoCmsTransientApiException without rethrowing or checking IsTransient, so transient errors that a retry would fix are lost");

    [Theory]
    [InlineData("[|catch (DatoCmsApiException ex)|] { if (ex.Code == DatoCmsErrorCode.NotFound) { return 0; } Log(ex); }")]
    [InlineData("[|catch (DatoCmsApiException ex)|] { foreach (var error in ex.Errors) { if (error.Code == DatoCmsErrorCode.InvalidField) Log(ex); } }")]
    [InlineData("[|catch (DatoCmsApiException ex)|] { Console.WriteLine(ex.Code + \" transient: \" + ex.IsTransient); }")]
    [InlineData("[|catch (DatoCmsApiException ex)|] { if (ex.StatusCode == 401) throw new UnauthorizedAccessException(\"token\", ex); Log(ex); }")]
    [InlineData("[|catch (Exception ex)|] when (ex is DatoCmsApiException) { Log(ex); }")]
    public Task LookingAtTheCodeWithoutHandlingTransientSwallows(string catches) => VerifyAsync(catches);

    [Theory]
    [InlineData("catch (DatoCmsApiException) { throw; }")]
    [InlineData("catch (DatoCmsApiException ex) { throw new InvalidOperationException(\"wrapped\", ex); }")]
    [InlineData("catch (DatoCmsApiException ex) when (!ex.IsTransient) { Log(ex); }")]
    [InlineData("catch (DatoCmsApiException ex) when (ex.StatusCode == 404) { }")]
    [InlineData("catch (DatoCmsApiException ex) { if (ex.IsTransient) { return -1; } Log(ex); }")]
    [InlineData("catch (DatoCmsApiException ex) { switch (ex.RetryKind) { case DatoCmsRetryKind.None: Log(ex); break; } }")]
    [InlineData("catch (ItemLockedException ex) { Log(ex); }")]
    [InlineData("catch (DatoCmsApiException ex) { return ex.IsTransient ? -1 : 0; }")]
    [InlineData("catch (DatoCmsApiException ex) { if (ex.Code.IsTransient()) return -1; }")]
    [InlineData("catch (NotFoundException) { return 0; }")]
    [InlineData("catch (StaleItemVersionException ex) { Log(ex); }")]
    [InlineData("catch (Exception ex) { Log(ex); }")]
    [InlineData("catch { }")]
    [InlineData("catch (InvalidOperationException) { }")]
    public Task HandlingCatchesAreNotReported(string catches) => VerifyAsync(catches);

    [Fact]
    public Task ErrorCollectedForAnAggregateIsNotDropped() => AnalyzerVerifier.VerifyAsync(new SwallowedTransientCatchAnalyzer(), "DATO002", @"
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static async Task CallAllAsync(IEnumerable<Func<Task>> calls)
    {
        var failures = new List<Exception>();
        var messages = new List<string>();
        foreach (var call in calls)
        {
            try
            {
                await call();
            }
            catch (DatoCmsApiException ex)
            {
                failures.Add(ex);
            }

            try
            {
                await call();
            }
            [|catch (DatoCmsApiException ex)|]
            {
                messages.Add(ex.Message);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException(failures);
        }
    }
}");

    // Each method ends in its try, where a handler without branches was judged a drop without the
    // flow graph: these are the shapes where an add keeps the error all the same.
    private const string CollectionsPrelude = @"
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed record StepResult(string Name, Exception? Error);

internal sealed class Outcome
{
    public ConcurrentQueue<StepResult> Steps { get; } = new();
}

internal sealed class Sink
{
    public ConcurrentQueue<Exception> Errors { get; } = new();

    public List<Exception> List { get; } = new();
}
";

    [Fact]
    public Task ErrorAddedToACollectionThatOutlivesTheMethodIsKept() => AnalyzerVerifier.VerifyAsync(new SwallowedTransientCatchAnalyzer(), "DATO002", CollectionsPrelude + @"
internal sealed class Importer(Func<Task> call, Sink sink)
{
    private readonly ConcurrentQueue<Exception> _queue = new();
    private readonly ConcurrentBag<Exception> _bag = new();
    private readonly Stack<Exception> _stack = new();
    private readonly LinkedList<Exception> _linked = new();
    private readonly Dictionary<string, Exception> _byId = new();
    private readonly List<Exception>[] _perShard = { new() };
    private readonly Channel<Exception> _channel = Channel.CreateUnbounded<Exception>();

    public async Task QueueField() { try { await call(); } catch (DatoCmsApiException ex) { _queue.Enqueue(ex); } }

    public async Task ListOnInjected() { try { await call(); } catch (DatoCmsApiException ex) { sink.List.Add(ex); } }

    public async Task QueueOnInjected() { try { await call(); } catch (DatoCmsApiException ex) { sink.Errors.Enqueue(ex); } }

    public async Task BuiltFromTheError(Outcome outcomes) { try { await call(); } catch (DatoCmsApiException ex) { outcomes.Steps.Enqueue(new StepResult(""publish"", ex)); } }

    public async Task OtherCollections(string id)
    {
        try { await call(); } catch (DatoCmsApiException ex) { _bag.Add(ex); }
        try { await call(); } catch (DatoCmsApiException ex) { _stack.Push(ex); }
        try { await call(); } catch (DatoCmsApiException ex) { _linked.AddLast(ex); }
        try { await call(); } catch (DatoCmsApiException ex) { _byId.TryAdd(id, ex); }
        try { await call(); } catch (DatoCmsApiException ex) { _perShard[0].Insert(0, ex); }
        try { await call(); } catch (DatoCmsApiException ex) { _channel.Writer.TryWrite(ex); }
        try { await call(); } catch (DatoCmsApiException ex) { await _channel.Writer.WriteAsync(ex); }
    }
}");

    [Fact]
    public Task ErrorAddedToACollectionThatDiesOrIsNotChangedIsDropped() => AnalyzerVerifier.VerifyAsync(new SwallowedTransientCatchAnalyzer(), "DATO002", CollectionsPrelude + @"
internal sealed class Importer(Func<Task> call)
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ImmutableList<Exception> _immutable = ImmutableList<Exception>.Empty;

    public async Task LocalOfTheCatch()
    {
        try { await call(); }
        [|catch (DatoCmsApiException ex)|]
        {
            var failures = new List<Exception>();
            failures.Add(ex);
        }
    }

    public async Task NewCollection() { try { await call(); } [|catch (DatoCmsApiException ex)|] { new Queue<Exception>().Enqueue(ex); } }

    public async Task OnlyTheMessage() { try { await call(); } [|catch (DatoCmsApiException ex)|] { _messages.Enqueue(ex.Message); } }

    public async Task ImmutableAddDiscarded() { try { await call(); } [|catch (DatoCmsApiException ex)|] { _immutable.Add(ex); } }
}");

    [Fact]
    public Task ErrorAddedToALocalCollectionTheCallerGetsIsHandedOn() => AnalyzerVerifier.VerifyAsync(new SwallowedTransientCatchAnalyzer(), "DATO002", CollectionsPrelude + @"
internal static class Collector
{
    public static async Task<List<Exception>> Returned(IEnumerable<Func<Task>> calls)
    {
        var errors = new List<Exception>();
        foreach (var call in calls)
        {
            try { await call(); }
            catch (DatoCmsApiException ex) { errors.Add(ex); }
        }

        return errors;
    }

    public static List<Exception> ReturnedAfterOneTry(Action call)
    {
        var errors = new List<Exception>();
        try { call(); }
        catch (DatoCmsApiException ex) { errors.Add(ex); }
        return errors;
    }

    public static (int Done, List<StepResult> Failed) ReturnedInATuple(IList<Action> calls)
    {
        var failed = new List<StepResult>();
        var done = 0;
        for (var i = 0; i < calls.Count; i++)
        {
            try { calls[i](); done++; }
            catch (DatoCmsApiException ex) { failed.Add(new StepResult(""step "" + i, ex)); }
        }

        return (done, failed);
    }

    public static bool ThroughAnOutParameter(IEnumerable<Action> calls, out List<Exception> failures)
    {
        var errors = new List<Exception>();
        foreach (var call in calls)
        {
            try { call(); }
            catch (DatoCmsApiException ex) { errors.Add(ex); }
        }

        failures = errors;
        return errors.Count == 0;
    }

    public static IReadOnlyList<DatoCmsApiError> AddedInBulk(IEnumerable<Action> calls)
    {
        var problems = new List<DatoCmsApiError>();
        foreach (var call in calls)
        {
            try { call(); }
            catch (DatoCmsApiException ex) { problems.AddRange(ex.Errors); }
        }

        return problems;
    }

    public static Exception[] AddedInBulkToAnArray(IEnumerable<Action> calls)
    {
        var errors = new List<Exception>();
        foreach (var call in calls)
        {
            try { call(); }
            catch (DatoCmsApiException ex) { errors.InsertRange(0, new[] { ex }); }
        }

        return errors.ToArray();
    }

    public static async Task<IReadOnlyCollection<Exception>> FromParallelCalls(IEnumerable<Func<Task>> calls)
    {
        var errors = new ConcurrentBag<Exception>();
        await Task.WhenAll(calls.Select(async call =>
        {
            try { await call(); }
            catch (DatoCmsApiException ex) { errors.Add(ex); }
        }));
        return errors;
    }

    public static int CountedButThrown(IEnumerable<Action> calls)
    {
        var errors = new List<Exception>();
        foreach (var call in calls)
        {
            try { call(); }
            catch (DatoCmsApiException ex) { errors.Add(ex); }
        }

        // Whether a summary exception hands the failures on is the author's call: the rule stays silent.
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(errors.Count + "" calls failed"");
        }

        return 0;
    }

    public static int AnAliasOfAKeptList(IEnumerable<Action> calls, Sink sink)
    {
        var errors = sink.List;
        foreach (var call in calls)
        {
            try { call(); }
            catch (DatoCmsApiException ex) { errors.Add(ex); }
        }

        return errors.Count;
    }
}");

    [Fact]
    public Task ErrorAddedToALocalCollectionOfWhichOnlyTheCountLeavesIsDropped() => AnalyzerVerifier.VerifyAsync(new SwallowedTransientCatchAnalyzer(), "DATO002", CollectionsPrelude + @"
internal static class Collector
{
    public static int Counted(IEnumerable<Action> calls)
    {
        var errors = new List<Exception>();
        foreach (var call in calls)
        {
            try { call(); }
            [|catch (DatoCmsApiException ex)|] { errors.Add(ex); }
        }

        Console.WriteLine(errors.Count + "" failed"");
        return errors.Count;
    }

    public static async Task NeverRead(IEnumerable<Func<Task>> calls)
    {
        var errors = new Queue<Exception>();
        foreach (var call in calls)
        {
            try { await call(); }
            [|catch (DatoCmsApiException ex)|] { errors.Enqueue(ex); }
        }
    }

    public static bool EmptiedAndChecked(Action call)
    {
        var errors = new List<Exception>();
        errors.Clear();
        try { call(); }
        [|catch (DatoCmsApiException ex)|] { errors.Add(ex); }
        return errors.Count == 0;
    }
}");

    [Fact]
    public Task DoLoopRetryRunningOutAtItsConditionIsNotADrop() => AnalyzerVerifier.VerifyAsync(new SwallowedTransientCatchAnalyzer(), "DATO002", @"
using System;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static async Task CallAsync(Func<Task> call)
    {
        var attempts = 0;
        var done = false;
        do
        {
            try
            {
                await call();
                done = true;
            }
            catch (DatoCmsTransientApiException)
            {
                attempts++;
                if (attempts >= 5)
                {
                    throw;
                }

                await Task.Delay(100 * attempts);
            }
        }
        while (!done);
    }
}");

    [Fact]
    public Task CatchInsideARetryLoopIsLeftToDato004() => AnalyzerVerifier.VerifyAsync(new SwallowedTransientCatchAnalyzer(), "DATO002", @"
using System;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static async Task<int> CallAsync(Func<Task<int>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (DatoCmsTransientApiException)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}");
}
