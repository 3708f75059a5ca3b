using System.Collections.Generic;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers;

/// <summary>DATO001 on switches over DatoCmsErrorCode, checked against the generated enum of the fixed test spec (and once of the shipped one).</summary>
public class TransientSwitchAnalyzerTests
{
    /// <summary>The test spec's six transient codes (<see cref="TestSpec"/>): five named, one counted.</summary>
    private const string AllTransientMessage = "This switch handles specific error codes but not the transient codes ConcurrentItemUpdate, EnvironmentNotReady, ItemLocked, RateLimitExceeded, ServiceUnavailable +1 more; handle them, check IsTransient first, or rethrow in the default case";

    /// <summary>The shipped spec's sixteen transient codes, for the one test that reads the real spec.</summary>
    private const string ShippedAllTransientMessage = "This switch handles specific error codes but not the transient codes CannotDestroyForkingOrigin, ConcurrentEnvironmentUpdate, ConcurrentItemTypeUpdate, ConcurrentItemUpdate, ConcurrentRoleUpdate +11 more; handle them, check IsTransient first, or rethrow in the default case";

    private static readonly IReadOnlyDictionary<string, string> AllSwitches = new Dictionary<string, string> { [AnalyzerOptionNames.SwitchScopeKey] = "all" };

    private static Task VerifyAsync(string body, IReadOnlyList<string>? messages = null, IReadOnlyDictionary<string, string>? options = null) =>
        AnalyzerVerifier.VerifyAsync(new TransientSwitchAnalyzer(), "DATO001", Wrap(body), messages, options ?? AllSwitches);

    private static string Wrap(string body) => @"
using System;
using DatoCms.ErrorCodes;

internal static class Handler
{
    public static int Handle(DatoCmsErrorCode code)
    {
" + body + @"
    }
}";

    private const string AllTransientCases = "case DatoCmsErrorCode.ConcurrentItemUpdate: case DatoCmsErrorCode.EnvironmentNotReady: case DatoCmsErrorCode.ItemLocked: case DatoCmsErrorCode.RateLimitExceeded: case DatoCmsErrorCode.ServiceUnavailable: case DatoCmsErrorCode.SiteNotReady: return 2;";

