using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DatoCms.ErrorCodes.Generators.Model;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Emits the parsing half of <c>DatoCmsErrorCodes</c>: exact, ordinal and allocation-free.
/// Strings use the compiler's string switch. Spans and UTF-8 bytes switch on the length and call
/// that length's own small method, which switches on the few positions that tell its codes apart
/// (<see cref="DiscriminationTree{T}"/>) and compares once with the one candidate left: against a
/// UTF-8 literal from C# 11, against a constant byte array (which the compiler turns into a span
/// over the assembly's data, without allocating) before it, a constant the JIT can unroll. One
/// method per length keeps each small: a single method with a comparison per code measured three
/// times slower, and one with a single shared comparison (whose length the JIT cannot know) 20 % slower.
/// </summary>
internal static class ParsingEmitter
{
    public const string HintName = GeneratedNames.ErrorCodes + ".Parsing.g.cs";

    public static string Emit(EmitContext context) => GeneratedFile.Write(context, w =>
    {
        // Written inside the generated namespace, so its own types need no qualification.
        var code = GeneratedNames.ErrorCode;
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
            w.Line($"code = {Member(item)};");
            w.Line("return true;");
            w.Unindent();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"code = {Unknown};");
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
        var charHelpers = WriteLengthDispatch(w, context, "TryParseLength", "value", apiCode => apiCode.Select(c => (int)c).ToArray());
        w.CloseBlock();
        w.Line();
        w.DocSummary("Parses a code held as UTF-8 bytes, such as a value read by Utf8JsonReader, exactly and without allocating.");
        w.Line("/// <param name=\"utf8Value\">The UTF-8 bytes of the code string.</param>");
        w.Line("/// <param name=\"code\">The code, or Unknown when the result is false.</param>");
        w.Line("/// <returns>True when the spec knows the code.</returns>");
        w.OpenBlock($"public static bool TryParseUtf8(global::System.ReadOnlySpan<byte> utf8Value, out {code} code)");
        var utf8Helpers = WriteLengthDispatch(w, context, "TryParseUtf8Length", "utf8Value", apiCode => Encoding.UTF8.GetBytes(apiCode).Select(b => (int)b).ToArray());
        w.CloseBlock();
        WriteLengthMethods(w, "TryParseLength", "global::System.ReadOnlySpan<char>", "value", charHelpers, CharLabel, apiCode => $"Matches(value, {CSharpLiteral.String(apiCode)})");
        WriteLengthMethods(w, "TryParseUtf8Length", "global::System.ReadOnlySpan<byte>", "utf8Value", utf8Helpers, ByteLabel, apiCode => "global::System.MemoryExtensions.SequenceEqual(utf8Value, " + Utf8Bytes(context, apiCode) + ")");
        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.OpenBlock("private static bool Matches(global::System.ReadOnlySpan<char> value, string candidate)");
        w.Line("return global::System.MemoryExtensions.SequenceEqual(value, global::System.MemoryExtensions.AsSpan(candidate));");
        w.CloseBlock();
        w.Unindent();
        w.Line("}");
    });

    private const string Unknown = GeneratedNames.ErrorCode + ".Unknown";

    private static string Member(ErrorCodeModel code) => GeneratedNames.ErrorCode + "." + code.MemberName;

    /// <summary>The body of a public span parser: a switch on the length that calls the method of that length.</summary>
    private static List<IGrouping<int, (int[] Key, ErrorCodeModel Value)>> WriteLengthDispatch(CodeWriter w, EmitContext context, string methodPrefix, string value, System.Func<string, int[]> key)
    {
        var byLength = ByLength(context, key);
        if (byLength.Count > 0)
        {
            w.OpenBlock($"switch ({value}.Length)");
            foreach (var group in byLength)
            {
                w.Line($"case {group.Key}:");
                w.Indent();
                w.Line($"return {methodPrefix}{group.Key}({value}, out code);");
                w.Unindent();
            }

            w.CloseBlock();
            w.Line();
        }

        w.Line($"code = {Unknown};");
        w.Line("return false;");
        return byLength;
    }

    /// <summary>One method per length: the discrimination tree of its codes, then unknown.</summary>
    private static void WriteLengthMethods(
        CodeWriter w,
        string methodPrefix,
        string spanType,
        string value,
        List<IGrouping<int, (int[] Key, ErrorCodeModel Value)>> byLength,
        System.Func<int, string> label,
        System.Func<string, string> comparison)
    {
        foreach (var group in byLength)
        {
            w.Line();
            w.OpenBlock($"private static bool {methodPrefix}{group.Key}({spanType} {value}, out {GeneratedNames.ErrorCode} code)");
            WriteComparingTree(w, DiscriminationTree<ErrorCodeModel>.Build(group.ToList()), value, label, comparison);
            w.Line();
            w.Line($"code = {Unknown};");
            w.Line("return false;");
            w.CloseBlock();
        }
    }

    private static List<IGrouping<int, (int[] Key, ErrorCodeModel Value)>> ByLength(EmitContext context, System.Func<string, int[]> key) =>
        context.Spec.Codes.Select(c => (Key: key(c.ApiCode), Value: c)).GroupBy(k => k.Key.Length).OrderBy(g => g.Key).ToList();

    /// <summary>A leaf compares in full and returns on a match; a branch switches on one more position; a miss falls through.</summary>
    private static void WriteComparingTree(CodeWriter w, DiscriminationTree<ErrorCodeModel> tree, string value, System.Func<int, string> label, System.Func<string, string> comparison)
    {
        if (tree is DiscriminationTree<ErrorCodeModel>.Leaf leaf)
        {
            w.OpenBlock($"if ({comparison(leaf.Value.ApiCode)})");
            w.Line($"code = {Member(leaf.Value)};");
            w.Line("return true;");
            w.CloseBlock();
            return;
        }

        var branch = (DiscriminationTree<ErrorCodeModel>.Branch)tree;
        w.OpenBlock($"switch ({value}[{branch.Position}])");
        foreach (var (element, subtree) in branch.Branches)
        {
            w.Line($"case {label(element)}:");
            w.Indent();
            WriteComparingTree(w, subtree, value, label, comparison);
            w.Line("break;");
            w.Unindent();
        }

        w.CloseBlock();
    }

    /// <summary>
    /// From C# 11 a UTF-8 literal; before, a constant byte array converted to a span, which the
    /// compiler also emits as a span over the assembly's data (no allocation, C# 7.3 included).
    /// </summary>
    private static string Utf8Bytes(EmitContext context, string apiCode) =>
        context.Features.SupportsUtf8Literals
            ? CSharpLiteral.String(apiCode) + "u8"
            : "new byte[] { " + string.Join(", ", Encoding.UTF8.GetBytes(apiCode).Select(b => b.ToString(CultureInfo.InvariantCulture))) + " }";

    private static bool IsPlainAscii(int element) => element is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-' or '.';

    private static string CharLabel(int element) =>
        IsPlainAscii(element) ? "'" + (char)element + "'" : "(char)" + element.ToString(CultureInfo.InvariantCulture);

    private static string ByteLabel(int element) =>
        IsPlainAscii(element) ? "(byte)'" + (char)element + "'" : element.ToString(CultureInfo.InvariantCulture);
}
