using System;
using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Writes the switch statements behind the lookups. Statements rather than switch expressions,
/// so the same code compiles on C# 7.3 (netstandard2.0) and on the newest language version.
/// </summary>
internal static class SwitchWriter
{
    /// <summary>One case per code, each returning its own expression.</summary>
    public static void PerCode(CodeWriter w, EmitContext context, Func<ErrorCodeModel, string> value, string fallback)
    {
        w.OpenBlock("switch (code)");
        foreach (var code in context.Spec.Codes)
        {
            w.Line($"case {EmitContext.CodeMember(code)}:");
            w.Indent();
            w.Line($"return {value(code)};");
            w.Unindent();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"return {fallback};");
        w.Unindent();
        w.CloseBlock();
    }

    /// <summary>Stacked case labels per distinct value; codes with the fallback value fall to default.</summary>
    public static void Grouped(CodeWriter w, EmitContext context, Func<ErrorCodeModel, string> value, string fallback)
    {
        var groups = context.Spec.Codes
            .Select((code, index) => (code, index, value: value(code)))
            .Where(x => x.value != fallback)
            .GroupBy(x => x.value, StringComparer.Ordinal)
            .OrderBy(g => g.Min(x => x.index))
            .ToList();

        if (groups.Count == 0)
        {
            w.Line($"return {fallback};");
            return;
        }

        w.OpenBlock("switch (code)");
        foreach (var group in groups)
        {
            foreach (var item in group)
            {
                w.Line($"case {EmitContext.CodeMember(item.code)}:");
            }

            w.Indent();
            w.Line($"return {group.Key};");
            w.Unindent();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"return {fallback};");
        w.Unindent();
        w.CloseBlock();
    }
}
