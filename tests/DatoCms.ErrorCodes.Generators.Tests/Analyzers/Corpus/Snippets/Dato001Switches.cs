//// DescribeForUsersDefaultSwallows
public static class ErrorMessages
{
    public static string Describe(DatoCmsApiException ex)
    {
        {|DATO001:switch (ex.Code)|}
        {
            case DatoCmsErrorCode.InvalidField:
                return "Please fix the highlighted field.";
            case DatoCmsErrorCode.NotFound:
                return "This record no longer exists.";
            default:
                return "Something went wrong.";
        }
    }
}
//// SwitchExpressionToStatusCode
public static class StatusMapping
{
    public static int ToStatus(DatoCmsApiException ex) => {|DATO001:ex.Code switch|}
    {
        DatoCmsErrorCode.NotFound => 404,
        DatoCmsErrorCode.InvalidField => 422,
        DatoCmsErrorCode.InsufficientPermissions => 403,
        _ => 500,
    };
}
//// CatchSwitchDefaultLogs
public sealed class ItemController(IContentClient client, ILogger logger)
{
    public async Task<Item?> GetAsync(string id)
    {
        try
        {
            return await client.GetItemAsync(id);
        }
        catch (DatoCmsApiException ex)
        {
            {|DATO001:switch (ex.Code)|}
            {
                case DatoCmsErrorCode.NotFound:
                    return null;
                case DatoCmsErrorCode.InsufficientPermissions:
                    throw new UnauthorizedAccessException("no access", ex);
                default:
                    logger.LogError(ex, "Unexpected error");
                    return null;
            }
        }
    }
}
//// NullableCodeOfFirstError
public static class FirstError
{
    public static string Summarize(DatoCmsApiException ex)
    {
        {|DATO001:switch (ex.Errors.FirstOrDefault()?.Code)|}
        {
            case DatoCmsErrorCode.InvalidField:
                return "invalid field";
            case DatoCmsErrorCode.DeleteRestriction:
                return "still referenced";
            default:
                return "failed";
        }
    }
}
//// OrPatternCasesWithoutTransient
public static class Grouped
{
    public static bool IsUserMistake(DatoCmsApiException ex)
    {
        {|DATO001:switch (ex.Code)|}
        {
            case DatoCmsErrorCode.InvalidField or DatoCmsErrorCode.NotFound:
            case DatoCmsErrorCode.UnpublishedLink:
                return true;
            default:
                return false;
        }
    }
}
//// SwitchOnLocalCopyOfCode
public sealed class Importer(IContentClient client, ILogger logger)
{
    public async Task<bool> ImportAsync(Item item)
    {
        try
        {
            await client.UpdateItemAsync(item);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            var code = ex.Code;
            {|DATO001:switch (code)|}
            {
                case DatoCmsErrorCode.InvalidField:
                    logger.LogWarning(ex, "Invalid field in {Id}", item.Id);
                    return false;
                case DatoCmsErrorCode.PlanUpgradeRequired:
                    throw new InvalidOperationException("Upgrade the plan", ex);
            }

            return false;
        }
    }
}
//// PerErrorSwitchExpression
public static class Validation
{
    public static IEnumerable<string> Messages(DatoCmsApiException ex) =>
        ex.Errors.Select(e => {|DATO001:e.Code switch|}
        {
            DatoCmsErrorCode.InvalidField => "field",
            DatoCmsErrorCode.UnpublishedLink => "link",
            _ => "other",
        });
}
//// TopLevelSwitchOnCode
var client = new HttpClient { BaseAddress = new Uri("https://site-api.datocms.com/") };
try
{
    using var response = await client.DeleteAsync("items/1");
    await response.EnsureDatoCmsSuccessAsync();
}
catch (DatoCmsApiException ex)
{
    {|DATO001:switch (ex.Code)|}
    {
        case DatoCmsErrorCode.DeleteRestriction:
            Console.WriteLine("Still referenced; unlink it first.");
            break;
        case DatoCmsErrorCode.NotFound:
            Console.WriteLine("Already gone.");
            break;
        default:
            Console.WriteLine("Delete failed: " + ex.Message);
            break;
    }
}
//// SwitchExpressionInCatchResult
public sealed record SaveResult(bool Ok, string Message);

