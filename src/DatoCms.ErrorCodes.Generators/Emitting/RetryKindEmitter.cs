namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Emits <c>DatoCmsRetryKind</c>.</summary>
internal static class RetryKindEmitter
{
    public static readonly string HintName = GeneratedNames.HintName(GeneratedNames.RetryKind);

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        w.DocSummary("How a DatoCMS error may be retried.");
        w.Line(context.GeneratedCodeAttribute);
        w.OpenBlock($"{context.Options.Accessibility} enum {GeneratedNames.RetryKind}");
        w.DocSummary("Do not retry: the request must change before it can succeed.");
        w.Line("None = 0,");
        w.Line();
        w.DocSummary("A temporary condition: retry the same request after an exponential backoff with jitter.");
        w.Line("Backoff = 1,");
        w.Line();
        w.DocSummary("The rate limit was hit: wait for the seconds in the X-RateLimit-Reset header, then retry.");
        w.Line("RateLimit = 2,");
        w.Line();
        w.DocSummary("The record changed meanwhile: read it again, apply the change to the current version, then retry.");
        w.Line("Refresh = 3,");
        w.CloseBlock();
    });
}
