//// ControllerMapsCodeToStatusWithFallback
public sealed record ApiResult(int Status, object? Body);

public sealed class RecordsController(IContentClient client)
{
    public async Task<ApiResult> Update(Item item, CancellationToken ct)
    {
        try
        {
            return new ApiResult(200, await client.UpdateItemAsync(item, ct));
        }
        catch (DatoCmsApiException ex)
        {
            var status = {|DATO001:ex.Code switch|}
            {
                DatoCmsErrorCode.NotFound => 404,
                DatoCmsErrorCode.InvalidField => 422,
                DatoCmsErrorCode.InsufficientPermissions => 403,
                _ => 500,
            };
            return new ApiResult(status, ex.Message);
        }
    }
}
//// ControllerMapsTransientArmTo503
public sealed record ApiResult(int Status, object? Body);

public sealed class UploadsController(IContentClient client)
{
    public async Task<ApiResult> Update(Item item, CancellationToken ct)
    {
        try
        {
            return new ApiResult(200, await client.UpdateItemAsync(item, ct));
        }
        catch (DatoCmsApiException ex)
        {
            var status = ex.Code switch
            {
                DatoCmsErrorCode.NotFound => 404,
                DatoCmsErrorCode.InvalidField => 422,
                _ when ex.IsTransient => 503,
                _ => 500,
            };
            return new ApiResult(status, ex.Message);
        }
    }
}
//// OrPatternCasesDefaultReturnsFalse
public sealed class ModelSync(IContentClient client, ILogger logger)
{
    public async Task<bool> SyncAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            {|DATO001:switch (ex.Code)|}
            {
                case DatoCmsErrorCode.NotFound or DatoCmsErrorCode.UnpublishedLink:
                    return false;
                case DatoCmsErrorCode.InvalidField:
                    logger.LogWarning(ex, "Invalid data in {Id}", item.Id);
                    return false;
                default:
                    logger.LogError(ex, "Sync of {Id} failed", item.Id);
                    return false;
            }
        }
    }
}
//// CasesReturnUnlistedFallOutIntoThrow
public sealed class ReferenceResolver(IContentClient client)
{
    public async Task<Item?> ResolveAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound:
                case DatoCmsErrorCode.UnpublishedLink:
                    return null;
                case DatoCmsErrorCode.InsufficientPermissions:
                    throw new UnauthorizedAccessException("No access to " + id, ex);
            }

            throw;
        }
    }
}
//// LocalCodeFromTernaryOverErrors
public sealed class FormSubmitter(IContentClient client, ILogger logger)
{
    public async Task<string> SubmitAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return "saved";
        }
        catch (DatoCmsApiException ex)
        {
            var code = ex.Errors.Count > 0 ? ex.Errors[0].Code : ex.Code;
            {|DATO001:switch (code)|}
            {
                case DatoCmsErrorCode.InvalidField:
                    return "Please check the highlighted fields";
                case DatoCmsErrorCode.PlanUpgradeRequired:
                    return "Your plan does not allow this";
                default:
                    logger.LogError(ex, "Submitting {Id} failed", item.Id);
                    return "Something went wrong";
            }
        }
    }
}
//// SwitchInsideTransientBaseCatch
public enum Followup { None, WaitForRateLimit, RetrySoon }

public sealed class EditQueue(IContentClient client)
{
    public async Task<Followup> ApplyAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return Followup.None;
        }
        catch (DatoCmsTransientApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.RateLimitExceeded:
                    return Followup.WaitForRateLimit;
                default:
                    return Followup.RetrySoon;
            }
        }
    }
}
//// DefaultSectionRethrowsTransient
public sealed class AssetService(IContentClient client, ILogger logger)
{
    public async Task<Item?> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            return await client.GetItemAsync(id, ct);
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.NotFound:
                    return null;
                default:
                    if (ex.IsTransient)
                    {
                        throw;
                    }

