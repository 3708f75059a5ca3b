using System;
using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Turns the overlay's families into members of <c>DatoCmsErrorFamily</c>. Owns DATO110: a family
/// that is not kebab-case, that takes the C# name of another spelling, or that would be the
/// <c>Unknown</c> member.
/// </summary>
internal sealed class FamilyRule
{
    private readonly Dictionary<string, string> _familyByMember = new(StringComparer.Ordinal);

    /// <summary>The family as written when it is kebab-case, else null (reported).</summary>
    public static YamlScalar? CheckSpelling(YamlScalar? family, string code, List<DiagnosticInfo> diagnostics)
    {
        if (family is null || KebabCase.IsMatch(family.Value))
        {
            return family;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFamily, family.Span, family.Value, code, "must be lower-case kebab-case (letters, digits, hyphens)"));
        return null;
    }

    /// <summary>
    /// The family the code is generated with (empty for none) and its member. Each distinct family
    /// becomes a member, so two spellings with one C# name (<c>x-1</c> and <c>x1</c>) cannot both be
    /// kept: the first one in page order wins. <c>Unknown</c> is the member for codes without a
    /// family, so no family may take it.
    /// </summary>
    public (string Family, string Member) Allocate(YamlScalar? requested, string code, List<DiagnosticInfo> diagnostics)
    {
        var none = (string.Empty, GeneratedNames.UnknownMember);
        if (requested is null)
        {
            return none;
        }

        var member = CSharpNames.ToPascalCase(requested.Value);
        if (member == GeneratedNames.UnknownMember)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFamily, requested.Span, requested.Value, code, $"maps to the C# name '{member}', which {GeneratedNames.ErrorFamily} keeps for codes without a family"));
            return none;
        }

        if (!_familyByMember.TryGetValue(member, out var first))
        {
            _familyByMember.Add(member, requested.Value);
            return (requested.Value, member);
        }

        if (first == requested.Value)
        {
            return (requested.Value, member);
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFamily, requested.Span, requested.Value, code, $"maps to the C# name '{member}', which is already used by family '{first}'"));
        return none;
    }

    /// <summary>The families the generated codes use, sorted by name.</summary>
    public static IEnumerable<FamilyModel> InUse(IEnumerable<ErrorCodeModel> codes) =>
        codes.Where(c => c.Family.Length > 0)
            .Select(c => new FamilyModel(c.Family, c.FamilyMember))
            .Distinct()
            .OrderBy(f => f.Name, StringComparer.Ordinal);
}
