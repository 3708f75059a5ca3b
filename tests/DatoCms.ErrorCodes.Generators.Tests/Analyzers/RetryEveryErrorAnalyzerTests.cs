using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers;

/// <summary>DATO003: Polly retries that handle every DatoCmsApiException, v8 (Polly.Core) and v7 shapes.</summary>
public class RetryEveryErrorAnalyzerTests
{
    private const string Message = "This retry handles every DatoCmsApiException without checking IsTransient, so permanent errors such as validation and permission failures are retried too";

    /// <summary>User code with the Polly namespaces and a few helpers in scope; <paramref name="members"/> goes in the class.</summary>
    internal static string Source(string members) => @"using System;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Hedging;
using Polly.Retry;

internal static class Policies
{
    private static bool IsRetryable(DatoCmsApiException ex) => ex.StatusCode >= 500;

    " + members + @"
}
";

    private static Task VerifyAsync(string members, int expectedCount = -1) =>
        AnalyzerVerifier.VerifyAsync(new RetryEveryErrorAnalyzer(), "DATO003", Source(members), Enumerable.Repeat(Message, expectedCount < 0 ? CountMarkers(members) : expectedCount).ToList(), extraReferences: PollyReferences.All);

    private static int CountMarkers(string markup) => markup.Split("[|").Length - 1;

    // ---- v8: PredicateBuilder ----

