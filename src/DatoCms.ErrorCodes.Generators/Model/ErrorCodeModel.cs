namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// One error code, ready to emit: the page's text merged with the overlay's classification, with
/// its final C# names already allocated (the emitters print them, they never derive names).
/// </summary>
/// <param name="ApiCode">The code as the API writes it, such as <c>ITEM_LOCKED</c>.</param>
/// <param name="MemberName">Its member of <c>DatoCmsErrorCode</c>.</param>
/// <param name="ExceptionName">Its sealed exception type.</param>
/// <param name="Summary">One sentence: the page's first, or the overlay's own.</param>
/// <param name="Description">The full description, as plain text.</param>
/// <param name="DocUrl">The link to the code's entry in the documentation.</param>
/// <param name="RetryKind">How the code may be retried, from the overlay.</param>
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
