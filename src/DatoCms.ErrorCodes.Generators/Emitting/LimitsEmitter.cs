using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Validation;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Emits <c>DatoCmsLimits</c>: one constant per limit of the overlay, in overlay order.</summary>
internal static class LimitsEmitter
{
    public const string HintName = GeneratedNames.Limits + ".g.cs";

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

        var window = context.Spec.Limits.FirstOrDefault(l => l.Key == KnownLimits.WindowSeconds);
        if (window is { Kind: LimitValueKind.Integer } && !context.Spec.Limits.Any(l => l.MemberName == "RateLimitWindow"))
        {
            w.Line();
            w.DocSummary("The length of the rate-limit window.");
            w.Line($"public static readonly global::System.TimeSpan RateLimitWindow = global::System.TimeSpan.FromSeconds({window.MemberName});");
        }

        w.CloseBlock();
    });
}
