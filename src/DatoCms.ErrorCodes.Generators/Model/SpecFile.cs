namespace DatoCms.ErrorCodes.Generators.Model;

internal enum SpecFileKind
{
    None,
    ErrorPage,
    Overlay,
}

/// <summary>An AdditionalFile recognised as part of the spec, reduced to plain strings.</summary>
/// <param name="Path">The file's path, as the compiler was given it; diagnostics point there.</param>
/// <param name="Kind">Whether the file is the error-code page or an overlay.</param>
/// <param name="Text">The whole file.</param>
/// <param name="IsBundled">
/// The package's own copy of the spec (marked by its build files): it gives way to the user's
/// files, which replace the bundled page and layer over the bundled overlay code by code.
/// </param>
internal sealed record SpecFile(string Path, SpecFileKind Kind, string Text, bool IsBundled = false);
