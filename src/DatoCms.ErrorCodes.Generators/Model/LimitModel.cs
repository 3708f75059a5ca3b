namespace DatoCms.ErrorCodes.Generators.Model;

internal enum LimitValueKind
{
    Integer,
    Long,
    Text,
}

/// <summary>One technical limit from the overlay, emitted as a constant of <c>DatoCmsLimits</c>.</summary>
internal sealed record LimitModel(string Key, string MemberName, LimitValueKind Kind, string Value, string Summary);