                    logger.LogError(ex, "Asset {Id} could not be loaded", id);
                    return null;
            }
        }
    }
}
//// SwitchInRetryLoopDefaultWaits
public sealed class SchedulePublisher(IContentClient client)
{
    public async Task<bool> PublishAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.PublishAsync(id, ct);
                return true;
            }
            catch (DatoCmsApiException ex)
            {
                switch (ex.Code)
                {
                    case DatoCmsErrorCode.NotFound:
                        return false;
                    case DatoCmsErrorCode.InvalidField:
                        throw;
                    default:
                        if (attempt == 4)
                        {
                            throw;
                        }

                        await Task.Delay(TimeSpan.FromSeconds(attempt * 2), ct);
                        break;
                }
            }
        }
    }
}
//// ForEachSwitchDefaultLogsAndMovesOn
public sealed class FeedImporter(IContentClient client, ILogger logger)
{
    public async Task<int> ImportAsync(IReadOnlyList<Item> items, CancellationToken ct)
    {
        var imported = 0;
        foreach (var item in items)
        {
            try
            {
                await client.UpdateItemAsync(item, ct);
                imported++;
            }
            catch (DatoCmsApiException ex)
            {
                {|DATO001:switch (ex.Code)|}
                {
                    case DatoCmsErrorCode.NotFound:
                        continue;
                    case DatoCmsErrorCode.InvalidField:
                        logger.LogWarning(ex, "Invalid item {Id}", item.Id);
                        break;
                    default:
                        logger.LogError(ex, "Import of {Id} failed", item.Id);
                        break;
                }
            }
        }

        return imported;
    }
}
//// CaseGuardAsksIsTransient
public sealed class TagService(IContentClient client, ILogger logger)
{
    public async Task<bool> TagAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case var code when code.IsTransient():
                    throw;
                case DatoCmsErrorCode.InvalidField:
                    logger.LogWarning(ex, "Tag rejected for {Id}", item.Id);
                    return false;
                default:
                    return false;
            }
        }
    }
}
//// EveryTransientCodeListedTogether
public sealed class WebhookHandler(IContentClient client)
{
    public async Task<bool> HandleAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.PublishAsync(id, ct);
            return true;
        }
        catch (DatoCmsApiException ex)
        {
            switch (ex.Code)
            {
                case DatoCmsErrorCode.ItemLocked or DatoCmsErrorCode.RateLimitExceeded or DatoCmsErrorCode.ConcurrentItemUpdate
                    or DatoCmsErrorCode.EnvironmentNotReady or DatoCmsErrorCode.ServiceUnavailable:
                    throw;
                case DatoCmsErrorCode.NotFound:
                    return false;
                default:
                    return false;
            }
        }
    }
}
//// SwitchOverConfiguredCodeNotFromAnError
public sealed class ErrorPageTexts
{
    public string TitleFor(DatoCmsErrorCode configured)
    {
        switch (configured)
        {
            case DatoCmsErrorCode.NotFound:
                return "Not found";
            case DatoCmsErrorCode.InsufficientPermissions:
                return "Forbidden";
            default:
                return "Error";
        }
    }
}
//// SwitchWithoutDefaultThenLogsAndReturnsNull
public sealed class MenuLoader(IContentClient client, ILogger logger)
{
    public async Task<IReadOnlyList<Item>?> LoadAsync(CancellationToken ct)
    {
        try
        {
            return await client.ListItemsAsync(ct);
        }
        catch (DatoCmsApiException ex)
        {
            {|DATO001:switch (ex.Code)|}
            {
                case DatoCmsErrorCode.InsufficientPermissions:
                    throw new UnauthorizedAccessException("Menu needs read access", ex);
                case DatoCmsErrorCode.NotFound:
                    return Array.Empty<Item>();
            }

            logger.LogError(ex, "Menu could not be loaded");
            return null;
        }
    }
}
//// NullableFirstErrorSwitchExpressionInFilteredCatch
public sealed class ValidationMessages(IContentClient client)
{
    public async Task<string?> SaveAsync(Item item, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(item, ct);
            return null;
        }
        catch (DatoCmsApiException ex) when (!ex.IsTransient)
        {
            return ex.Errors.FirstOrDefault()?.Code switch
            {
                DatoCmsErrorCode.InvalidField => "A field is invalid",
                DatoCmsErrorCode.UnpublishedLink => "A linked record is not published",
                _ => "The record could not be saved",
            };
        }
    }
}
//// NullableFirstErrorStatementWithNullCase
public sealed record FormState(bool Saved, string? Message);

public sealed class ProfileForm(IContentClient client, ILogger logger)
{
    public async Task<FormState> SaveAsync(Item profile, CancellationToken ct)
    {
        try
        {
            await client.UpdateItemAsync(profile, ct);
            return new FormState(true, null);
        }
        catch (DatoCmsApiException ex)
        {
            {|DATO001:switch (ex.Errors.FirstOrDefault()?.Code)|}
            {
                case DatoCmsErrorCode.InvalidField:
                    return new FormState(false, "Check the form");
                case null:
                    logger.LogError(ex, "Error without details");
                    return new FormState(false, "Unknown error");
                default:
                    return new FormState(false, "Could not save");
            }
        }
    }
}
//// SwitchExpressionToHandledFlag
public sealed class DeletionService(IContentClient client, ILogger logger)
{
    public async Task<Item?> ArchiveAsync(Item item, CancellationToken ct)
    {
        try
        {
            return await client.UpdateItemAsync(item with { Title = "[archived] " + item.Title }, ct);
        }
        catch (DatoCmsApiException ex)
        {
            var expected = {|DATO001:ex.Code switch|}
            {
                DatoCmsErrorCode.NotFound => true,
                DatoCmsErrorCode.DeleteRestriction => true,
                _ => false,
            };
            if (!expected)
            {
                logger.LogError(ex, "Archiving {Id} failed", item.Id);
            }

            return null;
        }
    }
}
//// TopLevelSwitchPrintsAndExits
IContentClient client = Clients.Create();
try
{
    await client.PublishAsync(args.Length > 0 ? args[0] : "home");
    Console.WriteLine("published");
}
catch (DatoCmsApiException ex)
{
    {|DATO001:switch (ex.Code)|}
    {
        case DatoCmsErrorCode.NotFound:
            Console.Error.WriteLine("No such record");
            break;
        case DatoCmsErrorCode.InsufficientPermissions:
            Console.Error.WriteLine("The token may not publish");
            break;
        default:
            Console.Error.WriteLine("Publishing failed: " + ex.Message);
            break;
    }
}

static class Clients
{
    public static IContentClient Create() => throw new NotSupportedException("configured elsewhere");
}
//// CaseGuardOnErrorCountIsNotATransientCheck
public sealed class BulkValidator(IContentClient client, ILogger logger)
{
    public async Task<int> ValidateAsync(IReadOnlyList<Item> items, CancellationToken ct)
    {
        var failures = 0;
        foreach (var item in items)
        {
            try
            {
                await client.UpdateItemAsync(item, ct);
            }
            catch (DatoCmsApiException ex)
            {
                failures++;
                {|DATO001:switch (ex.Code)|}
                {
                    case DatoCmsErrorCode.InvalidField when ex.Errors.Count > 1:
                        logger.LogWarning(ex, "{Id} has several invalid fields", item.Id);
                        break;
                    case DatoCmsErrorCode.InvalidField:
                        logger.LogWarning(ex, "{Id} has an invalid field", item.Id);
                        break;
                    default:
                        logger.LogError(ex, "{Id} failed", item.Id);
                        break;
                }
            }
        }

        return failures;
    }
}
