using System.Threading.Tasks;
using DatoCms.ErrorCodes.CodeFixes;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.CodeFixes;

/// <summary>DATO003 fix, compared with the exact code a user gets.</summary>
public class RetryOnlyTransientCodeFixTests
{
    private static Task VerifyAsync(string members, string fixedMembers) => CodeFixVerifier.VerifyAsync(
        new RetryEveryErrorAnalyzer(), new RetryOnlyTransientCodeFix(), "DATO003", RetryOnlyTransientCodeFix.EquivalenceKey,
        RetryEveryErrorAnalyzerTests.Source(members), RetryEveryErrorAnalyzerTests.Source(fixedMembers), extraReferences: PollyReferences.All);

    private static Task VerifyNotOfferedAsync(string members) => CodeFixVerifier.VerifyNotOfferedAsync(
        new RetryEveryErrorAnalyzer(), new RetryOnlyTransientCodeFix(), "DATO003", RetryOnlyTransientCodeFix.EquivalenceKey,
        RetryEveryErrorAnalyzerTests.Source(members), extraReferences: PollyReferences.All);

    private static string RetryOptions(string shouldHandle) => @"public static RetryStrategyOptions Options() => new RetryStrategyOptions
    {
        ShouldHandle = " + shouldHandle + @",
    };";

    [Fact]
    public Task PredicateBuilderGetsThePredicate() => VerifyAsync(
        RetryOptions("new PredicateBuilder().[|Handle<DatoCmsApiException>|]()"),
        RetryOptions("new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.IsTransient)"));

    [Fact]
    public Task PolicyOrInAChainGetsThePredicate() => VerifyAsync(
        "public static AsyncRetryPolicy Create() => Policy.Handle<TimeoutException>().[|Or<DatoCmsApiException>|]().RetryAsync(3);",
        "public static AsyncRetryPolicy Create() => Policy.Handle<TimeoutException>().Or<DatoCmsApiException>(ex => ex.IsTransient).RetryAsync(3);");

    [Fact]
    public Task GenericPolicyGetsThePredicate() => VerifyAsync(
        "public static RetryPolicy<int> Create() => Policy<int>.[|Handle<DatoCmsApiException>|]().OrResult(r => r < 0).Retry();",
        "public static RetryPolicy<int> Create() => Policy<int>.Handle<DatoCmsApiException>(ex => ex.IsTransient).OrResult(r => r < 0).Retry();");

    [Fact]
    public Task NameInUseIsAvoided() => VerifyAsync(
        "public static RetryPolicy Create(Exception ex) => Policy.[|Handle<DatoCmsApiException>|]().Retry();",
        "public static RetryPolicy Create(Exception ex) => Policy.Handle<DatoCmsApiException>(exception => exception.IsTransient).Retry();");

    [Fact]
    public Task ExistingPredicateIsCheckedFirst() => VerifyAsync(
        RetryOptions("new PredicateBuilder().[|Handle<DatoCmsApiException>|](e => e.Message.Length > 0)"),
        RetryOptions("new PredicateBuilder().Handle<DatoCmsApiException>(e => e.IsTransient && e.Message.Length > 0)"));

    [Fact]
    public Task ExistingOrPredicateIsParenthesized() => VerifyAsync(
        RetryOptions("new PredicateBuilder().[|Handle<DatoCmsApiException>|]((e) => e.Message.Length > 0 || e.InnerException != null)"),
        RetryOptions("new PredicateBuilder().Handle<DatoCmsApiException>((e) => e.IsTransient && (e.Message.Length > 0 || e.InnerException != null))"));

    [Fact]
    public Task AlwaysTruePredicateBecomesTheCheck() => VerifyAsync(
        "public static RetryPolicy Create() => Policy.[|Handle<DatoCmsApiException>|](error => true).Retry();",
        "public static RetryPolicy Create() => Policy.Handle<DatoCmsApiException>(error => error.IsTransient).Retry();");

    [Fact]
    public Task AlwaysTrueDiscardPredicateIsReplaced() => VerifyAsync(
        "public static RetryPolicy Create() => Policy.[|Handle<DatoCmsApiException>|](_ => true).Retry();",
        "public static RetryPolicy Create() => Policy.Handle<DatoCmsApiException>(ex => ex.IsTransient).Retry();");

    [Fact]
    public Task TypeTestGetsTheSubpattern() => VerifyAsync(
        RetryOptions("args => ValueTask.FromResult(args.Outcome.Exception is [|DatoCmsApiException|])"),
        RetryOptions("args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException { IsTransient: true })"));

    [Fact]
    public Task DeclarationPatternGetsTheSubpattern() => VerifyAsync(
        RetryOptions("args => ValueTask.FromResult(args.Outcome.Exception is [|DatoCmsApiException|] ex && ex.Message.Length > 0)"),
        RetryOptions("args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException { IsTransient: true } ex && ex.Message.Length > 0)"));

