namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// One error code, ready to emit: the page's text merged with the overlay's classification, with
/// its final C# names already allocated (the emitters print them, they never derive names).
/// </summary>
/// <param name="MemberName">Its member of <c>DatoCmsErrorCode</c>.</param>
/// <param name="ExceptionName">Its sealed exception type.</param>
/// <param name="Family">The overlay's family as written (kebab-case), empty for none.</param>
/// <param name="FamilyMember">Its member of <c>DatoCmsErrorFamily</c>; <see cref="GeneratedNames.UnknownMember"/> for none.</param>
internal sealed record ErrorCodeModel(
    string ApiCode,
    string MemberName,
    string ExceptionName,
    string Summary,
    string Description,
    string DocUrl,
    DatoRetryKind RetryKind,
    string Family,
    string FamilyMember)
{
    public bool IsTransient => RetryKind.IsTransient();
}
