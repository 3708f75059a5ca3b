namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Emits <c>DatoCmsErrorInfo</c>: a small struct over the code whose properties read the
/// generated switches, so getting one allocates nothing and needs no table built at start-up.
/// </summary>
internal static class ErrorInfoEmitter
{
    public static readonly string HintName = GeneratedNames.HintName(GeneratedNames.ErrorInfo);

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        const string code = GeneratedNames.ErrorCode;
        const string info = GeneratedNames.ErrorInfo;
        var objectType = context.Features.SupportsNullable ? "object?" : "object";

        w.DocSummary("Everything the spec says about one error code.");
        w.Line(context.GeneratedCodeAttribute);
        w.OpenBlock($"{context.Options.Accessibility} readonly struct {GeneratedNames.ErrorInfo} : global::System.IEquatable<{info}>");
        w.DocSummary("Creates the description of a code; the same as calling GetInfo() on it.");
        w.Line("/// <param name=\"code\">The error code.</param>");
        w.OpenBlock($"public {GeneratedNames.ErrorInfo}({code} code)");
        w.Line("Code = code;");
        w.CloseBlock();
        Member(w, "The error code.", $"public {code} Code {{ get; }}");
        Member(w, "The code as the API writes it, such as ITEM_LOCKED.", "public string ApiCode => Code.ToApiString();");
        Member(w, "A one-sentence summary of the error.", "public string Summary => Code.GetSummary();");
        Member(w, "The full description of the error.", "public string Description => Code.GetDescription();");
        Member(w, "The link to the code's documentation.", "public string DocUrl => Code.GetDocUrl();");
        Member(w, "How the error may be retried.", $"public {GeneratedNames.RetryKind} RetryKind => Code.GetRetryKind();");
        Member(w, "The family the overlay puts the code in.", $"public {GeneratedNames.ErrorFamily} Family => Code.GetFamily();");
        Member(w, "Whether the error is transient (retry kind Backoff or RateLimit).", "public bool IsTransient => Code.IsTransient();");
        Member(w, "Compares the codes.", $"public bool Equals({info} other) => Code == other.Code;");
        Member(w, "Compares the codes.", $"public override bool Equals({objectType} obj) => obj is {info} other && Equals(other);");
        Member(w, "Hashes the code.", "public override int GetHashCode() => (int)Code;");
        Member(w, "Returns the API code string.", "public override string ToString() => ApiCode;");
        Member(w, "Compares the codes.", $"public static bool operator ==({info} left, {info} right) => left.Equals(right);");
        Member(w, "Compares the codes.", $"public static bool operator !=({info} left, {info} right) => !left.Equals(right);");
        w.CloseBlock();
    });

    private static void Member(CodeWriter w, string summary, string declaration)
    {
        w.Line();
        w.DocSummary(summary);
        w.Line(declaration);
    }
}