    /// <summary>
    /// Fix All changes the three type tests at once. Fixed one at a time, the first fix already
    /// makes the predicate check IsTransient, after which DATO003 counts the whole predicate as
    /// deciding per error and reports the other two no more: the iterative result has one change.
    /// </summary>
    [Fact]
    public Task PropertyPatternsGetTheSubpattern() => CodeFixVerifier.VerifyAsync(
        new RetryEveryErrorAnalyzer(), new RetryOnlyTransientCodeFix(), "DATO003", RetryOnlyTransientCodeFix.EquivalenceKey,
        RetryEveryErrorAnalyzerTests.Source(RetryOptions(@"args => ValueTask.FromResult(
            args.Outcome is { Exception: [|DatoCmsApiException|] }
            || args.Outcome.Exception is [|DatoCmsApiException|] { } ex && ex.Message.Length > 0
            || args.Outcome.Exception is [|DatoCmsApiException|] { Message: ""x"" })")),
        RetryEveryErrorAnalyzerTests.Source(RetryOptions(@"args => ValueTask.FromResult(
            args.Outcome is { Exception: DatoCmsApiException { IsTransient: true } }
            || args.Outcome.Exception is DatoCmsApiException { } ex && ex.Message.Length > 0
            || args.Outcome.Exception is DatoCmsApiException { Message: ""x"" })")),
        extraReferences: PollyReferences.All,
        batchExpected: RetryEveryErrorAnalyzerTests.Source(RetryOptions(@"args => ValueTask.FromResult(
            args.Outcome is { Exception: DatoCmsApiException { IsTransient: true } }
            || args.Outcome.Exception is DatoCmsApiException { IsTransient: true } ex && ex.Message.Length > 0
            || args.Outcome.Exception is DatoCmsApiException { IsTransient: true, Message: ""x"" })")),
        iterations: 1);

    [Fact]
    public Task SwitchArmGetsTheSubpattern() => VerifyAsync(
        RetryOptions(@"args => args.Outcome switch
        {
            { Exception: [|DatoCmsApiException|] } => PredicateResult.True(),
            _ => PredicateResult.False(),
        }"),
        RetryOptions(@"args => args.Outcome switch
        {
            { Exception: DatoCmsApiException { IsTransient: true } } => PredicateResult.True(),
            _ => PredicateResult.False(),
        }"));

    /// <summary>A block body decides after the check: what it did before (here, logging) sees transient errors only.</summary>
    [Fact]
    public Task BlockBodiedPredicateStartsWithTheCheck() => VerifyAsync(
        RetryOptions(@"new PredicateBuilder().[|Handle<DatoCmsApiException>|](ex =>
        {
            Console.WriteLine(ex.Message);
            return true;
        })"),
        RetryOptions(@"new PredicateBuilder().Handle<DatoCmsApiException>(ex =>
        {
            if (!ex.IsTransient) return false;
            Console.WriteLine(ex.Message);
            return true;
        })"));

    [Fact]
    public Task MethodGroupIsCalledForTransientErrorsOnly() => VerifyAsync(
        RetryOptions("new PredicateBuilder().[|Handle<DatoCmsApiException>|](ShouldRetry)") + @"

    private static bool ShouldRetry(DatoCmsApiException ex)
    {
        Console.WriteLine(ex.Message);
        return true;
    }",
        RetryOptions("new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.IsTransient && ShouldRetry(ex))") + @"

    private static bool ShouldRetry(DatoCmsApiException ex)
    {
        Console.WriteLine(ex.Message);
        return true;
    }");

    [Fact]
    public Task DelegateInALocalIsCalledForTransientErrorsOnly() => VerifyAsync(
        @"public static RetryStrategyOptions Options()
    {
        Func<DatoCmsApiException, bool> retryAll = _ => true;
        return new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().[|Handle<DatoCmsApiException>|](retryAll) };
    }",
        @"public static RetryStrategyOptions Options()
    {
        Func<DatoCmsApiException, bool> retryAll = _ => true;
        return new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.IsTransient && retryAll(ex)) };
    }");

    [Fact]
    public Task OneLineBlockBodyKeepsItsLine() => VerifyAsync(
        RetryOptions("new PredicateBuilder().[|Handle<DatoCmsApiException>|](ex => { Console.WriteLine(ex.Message); return true; })"),
        RetryOptions("new PredicateBuilder().Handle<DatoCmsApiException>(ex => { if (!ex.IsTransient) return false; Console.WriteLine(ex.Message); return true; })"));

    [Fact]
    public Task DiscardLikeParameterThatDoesMoreGetsNoFix() => VerifyNotOfferedAsync(
        RetryOptions("new PredicateBuilder().[|Handle<DatoCmsApiException>|](_ => _.Message.Length > 0)"));

    [Fact]
    public Task FixAllFixesEveryShape() => CodeFixVerifier.VerifyFixAllAsync(
        new RetryEveryErrorAnalyzer(), new RetryOnlyTransientCodeFix(), "DATO003", RetryOnlyTransientCodeFix.EquivalenceKey,
        RetryEveryErrorAnalyzerTests.Source(@"public static AsyncRetryPolicy Create() => Policy.[|Handle<DatoCmsApiException>|]().[|Or<DatoCmsApiException>|]().RetryAsync(3);

    " + RetryOptions("args => ValueTask.FromResult(args.Outcome.Exception is [|DatoCmsApiException|] or TimeoutException)") + @"

    public static PredicateBuilder<object> Predicate() => new PredicateBuilder().[|Handle<DatoCmsApiException>|](ex => ex.Message != null);"),
        RetryEveryErrorAnalyzerTests.Source(@"public static AsyncRetryPolicy Create() => Policy.Handle<DatoCmsApiException>(ex => ex.IsTransient).Or<DatoCmsApiException>(ex => ex.IsTransient).RetryAsync(3);

    " + RetryOptions("args => ValueTask.FromResult(args.Outcome.Exception is DatoCmsApiException { IsTransient: true } or TimeoutException)") + @"

    public static PredicateBuilder<object> Predicate() => new PredicateBuilder().Handle<DatoCmsApiException>(ex => ex.IsTransient && ex.Message != null);"),
        extraReferences: PollyReferences.All);
}
