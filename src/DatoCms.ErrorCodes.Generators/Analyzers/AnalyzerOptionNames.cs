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

    /// <summary>DATO006: comma-separated code strings to accept although the spec does not have them (yet).</summary>
    public const string AcceptedCodesKey = "datocms_dato006_accepted_codes";

    public const string AcceptedCodesProperty = "build_property.DatoCmsDato006AcceptedCodes";
}
