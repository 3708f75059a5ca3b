using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.CodeFixes;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.CodeFixes;

/// <summary>The two DATO001 fixes, compared with the exact code a user gets.</summary>
public class TransientSwitchCodeFixTests
{
    private static readonly IReadOnlyDictionary<string, string> AllSwitches = new Dictionary<string, string> { [AnalyzerOptionNames.SwitchScopeKey] = "all" };

    private const string InCatch = @"using System;
using DatoCms.ErrorCodes;

internal static class Handler
{
    public static int Handle(Func<int> call, DatoCmsErrorCode code)
    {
        try
        {
            return call();
        }
        catch (InvalidOperationException)
        {
            [|switch (code)|]
            {
                case DatoCmsErrorCode.NotFound:
                    return 404;
                default:
                    return 0;
            }
        }
    }
}
";

    private static string Plain(string markup) => markup.Replace("[|", string.Empty).Replace("|]", string.Empty);

    [Fact]
    public Task AddsOneSectionWithEveryMissingTransientCodeBeforeTheDefault() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(),
        new TransientSwitchCodeFix(),
        "DATO001",
        TransientSwitchCodeFix.AddCasesKey,
        InCatch,
        Plain(InCatch).Replace(@"                default:
                    return 0;", @"                case DatoCmsErrorCode.ConcurrentItemUpdate:
                case DatoCmsErrorCode.EnvironmentNotReady:
                case DatoCmsErrorCode.ItemLocked:
                case DatoCmsErrorCode.RateLimitExceeded:
                case DatoCmsErrorCode.ServiceUnavailable:
                case DatoCmsErrorCode.SiteNotReady:
                    throw;
                default:
                    return 0;"),
        AllSwitches);

    [Fact]
    public Task GuardGoesRightBeforeTheSwitch() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(),
        new TransientSwitchCodeFix(),
        "DATO001",
        TransientSwitchCodeFix.AddGuardKey,
        InCatch,
        Plain(InCatch).Replace(@"        catch (InvalidOperationException)
        {
            switch (code)", @"        catch (InvalidOperationException)
        {
            if (code.IsTransient())
                throw;
            switch (code)"),
        AllSwitches);

    [Fact]
    public Task NeitherFixIsOfferedWhenThereIsNothingToRethrow()
    {
        const string source = @"using DatoCms.ErrorCodes;

internal static class Handler
{
    public static int Handle(DatoCmsErrorCode code)
    {
        [|switch (code)|]
        {
            case DatoCmsErrorCode.NotFound:
                return 404;
            default:
                return 0;
        }
    }
}
";
        return Task.WhenAll(
            CodeFixVerifier.VerifyNotOfferedAsync(new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddCasesKey, source, AllSwitches),
            CodeFixVerifier.VerifyNotOfferedAsync(new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey, source, AllSwitches));
    }

    [Fact]
    public Task FixAllAddsCasesToEverySwitchInTheDocument()
    {
        var twoSwitches = InCatch.Replace(@"            [|switch (code)|]
            {
                case DatoCmsErrorCode.NotFound:
                    return 404;
                default:
                    return 0;
            }", @"            [|switch (code)|]
            {
                case DatoCmsErrorCode.NotFound:
                    break;
                default:
                    break;
            }
            [|switch (code)|]
            {
                case DatoCmsErrorCode.InvalidField:
                    return 422;
                default:
                    return 0;
            }");
        const string added = @"                case DatoCmsErrorCode.ConcurrentItemUpdate:
                case DatoCmsErrorCode.EnvironmentNotReady:
                case DatoCmsErrorCode.ItemLocked:
                case DatoCmsErrorCode.RateLimitExceeded:
                case DatoCmsErrorCode.ServiceUnavailable:
                case DatoCmsErrorCode.SiteNotReady:
                    throw;
";
        var expected = Plain(twoSwitches)
            .Replace("                default:\n                    break;", added + "                default:\n                    break;")
            .Replace("                default:\n                    return 0;", added + "                default:\n                    return 0;");

        return CodeFixVerifier.VerifyFixAllAsync(new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddCasesKey, twoSwitches, expected, AllSwitches);
    }

    private static string Importer(string catchBody) => @"using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes;

internal sealed class RecordImporter
{
    private readonly Func<string, CancellationToken, Task> _upsert;

    public RecordImporter(Func<string, CancellationToken, Task> upsert) => _upsert = upsert;

    public async Task<int> ImportAsync(string record, CancellationToken cancellationToken)
    {
        try
        {
            await _upsert(record, cancellationToken);
            return 200;
        }
        catch (DatoCmsApiException ex)
        {
" + catchBody + @"
        }
    }
}
";

    private const string StatusSwitchExpression = @"            var status = [|ex.Code switch|]
            {
                DatoCmsErrorCode.NotFound => 404,
                DatoCmsErrorCode.InvalidField or DatoCmsErrorCode.InvalidFormat => 422,
                _ => 500,
            };
            Console.WriteLine($""Import of record failed with {status}"");
            return status;";

    /// <summary>A switch expression used to stay unfixed; the guard goes before the statement that holds it.</summary>
    [Fact]
    public Task SwitchExpressionGetsTheGuard() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey,
        Importer(StatusSwitchExpression),
        Importer("            if (ex.IsTransient)\n                throw;\n" + Plain(StatusSwitchExpression)));

    private const string StatusMapper = @"using System;
using DatoCms.ErrorCodes;

internal static class StatusMapper
{
    public static int ToStatus(DatoCmsApiException ex) => [|ex.Code switch|]
    {
        DatoCmsErrorCode.NotFound => 404,
        DatoCmsErrorCode.ItemLocked => 409,
        _ => 500,
    };
}
";

    /// <summary>
    /// An expression-bodied mapper has no statement for the guard; outside a catch its switch
    /// expression gets one arm that throws the exception for the missing transient codes. There it
    /// is the default action, under the guard's key, so that dotnet format (which takes the key of
    /// the first action it meets) runs the same whichever site comes first.
    /// </summary>
    [Fact]
    public Task ASwitchExpressionOutsideACatchGetsAnArmThatThrows() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey,
        StatusMapper,
        Plain(StatusMapper).Replace(
            "        _ => 500,",
            "        DatoCmsErrorCode.ConcurrentItemUpdate\n            or DatoCmsErrorCode.EnvironmentNotReady\n            or DatoCmsErrorCode.RateLimitExceeded\n            or DatoCmsErrorCode.ServiceUnavailable\n            or DatoCmsErrorCode.SiteNotReady => throw ex,\n        _ => 500,"));

    /// <summary>The arm goes before the one that takes the rest, a <c>var</c> pattern too: after it, it could never match.</summary>
    [Fact]
    public Task TheArmGoesBeforeAVarPatternThatTakesTheRest() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey,
        StatusMapper.Replace("        _ => 500,\n", "        var other => 500 + (int)other,\n"),
        Plain(StatusMapper).Replace(
            "        _ => 500,\n",
            "        DatoCmsErrorCode.ConcurrentItemUpdate\n            or DatoCmsErrorCode.EnvironmentNotReady\n            or DatoCmsErrorCode.RateLimitExceeded\n            or DatoCmsErrorCode.ServiceUnavailable\n            or DatoCmsErrorCode.SiteNotReady => throw ex,\n        var other => 500 + (int)other,\n"));

