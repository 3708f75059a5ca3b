namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>The MSBuild options the generator reads (declared as CompilerVisibleProperty by the package).</summary>
internal sealed record GeneratorOptions(string Namespace, bool IsPublic, DiagnosticInfo? NamespaceProblem, bool OmitTemplates = false)
{
    public const string DefaultNamespace = "DatoCms.ErrorCodes";
    public const string NamespaceProperty = "build_property.DatoCmsErrorCodesNamespace";
    public const string PublicProperty = "build_property.DatoCmsErrorCodesPublic";

    /// <summary>
    /// Internal to this repository, not a package option (hence the leading underscore, MSBuild's
    /// mark of a private property): the project that compiles the runtime templates as they are
    /// (src/DatoCms.ErrorCodes.Runtime.Templates) sets it so the generator does not emit them a second time.
    /// </summary>
    public const string OmitTemplatesProperty = "build_property._DatoCmsErrorCodesOmitRuntimeTemplates";
    public const string SpecMetadata = "build_metadata.AdditionalFiles.DatoCmsSpec";
    public const string SpecBundledMetadata = "build_metadata.AdditionalFiles.DatoCmsSpecBundled";

    public string Accessibility => IsPublic ? "public" : "internal";
}
