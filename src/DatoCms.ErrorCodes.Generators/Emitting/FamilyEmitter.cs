using System.Linq;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Emits <c>DatoCmsErrorFamily</c>: one member per family the overlay uses, sorted.</summary>
internal static class FamilyEmitter
{
    public static readonly string HintName = GeneratedNames.HintName(GeneratedNames.ErrorFamily);

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        w.DocSummary("The group an error code belongs to, from the overlay's 'family' values.");
        w.Line(context.GeneratedCodeAttribute);
        w.OpenBlock($"{context.Options.Accessibility} enum {GeneratedNames.ErrorFamily}");
        w.DocSummary("The code has no family in the overlay, or is not known to this build's spec.");
        w.Line(GeneratedNames.UnknownMember + " = 0,");
        var value = 1;
        foreach (var family in context.Spec.Families)
        {
            var count = context.Spec.Codes.Count(c => c.Family == family.Name);
            w.Line();
            w.DocSummary($"The '{family.Name}' family ({count} {(count == 1 ? "code" : "codes")}).");
            w.Line($"{family.MemberName} = {value++},");
        }

        w.CloseBlock();
    });
}