    private const string StatusInStatement = @"            var status = [|ex.Code switch|]
            {
                DatoCmsErrorCode.NotFound => 404,
                _ => 500,
            };
            Console.WriteLine(status);";

    /// <summary>Where the guard can go, the arm is the second action, under the cases' key.</summary>
    [Fact]
    public Task BesideTheGuardTheArmIsTheCasesAction() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddCasesKey,
        OutsideCatch(StatusInStatement),
        OutsideCatch(Plain(StatusInStatement).Replace(
            "                _ => 500,",
            "                DatoCmsErrorCode.ConcurrentItemUpdate\n                    or DatoCmsErrorCode.EnvironmentNotReady\n                    or DatoCmsErrorCode.ItemLocked\n                    or DatoCmsErrorCode.RateLimitExceeded\n                    or DatoCmsErrorCode.ServiceUnavailable\n                    or DatoCmsErrorCode.SiteNotReady => throw ex,\n                _ => 500,")));

    private static string OutsideCatch(string body) => @"using System;
using DatoCms.ErrorCodes;

internal static class Reporter
{
    public static void Report(DatoCmsApiException ex)
    {
" + body + @"
    }
}
";

    /// <summary>Inside a catch an arm could only throw the caught exception anew (<c>throw;</c> is no expression), losing its stack trace: no cases there.</summary>
    [Fact]
    public Task SwitchExpressionGetsNoCases() => CodeFixVerifier.VerifyNotOfferedAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddCasesKey,
        Importer(StatusSwitchExpression));

    private const string SwitchWithoutBraces = @"            foreach (var error in ex.Errors)
                [|switch (error.Code)|]
                {
                    case DatoCmsErrorCode.InvalidField:
                        Console.WriteLine(""Invalid field: "" + error.DetailsJson);
                        break;
                    default:
                        Console.WriteLine(error.ApiCode);
                        break;
                }

            return 422;";

    /// <summary>A switch that is the body of a loop written without braces: the guard needs a block to go in.</summary>
    [Fact]
    public Task SwitchAsTheBodyOfALoopWithoutBracesGetsTheGuardInABlock() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey,
        Importer(SwitchWithoutBraces),
        Importer(@"            foreach (var error in ex.Errors)
            {
                if (error.IsTransient)
                    throw;
                switch (error.Code)
                {
                    case DatoCmsErrorCode.InvalidField:
                        Console.WriteLine(""Invalid field: "" + error.DetailsJson);
                        break;
                    default:
                        Console.WriteLine(error.ApiCode);
                        break;
                }
            }

            return 422;"));

    [Fact]
    public Task SwitchAsTheBodyOfALoopWithoutBracesGetsTheCases() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddCasesKey,
        Importer(SwitchWithoutBraces),
        Importer(Plain(SwitchWithoutBraces).Replace(@"                    default:
                        Console.WriteLine(error.ApiCode);", @"                    case DatoCmsErrorCode.ConcurrentItemUpdate:
                    case DatoCmsErrorCode.EnvironmentNotReady:
                    case DatoCmsErrorCode.ItemLocked:
                    case DatoCmsErrorCode.RateLimitExceeded:
                    case DatoCmsErrorCode.ServiceUnavailable:
                    case DatoCmsErrorCode.SiteNotReady:
                        throw;
                    default:
                        Console.WriteLine(error.ApiCode);")));

    private const string SwitchInALambda = @"            var statuses = ex.Errors.Select(e => [|e.Code switch|]
            {
                DatoCmsErrorCode.NotFound => 404,
                DatoCmsErrorCode.InvalidField => 422,
                _ => 500,
            }).ToList();
            return statuses.Max();";

    /// <summary>
    /// A switch inside a lambda: the guard used to land outside it, naming the lambda's parameter
    /// where it does not exist (CS0103). Inside the lambda nothing can be rethrown, so neither
    /// action is offered.
    /// </summary>
    [Theory]
    [InlineData(TransientSwitchCodeFix.AddGuardKey)]
    [InlineData(TransientSwitchCodeFix.AddCasesKey)]
    public Task SwitchInsideALambdaGetsNoFixThatBreaksTheBuild(string key) => CodeFixVerifier.VerifyNotOfferedAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", key, Importer(SwitchInALambda));

    /// <summary>Fix All with the guard fixes a switch statement and a switch expression of the same document alike.</summary>
    [Fact]
    public Task FixAllWithTheGuardFixesStatementsAndExpressions()
    {
        const string catches = @"
    public static int Classify(Func<int> call)
    {
        try
        {
            return call();
        }
        catch (DatoCmsApiException ex)
        {
            [|switch (ex.Code)|]
            {
                case DatoCmsErrorCode.NotFound:
                    return 404;
                default:
                    return 500;
            }
        }
    }

    public static int Status(Func<int> call)
    {
        try
        {
            return call();
        }
        catch (DatoCmsApiException ex)
        {
            return [|ex.Code switch|] { DatoCmsErrorCode.NotFound => 404, _ => 500 };
        }
    }";
        static string Wrap(string members) => "using System;\nusing DatoCms.ErrorCodes;\n\ninternal static class Handlers\n{" + members + "\n}\n";
        var expected = Plain(catches)
            .Replace("        catch (DatoCmsApiException ex)\n        {\n            switch", "        catch (DatoCmsApiException ex)\n        {\n            if (ex.IsTransient)\n                throw;\n            switch")
            .Replace("        catch (DatoCmsApiException ex)\n        {\n            return ex.Code switch", "        catch (DatoCmsApiException ex)\n        {\n            if (ex.IsTransient)\n                throw;\n            return ex.Code switch");
        return CodeFixVerifier.VerifyAsync(new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey, Wrap(catches), Wrap(expected));
    }

    private const string MissingTransientSection = @"                case DatoCmsErrorCode.ConcurrentItemUpdate:
                case DatoCmsErrorCode.EnvironmentNotReady:
                case DatoCmsErrorCode.ItemLocked:
                case DatoCmsErrorCode.RateLimitExceeded:
                case DatoCmsErrorCode.ServiceUnavailable:
                case DatoCmsErrorCode.SiteNotReady:
                    throw;
";

    private const string NullableCodeInCatch = @"            [|switch (ex.Errors.FirstOrDefault()?.Code)|]
            {
                case DatoCmsErrorCode.InvalidField:
                    Console.WriteLine(""Rejected: invalid field"");
                    return 422;
                case null:
                    return 500;
                default:
                    Console.WriteLine(""Import failed"");
                    return 500;
            }";

    /// <summary>
    /// A switch over the first error's nullable code gets the exception's own check: ex.IsTransient
    /// covers the first error's code, and is what DATO001 recognises before a switch.
    /// </summary>
    [Fact]
    public Task NullableCodeGetsANullSafeGuard() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey,
        Importer(NullableCodeInCatch),
        Importer("            if (ex.IsTransient)\n                throw;\n" + Plain(NullableCodeInCatch)));

    /// <summary>Cases for a nullable code are the enum's members, before the default as for any switch.</summary>
    [Fact]
    public Task NullableCodeGetsTheMissingCases() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddCasesKey,
        Importer(NullableCodeInCatch),
        Importer(Plain(NullableCodeInCatch).Replace("                default:\n", MissingTransientSection + "                default:\n")));

    private const string FirstErrorSummary = @"using System.Linq;
