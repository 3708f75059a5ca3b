namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>One family of the overlay, emitted as a member of <c>DatoCmsErrorFamily</c>.</summary>
/// <param name="Name">The family as the overlay writes it (kebab-case).</param>
/// <param name="MemberName">Its C# member, allocated once by the validation.</param>
internal sealed record FamilyModel(string Name, string MemberName);
