//// AnyErrorOrdinalEqualsInLinq
public static class LockChecks
{
    public static bool IsLocked(DatoCmsApiException ex) =>
        ex.Errors.Any(e => {|DATO005:string.Equals(e.ApiCode, "ITEM_LOCKED", StringComparison.Ordinal)|});
}
//// SingleStringIsPattern
public sealed class NotFoundFilter
{
    public bool IsMissing(DatoCmsApiException ex) => {|DATO005:ex.ApiCode is "NOT_FOUND"|};
}
//// StringSwitchExpressionOnErrorApiCode
public static class FieldMessages
{
    public static string Describe(DatoCmsApiError error) => {|DATO005:error.ApiCode switch|}
    {
        "INVALID_FIELD" => "A field value is invalid",
        "UNPUBLISHED_LINK" => "A linked record is not published",
        _ => error.ApiCode,
    };
}
//// IgnoreCaseComparerWithLowerCaseCode
public sealed class ThrottleDetector
{
    public bool IsThrottled(DatoCmsApiException ex) =>
        {|DATO005:StringComparer.OrdinalIgnoreCase.Equals(ex.ApiCode, "rate_limit_exceeded")|};
}
//// ConstOfKnownCodeWithOrdinalEquals
public sealed class LockAwareEditor
{
    private const string LockedCode = "ITEM_LOCKED";

    public bool ShouldWait(DatoCmsApiException ex) => {|DATO005:ex.ApiCode.Equals(LockedCode, StringComparison.Ordinal)|};
}
//// NullConditionalFirstErrorNotEquals
public sealed class ErrorReporter(ILogger logger)
{
    public void Report(DatoCmsApiException ex)
    {
        if ({|DATO005:ex.Errors.FirstOrDefault()?.ApiCode != "NOT_FOUND"|})
        {
            logger.LogError(ex, "Unexpected content error");
        }
    }
}
//// ToApiStringOrPattern
public static class CodeGroups
{
    public static bool IsEditConflict(DatoCmsErrorCode code) => {|DATO005:code.ToApiString() is "ITEM_LOCKED" or "CONCURRENT_ITEM_UPDATE"|};
}
//// ToUpperInvariantComparison
public sealed class PermissionCheck
{
    public bool IsForbidden(DatoCmsApiException ex) => {|DATO005:ex.ApiCode.ToUpperInvariant() == "INSUFFICIENT_PERMISSIONS"|};
}
//// StringSwitchStatementOnErrorInLoop
public sealed class ErrorSummary
{
    public (int Fields, int Links) Count(IEnumerable<DatoCmsApiError> errors)
    {
        var fields = 0;
        var links = 0;
        foreach (var error in errors)
        {
            {|DATO005:switch (error.ApiCode)|}
            {
                case "INVALID_FIELD":
                    fields++;
                    break;
                case "UNPUBLISHED_LINK":
                    links++;
                    break;
            }
        }

        return (fields, links);
    }
}
//// InventedRateLimitCode
public sealed class RateLimitProbe
{
    public bool IsRateLimited(DatoCmsApiException ex) => ex.ApiCode == {|DATO006:"RATE_LIMIT"|};
}
//// TryParseMisspelledCode
public static class ConfiguredCodes
{
    public static DatoCmsErrorCode IgnoredByDefault()
    {
        return DatoCmsErrorCodes.TryParse({|DATO006:"STALE_VERSION"|}, out var code) ? code : DatoCmsErrorCode.Unknown;
    }
}
//// ConstantThatIsNotACode
public sealed class ConflictPolicy
{
    private const string Conflict = "CONFLICT";

    public bool IsConflict(DatoCmsApiException ex) => ex.ApiCode == {|DATO006:Conflict|};
}
//// NameofOnTheLeftNeverMatches
public sealed class MissingItemCheck
{
    public bool IsMissing(DatoCmsApiException ex) => {|DATO006:nameof(DatoCmsErrorCode.NotFound)|} == ex.ApiCode;
}
//// OrdinalStringEqualsWithLowerCase
public sealed class NotFoundCheck
{
    public bool IsMissing(DatoCmsApiException ex) => string.Equals(ex.ApiCode, {|DATO006:"not_found"|});
}
//// PrefixCheckOnApiCode
public sealed class FamilyGuess
{
    public bool IsItemProblem(DatoCmsApiException ex) => ex.ApiCode.StartsWith("ITEM_", StringComparison.Ordinal);
}
//// EmptyApiCodeCheck
public sealed class BodyInspector(ILogger logger)
{
    public void Inspect(DatoCmsApiException ex)
    {
        if (string.IsNullOrEmpty(ex.ApiCode))
        {
            logger.LogWarning(ex, "The response had no error code");
        }
    }
}
//// HashSetOfAllowedCodes
public sealed class KnownFailures
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "NOT_FOUND", "UNPUBLISHED_LINK" };

    public bool CanIgnore(DatoCmsApiException ex) => Ignored.Contains(ex.ApiCode);
}
//// MessageSearchIsNotACodeComparison
public sealed class LegacyParser
{
    public bool LooksLocked(Exception ex) => ex.Message.Contains("ITEM_LOCKED", StringComparison.Ordinal);
}
//// TryParseHeaderValue
public sealed class HeaderReader
{
    public DatoCmsErrorCode? Read(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-Error-Code", out var values) && DatoCmsErrorCodes.TryParse(values.FirstOrDefault(), out var code))
        {
            return code;
        }

        return null;
    }
}
//// ComparedWithParameter
public sealed class CodeMatcher
{
    public bool Matches(DatoCmsApiException ex, string expectedCode) => ex.ApiCode == expectedCode;
}
//// EnumToStringComparedWithMemberName
public sealed class EnumNameCheck
{
    public bool IsNotFound(DatoCmsApiException ex) => ex.Code.ToString() == "NotFound";
}
//// EnumComparisonInLinq
public static class ErrorFilters
{
    public static IEnumerable<DatoCmsApiError> FieldErrors(DatoCmsApiException ex) =>
        ex.Errors.Where(e => e.Code == DatoCmsErrorCode.InvalidField);
}
//// StringSwitchWithInventedCase
public sealed class StatusBadge
{
    public string For(DatoCmsApiException ex)
    {
        {|DATO005:switch (ex.ApiCode)|}
        {
            case "ITEM_LOCKED":
                return "locked";
            case {|DATO006:"TOO_MANY_REQUESTS"|}:
                return "busy";
            default:
                return "error";
        }
    }
}
//// LiteralReceiverEqualsWithDashes
public sealed class DashCheck
{
    public bool IsLocked(DatoCmsApiException ex) => {|DATO006:"ITEM-LOCKED"|}.Equals(ex.ApiCode);
}
//// NotEqualsInventedValidationCode
public sealed class ValidationFilter
{
    public IEnumerable<DatoCmsApiError> Others(IEnumerable<DatoCmsApiError> errors) =>
        errors.Where(error => error.ApiCode != {|DATO006:"VALIDATION_ERROR"|});
}
