using System.Collections.Generic;
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
            switch (code)
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

    [Fact]
    public Task AddsOneSectionWithEveryMissingTransientCodeBeforeTheDefault() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(),
        new AddMissingTransientCasesCodeFix(),
        "DATO001",
        AddMissingTransientCasesCodeFix.EquivalenceKey,
        InCatch,
        InCatch.Replace(@"                default:
                    return 0;", @"                case DatoCmsErrorCode.CannotDestroyForkingOrigin:
                case DatoCmsErrorCode.ConcurrentEnvironmentUpdate:
                case DatoCmsErrorCode.ConcurrentItemTypeUpdate:
                case DatoCmsErrorCode.ConcurrentItemUpdate:
                case DatoCmsErrorCode.ConcurrentRoleUpdate:
                case DatoCmsErrorCode.ConcurrentUploadUpdate:
                case DatoCmsErrorCode.EnvironmentInReadOnlyMode:
                case DatoCmsErrorCode.EnvironmentNotReady:
                case DatoCmsErrorCode.ItemLocked:
                case DatoCmsErrorCode.PlatformScheduledMaintenance:
                case DatoCmsErrorCode.RateLimitExceeded:
                case DatoCmsErrorCode.ServiceUnavailable:
                case DatoCmsErrorCode.SiteNotReady:
                case DatoCmsErrorCode.UnmanagedEditConflict:
                case DatoCmsErrorCode.ActiveEditingSessions:
                case DatoCmsErrorCode.BatchDataValidationInProgress:
                    throw;
                default:
                    return 0;"),
        AllSwitches);

    [Fact]
    public Task GuardGoesRightBeforeTheSwitch() => CodeFixVerifier.VerifyAsync(
        new TransientSwitchAnalyzer(),
        new AddTransientGuardCodeFix(),
        "DATO001",
        AddTransientGuardCodeFix.EquivalenceKey,
        InCatch,
        InCatch.Replace(@"        catch (InvalidOperationException)
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
        switch (code)
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
            CodeFixVerifier.VerifyNotOfferedAsync(new TransientSwitchAnalyzer(), new AddMissingTransientCasesCodeFix(), "DATO001", AddMissingTransientCasesCodeFix.EquivalenceKey, source, AllSwitches),
            CodeFixVerifier.VerifyNotOfferedAsync(new TransientSwitchAnalyzer(), new AddTransientGuardCodeFix(), "DATO001", AddTransientGuardCodeFix.EquivalenceKey, source, AllSwitches));
    }

    [Fact]
    public Task FixAllAddsCasesToEverySwitchInTheDocument()
    {
        var twoSwitches = InCatch.Replace(@"            switch (code)
            {
                case DatoCmsErrorCode.NotFound:
                    return 404;
                default:
                    return 0;
            }", @"            switch (code)
            {
                case DatoCmsErrorCode.NotFound:
                    break;
                default:
                    break;
            }
            switch (code)
            {
                case DatoCmsErrorCode.InvalidField:
                    return 422;
                default:
                    return 0;
            }");
        const string added = @"                case DatoCmsErrorCode.CannotDestroyForkingOrigin:
                case DatoCmsErrorCode.ConcurrentEnvironmentUpdate:
                case DatoCmsErrorCode.ConcurrentItemTypeUpdate:
                case DatoCmsErrorCode.ConcurrentItemUpdate:
                case DatoCmsErrorCode.ConcurrentRoleUpdate:
                case DatoCmsErrorCode.ConcurrentUploadUpdate:
                case DatoCmsErrorCode.EnvironmentInReadOnlyMode:
                case DatoCmsErrorCode.EnvironmentNotReady:
                case DatoCmsErrorCode.ItemLocked:
                case DatoCmsErrorCode.PlatformScheduledMaintenance:
                case DatoCmsErrorCode.RateLimitExceeded:
                case DatoCmsErrorCode.ServiceUnavailable:
                case DatoCmsErrorCode.SiteNotReady:
                case DatoCmsErrorCode.UnmanagedEditConflict:
                case DatoCmsErrorCode.ActiveEditingSessions:
                case DatoCmsErrorCode.BatchDataValidationInProgress:
                    throw;
";
        var expected = twoSwitches
            .Replace("                default:\n                    break;", added + "                default:\n                    break;")
            .Replace("                default:\n                    return 0;", added + "                default:\n                    return 0;");

        return CodeFixVerifier.VerifyFixAllAsync(new TransientSwitchAnalyzer(), new AddMissingTransientCasesCodeFix(), "DATO001", AddMissingTransientCasesCodeFix.EquivalenceKey, twoSwitches, expected, AllSwitches);
    }
}