    [Fact]
    public Task PredicateBuilderHandleIsReported() => VerifyAsync(@"
    public static RetryStrategyOptions Options() => new RetryStrategyOptions
    {
        ShouldHandle = new PredicateBuilder().[|Handle<DatoCmsApiException>|](),
    };");
    [Fact]
    public Task GenericPredicateBuilderInAChainIsReported() => VerifyAsync(@"
    public static RetryStrategyOptions<int> Options() => new RetryStrategyOptions<int>
    {
        ShouldHandle = new PredicateBuilder<int>().Handle<TimeoutException>().[|Handle<DatoCmsApiException>|]().HandleResult(r => r < 0),
    };");

    [Fact]
    public Task HandleInnerIsReported() => VerifyAsync(@"
    public static RetryStrategyOptions Options() => new RetryStrategyOptions
    {
        ShouldHandle = new PredicateBuilder().[|HandleInner<DatoCmsApiException>|](),
    };");

    [Fact]
    public Task HedgingIsReported() => VerifyAsync(@"
    public static HedgingStrategyOptions<int> Options() => new HedgingStrategyOptions<int>
    {
        ShouldHandle = new PredicateBuilder<int>().[|Handle<DatoCmsApiException>|](),
    };");

    [Fact]
    public Task BuilderKeptInAVariableIsReported() => VerifyAsync(@"
    public static PredicateBuilder<object> Predicate()
    {
        var predicate = new PredicateBuilder().[|Handle<DatoCmsApiException>|]();
        return predicate;
    }");

    [Fact]
    public Task PredicateThatIgnoresTheKindOfErrorIsReported() => VerifyAsync(@"
    public static RetryStrategyOptions Options() => new RetryStrategyOptions
    {
        ShouldHandle = new PredicateBuilder().[|Handle<DatoCmsApiException>|](ex => ex.Message.Length > 0),
    };");

    // ---- v8: hand-written ShouldHandle ----

    [Fact]
    public Task ShouldHandleLambdaTypeTestIsReported() => VerifyAsync(@"
    public static RetryStrategyOptions Options() => new RetryStrategyOptions
    {
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is [|DatoCmsApiException|]),
    };");

    [Fact]
    public Task ShouldHandleLambdaPatternsAreReported() => VerifyAsync(@"
    public static RetryStrategyOptions First() => new RetryStrategyOptions
    {
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is [|DatoCmsApiException|] or TimeoutException),
    };

    public static RetryStrategyOptions Second() => new RetryStrategyOptions
    {
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is [|DatoCmsApiException|] ex && ex.Message.Length > 0),
    };");

    [Fact]
    public Task ShouldHandleSwitchExpressionsAreReported() => VerifyAsync(@"
    public static RetryStrategyOptions OnTheOutcome() => new RetryStrategyOptions
    {
        ShouldHandle = args => args.Outcome switch
        {
            { Exception: [|DatoCmsApiException|] } => PredicateResult.True(),
            _ => PredicateResult.False(),
        },
    };

    public static RetryStrategyOptions OnTheException() => new RetryStrategyOptions
    {
        ShouldHandle = args => args.Outcome.Exception switch
        {
            [|DatoCmsApiException|] => PredicateResult.True(),
            _ => PredicateResult.False(),
        },
    };");

    [Fact]
    public Task ShouldHandleMethodIsReported() => VerifyAsync(@"
    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<object> args) =>
        ValueTask.FromResult(args.Outcome.Exception is [|DatoCmsApiException|]);");

    // ---- v7: Policy ----

    [Fact]
    public Task PolicyHandleIsReported() => VerifyAsync(@"
    public static AsyncRetryPolicy Create() => Policy.[|Handle<DatoCmsApiException>|]().WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(attempt));");

    [Fact]
    public Task PolicyOrAndGenericPolicyAreReported() => VerifyAsync(@"
    public static AsyncRetryPolicy First() => Policy.Handle<TimeoutException>().[|Or<DatoCmsApiException>|]().RetryAsync(3);

    public static RetryPolicy<int> Second() => Policy<int>.[|Handle<DatoCmsApiException>|]().OrResult(r => r < 0).Retry();

    public static RetryPolicy Third() => Policy.[|Handle<DatoCmsApiException>|](_ => true).RetryForever();

    public static AsyncRetryPolicy Fourth() => Policy.HandleInner<TimeoutException>().[|OrInner<DatoCmsApiException>|]().WaitAndRetryForeverAsync(attempt => TimeSpan.FromSeconds(attempt));");

    // ---- compliant ----

    [Theory]
    [InlineData("new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.IsTransient)")]
    [InlineData("new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.RetryKind != DatoCmsRetryKind.None)")]
    [InlineData("new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.Code == DatoCmsErrorCode.ItemLocked)")]
    [InlineData("new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.Code.IsTransient())")]
    [InlineData("new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.StatusCode == 429)")]
    [InlineData("new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.Errors.Count == 1)")]
    [InlineData("new PredicateBuilder().HandleInner<DatoCmsApiException>(ex => ex.Code.GetRetryKind() == DatoCmsRetryKind.Backoff)")]
    [InlineData("new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex is ItemLockedException)")]
    [InlineData("new PredicateBuilder().Handle<DatoCmsApiException>(IsRetryable)")]
    [InlineData("new PredicateBuilder().Handle<DatoCmsApiException>(ex => IsRetryable(ex))")]
    [InlineData("new PredicateBuilder().Handle<DatoCmsTransientApiException>()")]
    [InlineData("new PredicateBuilder().Handle<ItemLockedException>().Handle<RateLimitExceededException>()")]
    [InlineData("new PredicateBuilder().Handle<NotFoundException>()")]
    [InlineData("new PredicateBuilder().Handle<Exception>()")]
    [InlineData("new PredicateBuilder().Handle<TimeoutException>()")]
    [InlineData("args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException ex && ex.IsTransient)")]
    [InlineData("args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException { IsTransient: true })")]
    [InlineData("args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException { Code: DatoCmsErrorCode.ItemLocked })")]
    [InlineData("args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsTransientApiException)")]
    [InlineData("args => ValueTask.FromResult(args.Outcome.Exception is not DatoCmsApiException)")]
    [InlineData("args => ValueTask.FromResult(!(args.Outcome.Exception is DatoCmsApiException))")]
    [InlineData("args => args.Outcome.Exception switch { DatoCmsApiException => PredicateResult.False(), _ => PredicateResult.True() }")]
    [InlineData("args => args.Outcome switch { { Exception: DatoCmsApiException ex } when ex.IsTransient => PredicateResult.True(), _ => PredicateResult.False() }")]
    public Task RetriesThatDecidePerErrorAreNotReported(string shouldHandle) => VerifyAsync(@"
    public static RetryStrategyOptions Options() => new RetryStrategyOptions
    {
        ShouldHandle = " + shouldHandle + @",
    };");

    [Theory]
    [InlineData("Policy.Handle<DatoCmsApiException>(ex => ex.IsTransient).RetryAsync(3)")]
    [InlineData("Policy.Handle<DatoCmsTransientApiException>().RetryAsync(3)")]
    [InlineData("Policy.Handle<TimeoutException>().Or<DatoCmsApiException>(ex => ex.Code == DatoCmsErrorCode.ItemLocked).RetryAsync(3)")]
    [InlineData("Policy.Handle<DatoCmsApiException>(IsRetryable).WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(attempt))")]
    [InlineData("Policy.Handle<Exception>().RetryAsync(3)")]
    public Task PolicyRetriesThatDecidePerErrorAreNotReported(string policy) => VerifyAsync(@"
    public static IAsyncPolicy Create() => " + policy + ";");

    [Fact]
    public Task CircuitBreakersAndFallbacksAreNotRetries() => VerifyAsync(@"
    public static CircuitBreakerStrategyOptions Breaker() => new CircuitBreakerStrategyOptions
    {
        ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(),
    };

    public static FallbackStrategyOptions<int> Fallback() => new FallbackStrategyOptions<int>
    {
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException),
        FallbackAction = _ => Outcome.FromResultAsValueTask(0),
    };

    public static IAsyncPolicy PolicyBreaker() => Policy.Handle<DatoCmsApiException>().CircuitBreakerAsync(5, TimeSpan.FromSeconds(30));

    public static IAsyncPolicy PolicyFallback() => Policy.Handle<DatoCmsApiException>().FallbackAsync(_ => Task.CompletedTask);");

    [Fact]
    public Task OnRetryCallbackIsNotAPredicate() => VerifyAsync(@"
    public static RetryStrategyOptions Options() => new RetryStrategyOptions
    {
        ShouldHandle = new PredicateBuilder().Handle<DatoCmsTransientApiException>(),
        OnRetry = args =>
        {
            if (args.Outcome.Exception is DatoCmsApiException ex)
            {
                Console.WriteLine(ex.Message);
            }

            return default;
        },
    };");

    [Fact]
    public Task HandleMethodsOutsidePollyAreIgnored() => VerifyAsync(@"
    private sealed class Handler
    {
        public Handler Handle<T>() => this;
    }

    public static object Handlers() => new Handler().Handle<DatoCmsApiException>();");

    [Fact]
    public async Task GeneratedCodeIsSkipped()
    {
        var source = "// <auto-generated/>\n" + Source(@"
    public static RetryStrategyOptions Options() => new RetryStrategyOptions
    {
        ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(),
    };");

        Assert.Empty(await AnalyzerVerifier.GetDiagnosticsAsync(new RetryEveryErrorAnalyzer(), AnalyzerVerifier.Compile(source, extraReferences: PollyReferences.All)));
    }

    [Fact]
    public async Task NothingHappensWithoutPolly()
    {
        // The same names in a namespace of the user's own: without Polly the rule has nothing to say.
        var source = @"
using DatoCms.ErrorCodes;

namespace NotPolly
{
    internal sealed class PredicateBuilder
    {
        public PredicateBuilder Handle<T>() => this;
    }

    internal static class Policies
    {
        public static object Predicate() => new PredicateBuilder().Handle<DatoCmsApiException>();
    }
}";

        Assert.Empty(await AnalyzerVerifier.GetDiagnosticsAsync(new RetryEveryErrorAnalyzer(), AnalyzerVerifier.Compile(source)));
    }

    [Fact]
    public async Task NothingHappensWithoutTheGeneratedTypes()
    {
        var source = @"
using Polly;

namespace Elsewhere
{
    internal class DatoCmsApiException : System.Exception { }

    internal static class Policies
    {
        public static PredicateBuilder<object> Predicate() => new PredicateBuilder().Handle<DatoCmsApiException>();
    }
}";
        var compilation = CSharpCompilation.Create(
            "User",
            new[] { CSharpSyntaxTree.ParseText(source, path: AnalyzerVerifier.UserPath) },
            ReferenceSets.Get(ReferenceSet.Net80).Concat(PollyReferences.All),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Empty(await AnalyzerVerifier.GetDiagnosticsAsync(new RetryEveryErrorAnalyzer(), compilation));
    }
}
