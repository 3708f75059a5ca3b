namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// Options of the usage analyzers. Each can be set per file in .editorconfig (the key) or for the
/// whole project as an MSBuild property (the build_property name; the package declares it).
/// </summary>
internal static class AnalyzerOptionNames
{
    /// <summary>DATO001: <c>errors</c> (default) analyses switches over ex.Code / error.Code; <c>all</c> every switch over DatoCmsErrorCode.</summary>
    public const string SwitchScopeKey = "datocms_dato001_scope";

    public const string SwitchScopeProperty = "build_property.DatoCmsDato001Scope";
}