public sealed class Saver(IContentClient client)
{
    public async Task<SaveResult> SaveAsync(Item item)
    {
        try
        {
            await client.UpdateItemAsync(item);
            return new SaveResult(true, "saved");
        }
        catch (DatoCmsApiException ex)
        {
            var message = {|DATO001:ex.Code switch|}
            {
                DatoCmsErrorCode.InvalidField => "invalid",
                DatoCmsErrorCode.StaleItemVersion => "someone else saved first",
                _ => "failed",
            };
            return new SaveResult(false, message);
        }
    }
}
//// SwitchWithoutBracesStatement
public static class Mapping
{
    public static string Title(DatoCmsErrorCode code)
    {
        switch (code)
        {
            case DatoCmsErrorCode.NotFound: return "Not found";
            default: return code.ToString();
        }
    }

    public static string FromException(DatoCmsApiException ex)
    {
        {|DATO001:switch (ex.Code)|}
        {
            case DatoCmsErrorCode.NotFound: return "Not found";
            case DatoCmsErrorCode.InvalidField: return "Invalid";
            default: return "Error";
        }
    }
}
//// NullableSwitchExpressionOnFirstError
public static class FirstErrorExpression
{
    public static string Kind(DatoCmsApiException ex) => {|DATO001:ex.Errors.FirstOrDefault()?.Code switch|}
    {
        DatoCmsErrorCode.InvalidField => "validation",
        null => "none",
        _ => "other",
    };
}
//// OrPatternArmsDefaultFalse
public static class ShouldAlert
{
    public static bool Check(DatoCmsApiException ex) => {|DATO001:ex.Code switch|}
    {
        DatoCmsErrorCode.InsufficientPermissions or DatoCmsErrorCode.InvalidAuthorizationHeader => true,
        _ => false,
    };
}
//// UnlistedCodesFallOutIntoThrow
public sealed class Careful(IContentClient client)
{
    public async Task<Item?> GetAsync(string id)
    {
        try
        {
            return await client.GetItemAsync(id);
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound:
                    return null;
                case DatoCmsErrorCode.InsufficientPermissions:
                    throw new UnauthorizedAccessException("no access", ex);
            }

            throw;
        }
    }
}
//// DefaultRethrows
public sealed class DefaultThrow(IContentClient client, ILogger logger)
{
    public async Task<bool> SaveAsync(Item item)
    {
        try
        {
            await client.UpdateItemAsync(item);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.InvalidField:
                    logger.LogWarning(ex, "Invalid");
                    return false;
                default:
                    throw;
            }
        }
    }
}
//// GuardBeforeSwitch
public sealed class GuardFirst(IContentClient client)
{
    public async Task<string> DeleteAsync(string id)
    {
        try
        {
            await client.PublishAsync(id);
            return "ok";
        }
        catch (DatoCmsApiException ex)
        {
            if (ex.IsTransient)
            {
                throw;
            }

            switch (ex.Code)
            {
                case DatoCmsErrorCode.DeleteRestriction:
                    return "referenced";
                default:
                    return "failed";
            }
        }
    }
}
//// SwitchInsideTransientCatch
public sealed class TransientOnly(IContentClient client, ILogger logger)
{
    public async Task<bool> TryAsync(string id)
    {
        try
        {
            await client.PublishAsync(id);
            return true;
        }
        catch (DatoCmsTransientApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.RateLimitExceeded:
                    logger.LogWarning("Rate limited for {Reset}", ex.RateLimitReset);
                    return false;
                default:
                    logger.LogWarning(ex, "Busy");
                    return false;
            }
        }
    }
}
//// SwitchInsidePermanentFilter
public sealed class PermanentOnly(IContentClient client)
{
    public async Task<string> SaveAsync(Item item)
    {
        try
        {
            await client.UpdateItemAsync(item);
            return "ok";
        }
        catch (DatoCmsApiException ex) when (!ex.IsTransient)
        {
            return ex.Code switch
            {
                DatoCmsErrorCode.InvalidField => "invalid",
                DatoCmsErrorCode.NotFound => "missing",
                _ => "rejected",
            };
        }
    }
}
//// SwitchExpressionDefaultThrows
public static class Strict
{
    public static int ToStatus(DatoCmsApiException ex) => ex.Code switch
    {
        DatoCmsErrorCode.NotFound => 404,
        DatoCmsErrorCode.InvalidField => 422,
        _ => throw new InvalidOperationException("Unhandled DatoCMS error", ex),
    };
}
//// GuardInSwitchCase
public static class GuardedCases
{
    public static string Describe(DatoCmsApiException ex)
    {
        switch (ex.Code)
        {
            case DatoCmsErrorCode.NotFound:
                return "missing";
            case var _ when ex.IsTransient:
                return "try again later";
            default:
                return "failed";
        }
    }
}
//// AllTransientCodesListed
public static class Exhaustive
{
    public static TimeSpan Backoff(DatoCmsApiException ex) => ex.Code switch
    {
        DatoCmsErrorCode.RateLimitExceeded => ex.RateLimitReset ?? TimeSpan.FromSeconds(3),
        DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.ConcurrentItemUpdate => TimeSpan.FromSeconds(1),
        DatoCmsErrorCode.ServiceUnavailable or DatoCmsErrorCode.EnvironmentNotReady => TimeSpan.FromSeconds(5),
        DatoCmsErrorCode.NotFound => TimeSpan.Zero,
        _ => TimeSpan.Zero,
    };
}
//// DefaultChecksIsTransient
public static class DefaultAsks
{
    public static bool ShouldRetry(DatoCmsApiException ex)
    {
        switch (ex.Code)
        {
            case DatoCmsErrorCode.StaleItemVersion:
                return true;
            case DatoCmsErrorCode.NotFound:
                return false;
            default:
                return ex.IsTransient;
        }
    }
}
//// SwitchOnUnrelatedEnum
public enum Channel { Web, Mobile }