using DatoCms.ErrorCodes;

internal static class FirstError
{
    public static string Summarize(DatoCmsApiException ex)
    {
        [|switch (ex.Errors.FirstOrDefault()?.Code)|]
        {
            case DatoCmsErrorCode.InvalidField:
                return ""invalid field"";
            default:
                return ""failed"";
        }
    }
}
";

    /// <summary>
    /// Outside a catch, the exception the nullable code is read from (<c>ex</c> behind
    /// <c>ex.Errors.FirstOrDefault()?.Code</c>) is what the guard and the cases throw; before, neither
    /// was offered because only <c>ex.Code</c> led back to the exception.
    /// </summary>
    [Fact]
    public Task NullableCodeOutsideACatchRethrowsTheExceptionItIsReadFrom() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey,
        FirstErrorSummary,
        Plain(FirstErrorSummary).Replace("        switch", "        if (ex.IsTransient)\n            throw ex;\n        switch"));

    [Fact]
    public Task NullableCodeOutsideACatchGetsCasesThatThrowTheException() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddCasesKey,
        FirstErrorSummary,
        Plain(FirstErrorSummary).Replace("            default:\n", MissingTransientSection.Replace("                ", "            ").Replace("    throw;", "    throw ex;") + "            default:\n"));

    private const string NullableLocalInCatch = @"            var first = ex.Errors.FirstOrDefault()?.Code;
            [|switch (first)|]
            {
                case DatoCmsErrorCode.InvalidField:
                    return 422;
                default:
                    return 500;
            }";

    /// <summary>A nullable code in a local: the guard asks the code itself, null-safely.</summary>
    [Fact]
    public Task NullableLocalGetsANullSafeGuard() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey,
        Importer(NullableLocalInCatch),
        Importer(Plain(NullableLocalInCatch).Replace("            switch", "            if (first?.IsTransient() == true)\n                throw;\n            switch")));

    private const string NullableSwitchExpressionInCatch = @"            var status = [|ex.Errors.FirstOrDefault()?.Code switch|]
            {
                DatoCmsErrorCode.NotFound => 404,
                null => 500,
                _ => 500,
            };
            return status;";

    /// <summary>A switch expression over a nullable code gets the same guard.</summary>
    [Fact]
    public Task NullableSwitchExpressionGetsTheGuard() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(), new TransientSwitchCodeFix(), "DATO001", TransientSwitchCodeFix.AddGuardKey,
        Importer(NullableSwitchExpressionInCatch),
        Importer("            if (ex.IsTransient)\n                throw;\n" + Plain(NullableSwitchExpressionInCatch)));

    /// <summary>
    /// One provider per diagnostic id: with two, a client such as dotnet format asks only one of
    /// them for Fix All, depending on which diagnostic it meets first, and the result varies.
    /// Alternatives are separate actions of that provider, with distinct equivalence keys.
    /// </summary>
    [Fact]
    public void EachDiagnosticHasOneFixProviderWithDistinctActionKeys()
    {
        var providers = typeof(TransientSwitchCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        var perId = providers.SelectMany(p => p.FixableDiagnosticIds.Select(id => (id, Provider: p.GetType().Name))).GroupBy(x => x.id).ToList();

        Assert.Equal(new[] { "DATO001", "DATO002", "DATO003", "DATO004", "DATO005", "DATO006" }, perId.Select(g => g.Key).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(perId, g => Assert.Single(g));
        Assert.All(providers, p => Assert.NotNull(p.GetFixAllProvider()));
        Assert.NotEqual(TransientSwitchCodeFix.AddCasesKey, TransientSwitchCodeFix.AddGuardKey);
        Assert.NotEqual(SwallowedCatchCodeFix.FilterKey, SwallowedCatchCodeFix.RethrowKey);
    }
}
