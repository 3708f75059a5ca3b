namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Emits <c>DatoCmsErrorCode</c>: <c>Unknown = 0</c>, then one documented member per code in spec order.</summary>
internal static class ErrorCodeEnumEmitter
{
    public static readonly string HintName = GeneratedNames.HintName(GeneratedNames.ErrorCode);

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        w.DocSummary("An error code reported by the DatoCMS Content Management API.");
        w.Line("/// <remarks>");
        w.DocText($"Generated from the error-code spec ({context.Spec.Codes.Count} {(context.Spec.Codes.Count == 1 ? "code" : "codes")}). The numeric values follow the spec's order and may change when codes are added: store ToApiString(), not the number. Serializers that honour EnumMember or JsonStringEnumMemberName write the API string.");
        w.Line("/// </remarks>");
        w.Line(context.GeneratedCodeAttribute);
        w.OpenBlock($"{context.Options.Accessibility} enum {GeneratedNames.ErrorCode}");
        w.DocSummary("The code is missing, or this build's spec does not know it.");
        w.Line(GeneratedNames.UnknownMember + " = 0,");

        var value = 1;
        foreach (var code in context.Spec.Codes)
        {
            w.Line();
            CodeDocs.WriteSummaryAndDetails(w, code);

            var retry = code.RetryKind.ToString() + (code.IsTransient ? " (transient)" : string.Empty);
            var family = code.Family.Length > 0 ? code.Family : "none";
            w.DocXml($"<para>API code <c>{code.ApiCode}</c>. Retry: {retry}. Family: {Xml.Escape(family)}.</para>");
            w.Line($"/// <para><see href=\"{Xml.EscapeAttribute(code.DocUrl)}\">{code.ApiCode} in the DatoCMS documentation</see></para>");
            w.Line("/// </remarks>");
            if (context.Features.HasEnumMember)
            {
                w.Line($"[global::System.Runtime.Serialization.EnumMember(Value = {CSharpLiteral.String(code.ApiCode)})]");
            }

            if (context.Features.HasJsonEnumMemberName)
            {
                w.Line($"[global::System.Text.Json.Serialization.JsonStringEnumMemberName({CSharpLiteral.String(code.ApiCode)})]");
            }

            if (code.IsTransient)
            {
                w.Line($"[{GeneratedNames.TransientAttributeUsage}({context.RetryKindInCodeEnum}.{code.RetryKind})]");
            }

            w.Line($"{code.MemberName} = {value++},");
        }

        w.CloseBlock();
    });
}
