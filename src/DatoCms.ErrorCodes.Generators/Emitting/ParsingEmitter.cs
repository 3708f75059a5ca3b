using System.Linq;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Emits the parsing half of <c>DatoCmsErrorCodes</c>: exact, ordinal and allocation-free.
/// Strings use the compiler's string switch; spans and UTF-8 bytes compare only candidates of the same length.
/// </summary>
internal static class ParsingEmitter
{
    public const string HintName = GeneratedNames.ErrorCodes + ".Parsing.g.cs";

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        var code = context.CodeType;
        var maxLength = context.Spec.Codes.Select(c => c.ApiCode.Length).DefaultIfEmpty(0).Max();

        w.Line($"{context.Options.Accessibility} static partial class {GeneratedNames.ErrorCodes}");
        w.Line("{");
        w.Indent();
        w.DocSummary("The length of the longest code string in the spec.");
        w.Line($"public const int MaxApiCodeLength = {maxLength};");
        w.Line();
        w.DocSummary("Parses a code string exactly as the API writes it (ordinal, case-sensitive).");
        w.Line("/// <param name=\"value\">The code string, such as ITEM_LOCKED.</param>");
        w.Line("/// <param name=\"code\">The code, or Unknown when the result is false.</param>");
        w.Line("/// <returns>True when the spec knows the code.</returns>");
        w.OpenBlock($"public static bool TryParse({context.NullableString} value, out {code} code)");
        w.OpenBlock("switch (value)");
        foreach (var item in context.Spec.Codes)
        {
            w.Line($"case {CSharpLiteral.String(item.ApiCode)}:");
            w.Indent();
            w.Line($"code = {context.Member(item)};");
            w.Line("return true;");
            w.Unindent();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"code = {context.UnknownMember};");
        w.Line("return false;");
        w.Unindent();
        w.CloseBlock();
        w.CloseBlock();

        if (!context.Features.HasSpan)
        {
            w.Unindent();
            w.Line("}");
            return;
        }

        w.Line();
        w.DocSummary("Parses a code held in a span of characters, exactly (ordinal, case-sensitive), without allocating.");
        w.Line("/// <param name=\"value\">The code characters, such as ITEM_LOCKED.</param>");
        w.Line("/// <param name=\"code\">The code, or Unknown when the result is false.</param>");
        w.Line("/// <returns>True when the spec knows the code.</returns>");
        w.OpenBlock($"public static bool TryParse(global::System.ReadOnlySpan<char> value, out {code} code)");
        WriteLengthSwitch(w, context, "value", "Matches");
        w.Line($"code = {context.UnknownMember};");
        w.Line("return false;");
        w.CloseBlock();
        w.Line();
        w.DocSummary("Parses a code held as UTF-8 bytes, such as a value read by Utf8JsonReader, exactly and without allocating.");
        w.Line("/// <param name=\"utf8Value\">The UTF-8 bytes of the code string.</param>");
        w.Line("/// <param name=\"code\">The code, or Unknown when the result is false.</param>");
        w.Line("/// <returns>True when the spec knows the code.</returns>");
        w.OpenBlock($"public static bool TryParseUtf8(global::System.ReadOnlySpan<byte> utf8Value, out {code} code)");
        WriteLengthSwitch(w, context, "utf8Value", "MatchesUtf8");
        w.Line($"code = {context.UnknownMember};");
        w.Line("return false;");
        w.CloseBlock();
        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.OpenBlock("private static bool Matches(global::System.ReadOnlySpan<char> value, string candidate)");
        w.Line("return global::System.MemoryExtensions.SequenceEqual(value, global::System.MemoryExtensions.AsSpan(candidate));");
        w.CloseBlock();
        w.Line();
        w.Line("// Codes are ASCII ([A-Z0-9_]), so byte i of a match equals char i; a byte of a multi-byte UTF-8");
        w.Line("// sequence is 0x80 or above and never does. The caller has already matched the length.");
        w.OpenBlock("private static bool MatchesUtf8(global::System.ReadOnlySpan<byte> value, string candidate)");
        w.OpenBlock("for (var i = 0; i < candidate.Length; i++)");
        w.OpenBlock("if (value[i] != candidate[i])");
        w.Line("return false;");
        w.CloseBlock();
        w.CloseBlock();
        w.Line();
        w.Line("return true;");
        w.CloseBlock();
        w.Unindent();
        w.Line("}");
    });

    /// <summary>Dispatches on length first, so at most a handful of same-length candidates are compared.</summary>
    private static void WriteLengthSwitch(CodeWriter w, EmitContext context, string value, string matcher)
    {
        if (context.Spec.Codes.Count == 0)
        {
            return;
        }

        w.OpenBlock($"switch ({value}.Length)");
        foreach (var group in SwitchWriter.ByLength(context))
        {
            w.Line($"case {group.Key}:");
            w.Indent();
            foreach (var item in group)
            {
                w.OpenBlock($"if ({matcher}({value}, {CSharpLiteral.String(item.ApiCode)}))");
                w.Line($"code = {context.Member(item)};");
                w.Line("return true;");
                w.CloseBlock();
                w.Line();
            }

            w.Line("break;");
            w.Unindent();
        }

        w.CloseBlock();
        w.Line();
    }
}