public static class Channels
{
    public static string Name(Channel channel) => channel switch
    {
        Channel.Web => "web",
        _ => "mobile",
    };
}
//// SwitchInRetryLoopDefaultWaits
public static class RetryBySwitch
{
    public static async Task<Item> GetAsync(IContentClient client, string id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.GetItemAsync(id, ct);
            }
            catch (DatoCmsApiException ex) when (attempt < 5)
            {
                switch (ex.Code)
                {
                    case DatoCmsErrorCode.NotFound:
                    case DatoCmsErrorCode.InvalidField:
                        throw;
                    default:
                        await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(attempt), ct);
                        break;
                }
            }
        }
    }
}
//// NullableCodeFallsOutIntoThrow
public static class FirstErrorStrict
{
    public static string Field(DatoCmsApiException ex)
    {
        switch (ex.Errors.FirstOrDefault()?.Code)
        {
            case DatoCmsErrorCode.InvalidField:
                return "field";
            case DatoCmsErrorCode.UnpublishedLink:
                return "link";
        }

        throw new InvalidOperationException("Unexpected error", ex);
    }
}
//// SwitchOnCodeFromTryParse
public static class Parsed
{
    public static string Describe(string raw)
    {
        if (!DatoCmsErrorCodes.TryParse(raw, out var code))
        {
            return "unknown";
        }

        switch (code)
        {
            case DatoCmsErrorCode.NotFound:
                return "missing";
            default:
                return "other";
        }
    }
}
