using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Emits <c>DatoCmsLimits</c>: one constant per limit of the overlay, in overlay order.</summary>
internal static class LimitsEmitter
{
    public static readonly string HintName = GeneratedNames.HintName(GeneratedNames.Limits);

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        w.DocSummary("The technical limits of the DatoCMS Content Management API, from the overlay. Plans differ: the retry handler also adapts to the rate-limit headers the server sends.");
        w.Line(context.GeneratedCodeAttribute);
        w.OpenBlock($"{context.Options.Accessibility} static class {GeneratedNames.Limits}");
        var first = true;
        foreach (var limit in context.Spec.Limits)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.DocSummary(limit.Summary);
            w.Line(limit.Kind switch
            {
                LimitValueKind.Integer => $"public const int {limit.MemberName} = {limit.Value};",
                LimitValueKind.Long => $"public const long {limit.MemberName} = {limit.Value}L;",
                _ => $"public const string {limit.MemberName} = {CSharpLiteral.String(limit.Value)};",
            });
        }

        if (context.Spec.RateLimitWindowSeconds is { } windowSeconds)
        {
            w.Line();
            w.DocSummary("The length of the rate-limit window.");
            w.Line($"public static readonly global::System.TimeSpan {GeneratedNames.RateLimitWindowMember} = global::System.TimeSpan.FromSeconds({windowSeconds});");
        }

        w.CloseBlock();
    });
}
