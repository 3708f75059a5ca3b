namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>The MSBuild options the generator reads (declared as CompilerVisibleProperty by the package).</summary>
internal sealed record GeneratorOptions(string Namespace, bool IsPublic, DiagnosticInfo? NamespaceProblem)
{
    public const string DefaultNamespace = "DatoCms.ErrorCodes";
    public const string NamespaceProperty = "build_property.DatoCmsErrorCodesNamespace";
    public const string PublicProperty = "build_property.DatoCmsErrorCodesPublic";
    public const string SpecMetadata = "build_metadata.AdditionalFiles.DatoCmsSpec";
    public const string SpecBundledMetadata = "build_metadata.AdditionalFiles.DatoCmsSpecBundled";

    public string Accessibility => IsPublic ? "public" : "internal";
}
