using System.Linq;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Emits the metadata half of <c>DatoCmsErrorCodes</c>: the code lists and the extension methods
/// that describe a code. Every lookup is a switch over constants: no reflection, no dictionary,
/// no allocation.
/// </summary>
internal static class ErrorCodesEmitter
{
    public static readonly string HintName = GeneratedNames.HintName(GeneratedNames.ErrorCodes);

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        const string code = GeneratedNames.ErrorCode;
        var spec = context.Spec;
        var unknownSummary = CSharpLiteral.String("The error code is missing or not known to this build's spec.");

        w.DocSummary("Lists, metadata and parsing for DatoCmsErrorCode, generated from the error-code spec.");
        w.Line(context.GeneratedCodeAttribute);
        w.OpenBlock($"{context.Options.Accessibility} static partial class {GeneratedNames.ErrorCodes}");

        w.DocSummary("The number of error codes in the spec, not counting Unknown.");
        w.Line($"public const int Count = {spec.Codes.Count};");
        w.Line();
        w.DocSummary("The URL of the error-code documentation page; each code's link adds '#CODE'.");
        w.Line($"public const string DocsUrl = {CSharpLiteral.String(spec.DocsUrl)};");
        w.Line();
        w.Line($"private static readonly {code}[] AllCodes = new {code}[]");
        w.Line("{");
        w.Indent();
        foreach (var item in spec.Codes)
        {
            w.Line(EmitContext.CodeMember(item) + ",");
        }

        w.Unindent();
        w.Line("};");
        w.Line();
        w.Line($"private static readonly {code}[] TransientCodeArray = new {code}[]");
        w.Line("{");
        w.Indent();
        foreach (var item in spec.Codes.Where(c => c.IsTransient))
        {
            w.Line(EmitContext.CodeMember(item) + ",");
        }

        w.Unindent();
        w.Line("};");
        w.Line();
        w.DocSummary("Every code of the spec, in spec order, without Unknown.");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{code}> All {{ get; }} = new global::System.Collections.ObjectModel.ReadOnlyCollection<{code}>(AllCodes);");
        w.Line();
        w.DocSummary("The transient codes (retry kind Backoff or RateLimit), in spec order.");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{code}> TransientCodes {{ get; }} = new global::System.Collections.ObjectModel.ReadOnlyCollection<{code}>(TransientCodeArray);");

        Method(w, "Returns the code as the API writes it, such as ITEM_LOCKED; \"UNKNOWN\" for Unknown.", $"public static string ToApiString(this {code} code)", () =>
            SwitchWriter.PerCode(w, context, c => CSharpLiteral.String(c.ApiCode), CSharpLiteral.String(GeneratedNames.UnknownApiCode)));

        Method(w, "Whether the error is transient: the same request may succeed when retried later.", $"public static bool IsTransient(this {code} code)", () =>
            SwitchWriter.Grouped(w, context, c => c.IsTransient ? "true" : "false", "false"));

        const string retryKind = GeneratedNames.RetryKind;
        Method(w, "How the error may be retried.", $"public static {retryKind} GetRetryKind(this {code} code)", () =>
            SwitchWriter.Grouped(w, context, c => retryKind + "." + c.RetryKind, retryKind + ".None"));

        const string family = GeneratedNames.ErrorFamily;
        Method(w, "The family the overlay puts the code in.", $"public static {family} GetFamily(this {code} code)", () =>
            SwitchWriter.Grouped(w, context, c => family + "." + c.FamilyMember, family + "." + GeneratedNames.UnknownMember));

        Method(w, "A one-sentence summary of the error.", $"public static string GetSummary(this {code} code)", () =>
            SwitchWriter.PerCode(w, context, c => CSharpLiteral.String(c.Summary), unknownSummary));

        Method(w, "The full description of the error: what triggers it and what to do.", $"public static string GetDescription(this {code} code)", () =>
            SwitchWriter.PerCode(w, context, c => CSharpLiteral.String(c.Description), unknownSummary));

        Method(w, "The link to the code's entry in the DatoCMS documentation; the page itself for Unknown.", $"public static string GetDocUrl(this {code} code)", () =>
            SwitchWriter.PerCode(w, context, c => CSharpLiteral.String(c.DocUrl), "DocsUrl"));

        Method(w, "Everything the spec says about the code, in one value.", $"public static {GeneratedNames.ErrorInfo} GetInfo(this {code} code)", () =>
            w.Line($"return new {GeneratedNames.ErrorInfo}(code);"));

        w.CloseBlock();
    });

    private static void Method(CodeWriter w, string summary, string signature, System.Action body)
    {
        w.Line();
        w.DocSummary(summary);
        w.OpenBlock(signature);
        body();
        w.CloseBlock();
    }
}
