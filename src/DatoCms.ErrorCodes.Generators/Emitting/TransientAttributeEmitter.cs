namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Emits the attribute that marks transient <c>DatoCmsErrorCode</c> members. The analyzers read
/// it, so what they enforce is always what this build's spec says.
/// </summary>
internal static class TransientAttributeEmitter
{
    public static readonly string HintName = GeneratedNames.HintName(GeneratedNames.TransientAttribute);

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        w.DocSummary("Marks a DatoCmsErrorCode member whose error is transient: the same request may succeed if retried later.");
        w.Line(context.GeneratedCodeAttribute);
        w.Line("[global::System.AttributeUsage(global::System.AttributeTargets.Field, AllowMultiple = false, Inherited = false)]");
        w.OpenBlock($"{context.Options.Accessibility} sealed class {GeneratedNames.TransientAttribute} : global::System.Attribute");
        w.DocSummary("Creates the attribute.");
        w.Line("/// <param name=\"retryKind\">How the error is retried.</param>");
        w.OpenBlock($"public {GeneratedNames.TransientAttribute}({GeneratedNames.RetryKind} retryKind)");
        w.Line("RetryKind = retryKind;");
        w.CloseBlock();
        w.Line();
        w.DocSummary("How the error is retried.");
        w.Line($"public {GeneratedNames.RetryKind} RetryKind {{ get; }}");
        w.CloseBlock();
    });
}
