namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// What the consumer's language version and references allow the generated code to use, so that
/// a netstandard2.0 project on C# 7.3 compiles as cleanly as a net10.0 one.
/// </summary>
internal sealed record TargetFeatures(bool SupportsNullable, bool HasSpan)
{
    public static readonly TargetFeatures Latest = new(SupportsNullable: true, HasSpan: true);
}
