using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Emits one sealed exception per code (transient codes derive from
/// <c>DatoCmsTransientApiException</c>) and the switch that picks the type for a parsed code, so
/// adding a code to the spec adds its exception and changing its retry kind moves it.
/// </summary>
internal static class ExceptionsEmitter
{
    public static readonly string HintName = GeneratedNames.HintName(GeneratedNames.CodeExceptionsFile);

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        const string baseType = GeneratedNames.ApiException;
        const string transientType = GeneratedNames.TransientApiException;
        const string errorList = "global::System.Collections.Generic.IReadOnlyList<" + GeneratedNames.ApiError + ">";

        w.Line($"{context.Options.Accessibility} partial class {GeneratedNames.ApiException}");
        w.Line("{");
        w.Indent();
        w.OpenBlock($"private static {baseType} CreateForCode({GeneratedNames.ErrorCode} code, int statusCode, {errorList} errors, string rawBody, global::System.TimeSpan? rateLimitReset)");
        w.OpenBlock("switch (code)");
        foreach (var code in context.Spec.Codes)
        {
            w.Line($"case {EmitContext.CodeMember(code)}: return new {context.ExceptionInApiException(code)}(statusCode, errors, rawBody, rateLimitReset);");
        }

        w.Line("default: return code.IsTransient()");
        w.Line($"    ? new {transientType}(statusCode, code.ToApiString(), errors, rawBody, rateLimitReset)");
        w.Line($"    : new {baseType}(statusCode, code.ToApiString(), errors, rawBody, rateLimitReset);");
        w.CloseBlock();
        w.CloseBlock();
        w.Line();

        // A bare 429 carries no code; it is the spec's rate-limit error all the same.
        var rateLimited = context.Spec.Codes.FirstOrDefault(c => c.RetryKind == DatoRetryKind.RateLimit);
        w.Line($"private static {baseType} CreateRateLimited(int statusCode, string rawBody, global::System.TimeSpan? rateLimitReset) =>");
        w.Line(rateLimited is null
            ? $"    new {transientType}(statusCode, string.Empty, null, rawBody, rateLimitReset);"
            : $"    new {context.ExceptionInApiException(rateLimited)}(statusCode, null, rawBody, rateLimitReset);");
        w.Unindent();
        w.Line("}");

        foreach (var code in context.Spec.Codes)
        {
            w.Line();
            CodeDocs.WriteSummaryAndDetails(w, code);
            w.DocXml($"<para>Thrown for API code <c>{code.ApiCode}</c>. Retry: {code.RetryKind}{(code.IsTransient ? " (transient)" : string.Empty)}.</para>");
            w.Line($"/// <para><see href=\"{Xml.EscapeAttribute(code.DocUrl)}\">{code.ApiCode} in the DatoCMS documentation</see></para>");
            w.Line("/// </remarks>");
            w.Line(context.GeneratedCodeAttribute);
            w.OpenBlock($"{context.Options.Accessibility} sealed class {code.ExceptionName} : {(code.IsTransient ? transientType : baseType)}");
            w.DocSummary($"Creates the exception for {code.ApiCode}.");
            w.Line("/// <param name=\"statusCode\">The HTTP status of the response.</param>");
            w.Line("/// <param name=\"errors\">Every api_error of the body.</param>");
            w.Line("/// <param name=\"rawBody\">The body exactly as received.</param>");
            w.Line("/// <param name=\"rateLimitReset\">The wait the server asked for in X-RateLimit-Reset.</param>");
            w.Line("/// <param name=\"innerException\">The exception that caused this one, if any.</param>");
            w.Line($"public {code.ExceptionName}(int statusCode, {errorList}{context.NullableMarker} errors = null, {context.NullableString} rawBody = null, global::System.TimeSpan? rateLimitReset = null, global::System.Exception{context.NullableMarker} innerException = null)");
            w.Line($"    : base(statusCode, {CSharpLiteral.String(code.ApiCode)}, errors, rawBody, rateLimitReset, innerException)");
            w.Line("{");
            w.Line("}");
            w.CloseBlock();
        }
    });
}
