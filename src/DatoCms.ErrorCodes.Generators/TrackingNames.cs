namespace DatoCms.ErrorCodes.Generators;

/// <summary>Names of the pipeline steps, so tests can check which ones ran.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string Spec = nameof(Spec);
    public const string Options = nameof(Options);
    public const string Features = nameof(Features);
}
