using System.Linq;
using DatoCms.ErrorCodes.Generators.Validation;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Emits <c>DatoCmsErrorFamily</c>: one member per family the overlay uses, sorted.</summary>
internal static class FamilyEmitter
{
    public const string HintName = GeneratedNames.ErrorFamily + ".g.cs";

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        w.DocSummary("The group an error code belongs to, from the overlay's 'family' values.");
        w.Line(context.GeneratedCodeAttribute);
        w.OpenBlock($"{context.Options.Accessibility} enum {GeneratedNames.ErrorFamily}");
        w.DocSummary("The code has no family in the overlay, or is not known to this build's spec.");
        w.Line("Unknown = 0,");
        var value = 1;
        foreach (var family in context.Spec.Families)
        {
            var member = MemberName(family);
            if (member == SpecBuilder.UnknownMemberName)
            {
                continue;
            }

            var count = context.Spec.Codes.Count(c => c.Family == family);
            w.Line();
            w.DocSummary($"The '{family}' family ({count} {(count == 1 ? "code" : "codes")}).");
            w.Line($"{member} = {value++},");
        }

        w.CloseBlock();
    });

    public static string MemberName(string family) => family.Length == 0 ? SpecBuilder.UnknownMemberName : CSharpNames.ToPascalCase(family);
}
