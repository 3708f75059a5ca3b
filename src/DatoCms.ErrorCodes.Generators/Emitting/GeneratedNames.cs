namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>The names of the generated types: the public contract that tests, docs and analyzers share.</summary>
internal static class GeneratedNames
{
    public const string ErrorCode = "DatoCmsErrorCode";
    public const string ErrorCodes = "DatoCmsErrorCodes";
    public const string RetryKind = "DatoCmsRetryKind";
    public const string ErrorFamily = "DatoCmsErrorFamily";
    public const string ErrorInfo = "DatoCmsErrorInfo";
    public const string TransientAttribute = "DatoCmsTransientAttribute";
    public const string Limits = "DatoCmsLimits";
}
