using System;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Everything an emitter needs: the spec, the options and what the consumer supports. Code emitted
/// inside the generated namespace names that namespace's types without <c>global::</c> (they bind
/// first there, and the consumer's usings do not reach generated files); everything else stays
/// <c>global::</c>-qualified.
/// </summary>
internal sealed record EmitContext(ErrorSpec Spec, GeneratorOptions Options, TargetFeatures Features, string ToolVersion)
{
    public const string ToolName = "DatoCms.ErrorCodes.Generators";

    /// <summary>Fully qualifies a generated type name, for the few places where a name in scope would hide it.</summary>
    public string Type(string name) => "global::" + Options.Namespace + "." + name;

    /// <summary>A member of <c>DatoCmsErrorCode</c>, as code inside the generated namespace writes it.</summary>
    public static string CodeMember(ErrorCodeModel code) => GeneratedNames.ErrorCode + "." + code.MemberName;

    /// <summary>
    /// <c>DatoCmsRetryKind</c> as an attribute of a <c>DatoCmsErrorCode</c> member writes it: the enum's
    /// own members are in scope there, so a code whose member took that name would hide the type.
    /// </summary>
    public string RetryKindInCodeEnum =>
        Spec.Codes.Any(c => c.MemberName == GeneratedNames.RetryKind) ? Type(GeneratedNames.RetryKind) : GeneratedNames.RetryKind;

    /// <summary>
    /// A code's exception as the body of <c>DatoCmsApiException</c> writes it. The names the overlay
    /// chooses may equal a member of that class (<c>Code</c>, <c>Message</c>, <c>InnerException</c>),
    /// which would hide the type; only names ending in "Exception", other than InnerException, are
    /// written short.
    /// </summary>
    public string ExceptionInApiException(ErrorCodeModel code) =>
        code.ExceptionName.EndsWith("Exception", StringComparison.Ordinal) && code.ExceptionName != "InnerException"
            ? code.ExceptionName
            : Type(code.ExceptionName);

    public string NullableString => Features.SupportsNullable ? "string?" : "string";

    public string NullableMarker => Features.SupportsNullable ? "?" : string.Empty;

    public string GeneratedCodeAttribute => $"[global::System.CodeDom.Compiler.GeneratedCode(\"{ToolName}\", \"{ToolVersion}\")]";
}
