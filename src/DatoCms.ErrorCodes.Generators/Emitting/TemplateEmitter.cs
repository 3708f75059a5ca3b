using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Emits the parts of the runtime that do not depend on the codes (error-body reading, the HTTP
/// extensions, the retry handler). They live as C# files embedded in this assembly that also
/// compile on their own (project DatoCms.ErrorCodes.Runtime.Templates), so they read, diff and
/// get analysed like code. Only whole lines of a known shape are touched, so nothing inside a
/// member (a string literal, a comment) can be hit: the namespace line is replaced, and each
/// top-level type declaration gets the consumer's accessibility and a <c>[GeneratedCode]</c>
/// line above it. The attribute is added here rather than written in the template because in
/// the template project it would mark the types as generated code, which every CA rule skips.
/// </summary>
internal static class TemplateEmitter
{
    /// <summary>The namespace every template is written in; the file's first line, exactly.</summary>
    public const string TemplateNamespaceLine = "namespace " + Model.GeneratorOptions.DefaultNamespace;

    /// <summary>Ends the declaration line of a helper type that stays internal when the consumer asks for public types.</summary>
    public const string AlwaysInternalMarker = " // always internal";

    /// <summary>A top-level type of the namespace block: one indentation level, then the accessibility.</summary>
    private const string TopLevelInternal = "    internal ";

    private static readonly Dictionary<string, string[]> Cache = new(StringComparer.Ordinal);

    public static string Emit(EmitContext context, string typeName)
    {
        var lines = Load(typeName);
        var body = new StringBuilder();

        // A template named Type.Part is a further part of a partial type: the first part carries
        // [GeneratedCode], which may appear once per type.
        var isFurtherPart = IsFurtherPart(typeName);

        // Lines 0 and 1 are the namespace line and its brace, the last one closes it (checked by Load).
        for (var i = 2; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            if (line.StartsWith(TopLevelInternal, StringComparison.Ordinal))
            {
                if (!isFurtherPart)
                {
                    body.Append("    ").Append(context.GeneratedCodeAttribute).Append('\n');
                }

                line = line.EndsWith(AlwaysInternalMarker, StringComparison.Ordinal)
                    ? line.Substring(0, line.Length - AlwaysInternalMarker.Length)
                    : "    " + context.Options.Accessibility + " " + line.Substring(TopLevelInternal.Length);
            }

            body.Append(line).Append('\n');
        }

        return GeneratedFile.WriteRaw(context, body.ToString());
    }

    /// <summary>Whether the template is a further part of a partial type (named <c>Type.Part</c>), whose first part carries <c>[GeneratedCode]</c>.</summary>
    internal static bool IsFurtherPart(string typeName) => typeName.IndexOf('.') >= 0;

    /// <summary>The template's lines, '\n'-separated whatever the checkout's line endings, without the trailing empty line.</summary>
    internal static string[] Load(string typeName)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(typeName, out var lines))
            {
                using var stream = typeof(TemplateEmitter).Assembly.GetManifestResourceStream("Templates." + typeName + ".cs")
                    ?? throw new InvalidOperationException("Missing template " + typeName);
                using var reader = new StreamReader(stream);
                lines = Split(typeName, reader.ReadToEnd());
                Cache.Add(typeName, lines);
            }

            return lines;
        }
    }

    /// <summary>Splits a template into lines and checks that it is one block-scoped namespace, which <see cref="Emit"/> relies on.</summary>
    internal static string[] Split(string typeName, string text)
    {
        var lines = text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        if (lines.Length < 3 || lines[0] != TemplateNamespaceLine || lines[1] != "{" || lines[lines.Length - 1] != "}")
        {
            throw new InvalidOperationException($"Template {typeName} must start with the lines '{TemplateNamespaceLine}' and '{{' and end with '}}'");
        }

        return lines;
    }
}
