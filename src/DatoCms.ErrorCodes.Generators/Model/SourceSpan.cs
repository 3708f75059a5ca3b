namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>
/// Where something sits in a spec file: enough to build a Roslyn <c>Location</c> later without
/// carrying Roslyn types through the pipeline. Lines and columns are zero-based.
/// </summary>
internal readonly record struct SourceSpan(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan None(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);
}
