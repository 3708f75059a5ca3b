namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>One error code, ready to emit: the page's text merged with the overlay's classification.</summary>
internal sealed record ErrorCodeModel(
    string ApiCode,
    string MemberName,
    string ExceptionName,
    string Summary,
    string Description,
    string DocUrl,
    DatoRetryKind RetryKind,
    string Family)
{
    public bool IsTransient => RetryKind.IsTransient();
}
