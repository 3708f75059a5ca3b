using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Everything an emitter needs: the spec, the options and what the consumer supports.</summary>
internal sealed record EmitContext(ErrorSpec Spec, GeneratorOptions Options, TargetFeatures Features, string ToolVersion)
{
    public const string ToolName = "DatoCms.ErrorCodes.Generators";

    /// <summary>Fully qualifies a generated type name.</summary>
    public string Type(string name) => "global::" + Options.Namespace + "." + name;

    public string CodeType => Type(GeneratedNames.ErrorCode);

    public string Member(ErrorCodeModel code) => CodeType + "." + code.MemberName;

    public string UnknownMember => CodeType + "." + GeneratedNames.UnknownMember;

    public string NullableString => Features.SupportsNullable ? "string?" : "string";

    public string NullableMarker => Features.SupportsNullable ? "?" : string.Empty;

    public string GeneratedCodeAttribute => $"[global::System.CodeDom.Compiler.GeneratedCode(\"{ToolName}\", \"{ToolVersion}\")]";
}
