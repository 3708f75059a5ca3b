namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// What the consumer's language version and references allow the generated code to use, so that
/// a netstandard2.0 project on C# 7.3 compiles as cleanly as a net10.0 one.
/// </summary>
/// <param name="SupportsNullable">C# 8 or later: nullable annotations and #nullable.</param>
/// <param name="HasSpan">ReadOnlySpan and MemoryExtensions exist: span and UTF-8 parsing.</param>
/// <param name="HasEnumMember">EnumMemberAttribute exists: each member carries its API string for serializers and analyzers.</param>
/// <param name="HasJsonEnumMemberName">System.Text.Json's JsonStringEnumMemberNameAttribute (9.0+) exists.</param>
internal sealed record TargetFeatures(bool SupportsNullable, bool HasSpan, bool HasEnumMember, bool HasJsonEnumMemberName)
{
    public static readonly TargetFeatures Latest = new(SupportsNullable: true, HasSpan: true, HasEnumMember: true, HasJsonEnumMemberName: true);
}
