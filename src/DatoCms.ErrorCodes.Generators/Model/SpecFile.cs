namespace DatoCms.ErrorCodes.Generators.Model;

internal enum SpecFileKind
{
    None,
    ErrorPage,
    Overlay,
}

/// <summary>An AdditionalFile recognised as part of the spec, reduced to plain strings.</summary>
internal sealed record SpecFile(string Path, SpecFileKind Kind, string Text);