    [Fact]
    public Task SwitchStatementWithSilentDefaultIsReported() => VerifyAsync(@"
        [|switch (code)|]
        {
            case DatoCmsErrorCode.NotFound: return 404;
            case DatoCmsErrorCode.InvalidField: return 422;
            default: return 0;
        }", new[] { AllTransientMessage });

    [Fact]
    public Task ShippedSpecTransientCodesAreTheOnesReported() => AnalyzerVerifier.VerifyAsync(new TransientSwitchAnalyzer(), "DATO001", Wrap(@"
        [|switch (code)|]
        {
            case DatoCmsErrorCode.NotFound: return 404;
            default: return 0;
        }"), new[] { ShippedAllTransientMessage }, AllSwitches, spec: ApiSpec.Shipped);

    [Fact]
    public Task SwitchStatementThatFallsOutIsReported() => VerifyAsync(@"
        [|switch (code)|]
        {
            case DatoCmsErrorCode.NotFound: return 404;
        }
        return 0;");

    [Fact]
    public Task SwitchExpressionWithSilentDiscardIsReported() => VerifyAsync(@"
        return [|code switch|]
        {
            DatoCmsErrorCode.NotFound => 404,
            DatoCmsErrorCode.InvalidField or DatoCmsErrorCode.InvalidFormat => 422,
            _ => 0,
        };", new[] { AllTransientMessage });

    [Fact]
    public Task MessageNamesOnlyTheMissingTransientCodes() => VerifyAsync(@"
        [|switch (code)|]
        {
            " + AllTransientCases.Replace("case DatoCmsErrorCode.ItemLocked: ", string.Empty).Replace("case DatoCmsErrorCode.RateLimitExceeded: ", string.Empty) + @"
            default: return 0;
        }", new[] { "This switch handles specific error codes but not the transient codes ItemLocked, RateLimitExceeded; handle them, check IsTransient first, or rethrow in the default case" });

    [Fact]
    public Task SingleMissingCodeIsNamedInTheSingular() => VerifyAsync(@"
        [|switch (code)|]
        {
            " + AllTransientCases.Replace("case DatoCmsErrorCode.ItemLocked: ", string.Empty) + @"
            default: return 0;
        }", new[] { "This switch handles specific error codes but not the transient code ItemLocked; handle them, check IsTransient first, or rethrow in the default case" });

    [Fact]
    public Task ArmWithAnUnrelatedGuardDoesNotCoverItsCode() => VerifyAsync(@"
        return [|code switch|]
        {
            " + "DatoCmsErrorCode.ConcurrentItemUpdate or DatoCmsErrorCode.EnvironmentNotReady or DatoCmsErrorCode.RateLimitExceeded or DatoCmsErrorCode.ServiceUnavailable or DatoCmsErrorCode.SiteNotReady => 2," + @"
            DatoCmsErrorCode.ItemLocked when DateTime.Now.Hour > 12 => 3,
            _ => 0,
        };", new[] { "This switch handles specific error codes but not the transient code ItemLocked; handle them, check IsTransient first, or rethrow in the default case" });

    [Fact]
    public Task EveryTransientCodeListedIsCompliant() => VerifyAsync(@"
        switch (code)
        {
            case DatoCmsErrorCode.NotFound: return 404;
            " + AllTransientCases + @"
            default: return 0;
        }");

    [Fact]
    public Task IsTransientCheckBeforeTheSwitchIsCompliant() => VerifyAsync(@"
        if (code.IsTransient()) return -1;
        switch (code)
        {
            case DatoCmsErrorCode.NotFound: return 404;
            default: return 0;
        }");

    [Fact]
    public Task EnclosingIfOnRetryKindIsCompliant() => VerifyAsync(@"
        if (code.GetRetryKind() == DatoCmsRetryKind.None)
        {
            switch (code)
            {
                case DatoCmsErrorCode.NotFound: return 404;
                default: return 0;
            }
        }
        return -1;");

    [Fact]
    public Task DefaultThatThrowsIsCompliant() => VerifyAsync(@"
        switch (code)
        {
            case DatoCmsErrorCode.NotFound: return 404;
            default: throw new InvalidOperationException(code.ToApiString());
        }");

    [Fact]
    public Task DefaultThatChecksIsTransientIsCompliant() => VerifyAsync(@"
        switch (code)
        {
            case DatoCmsErrorCode.NotFound: return 404;
            default: return code.GetInfo().IsTransient ? -1 : 0;
        }");

    [Fact]
    public Task DiscardArmThatThrowsIsCompliant() => VerifyAsync(@"
        return code switch
        {
            DatoCmsErrorCode.NotFound => 404,
            _ => throw new InvalidOperationException(),
        };");

    [Fact]
    public Task ArmGuardedByIsTransientIsCompliant() => VerifyAsync(@"
        return code switch
        {
            DatoCmsErrorCode.NotFound => 404,
            var c when c.IsTransient() => -1,
            _ => 0,
        };");

    [Fact]
    public Task SwitchWithOnlyADefaultIsNotAnalysed() => VerifyAsync(@"
        switch (code)
        {
            default: return 0;
        }");

    [Fact]
    public Task SwitchOverAnotherEnumIsNotAnalysed() => VerifyAsync(@"
        switch (DayOfWeek.Monday)
        {
            case DayOfWeek.Monday: return 1;
            default: return 0;
        }");

    [Fact]
    public Task RetryKindSwitchIsNotAnalysed() => VerifyAsync(@"
        switch (code.GetRetryKind())
        {
            case DatoCmsRetryKind.None: return 1;
            default: return 0;
        }");

    [Fact]
    public Task WithDefaultScopeOnlySwitchesOverAnErrorsCodeAreAnalysed() => VerifyAsync(@"
        switch (code)
        {
            case DatoCmsErrorCode.NotFound: return 404;
            default: return 0;
        }", options: new Dictionary<string, string>());

    [Fact]
    public Task ScopeCanBeSetForTheWholeProjectWithAnMsBuildProperty() => VerifyAsync(@"
        [|switch (code)|]
        {
            case DatoCmsErrorCode.NotFound: return 404;
            default: return 0;
        }", options: new Dictionary<string, string> { [AnalyzerOptionNames.SwitchScopeProperty] = "all" });

    private static Task VerifyInCatchAsync(string catchBody) => AnalyzerVerifier.VerifyAsync(new TransientSwitchAnalyzer(), "DATO001", @"
using System;
using System.Linq;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static int Call(Func<int> call)
    {
        try
        {
            return call();
        }
" + catchBody + @"
    }
}");

    [Fact]
    public Task ExceptionCodeIsAnalysedByDefault() => VerifyInCatchAsync(@"
        catch (DatoCmsApiException ex)
        {
            [|switch (ex.Code)|]
            {
                case DatoCmsErrorCode.NotFound: return 404;
                default: return 0;
            }
        }");

    [Fact]
    public Task ErrorCodeInALoopOverErrorsIsAnalysedByDefault() => VerifyInCatchAsync(@"
        catch (DatoCmsApiException ex)
        {
            foreach (var error in ex.Errors)
            {
                var status = [|error.Code switch|] { DatoCmsErrorCode.InvalidField => 422, _ => 0 };
                if (status > 0) return status;
            }
            throw;
        }");

    [Fact]
    public Task LocalCopiedFromTheExceptionIsAnalysedByDefault() => VerifyInCatchAsync(@"
        catch (DatoCmsApiException ex)
        {
            var code = ex.Code;
            [|switch (code)|]
            {
                case DatoCmsErrorCode.NotFound: return 404;
                default: return 0;
            }
        }");

    [Fact]
    public Task LocalChosenBetweenErrorCodesIsAnalysedByDefault() => VerifyInCatchAsync(@"
        catch (DatoCmsApiException ex)
        {
            var code = ex.Errors.Count > 0 ? ex.Errors[0].Code : ex.Code;
            var first = ex.Errors.FirstOrDefault()?.Code ?? DatoCmsErrorCode.Unknown;
            [|switch (code)|]
            {
                case DatoCmsErrorCode.NotFound: return 404;
                default: return 0;
            }
        }");

    [Fact]
    public Task LocalChosenBetweenAnErrorCodeAndAnotherValueIsNotAnErrorsCode() => VerifyInCatchAsync(@"
        catch (DatoCmsApiException ex)
        {
            var configured = (DatoCmsErrorCode)Environment.ProcessorCount;
            var code = ex.Errors.Count > 0 ? ex.Errors[0].Code : configured;
            switch (code)
            {
                case DatoCmsErrorCode.NotFound: return 404;
                default: return 0;
            }
        }");

    [Fact]
    public Task CatchFilterOnIsTransientIsCompliant() => VerifyInCatchAsync(@"
        catch (DatoCmsApiException ex) when (!ex.IsTransient)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound: return 404;
                default: return 0;
            }
        }");

    [Fact]
    public Task RethrowingDefaultInACatchIsCompliant() => VerifyInCatchAsync(@"
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound: return 404;
                default: throw;
            }
        }");

    [Fact]
    public Task ExceptionIsTransientGuardIsCompliant() => VerifyInCatchAsync(@"
        catch (DatoCmsApiException ex)
        {
            if (ex.IsTransient) throw;
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound: return 404;
                default: return 0;
            }
        }");
}
