using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Emits the parts of the runtime that do not depend on the codes (error-body reading, the HTTP
/// extensions, the retry handler). They live as C# files embedded in this assembly, so they read
/// and diff like code; only the namespace, the accessibility and the tool version are filled in.
/// </summary>
internal static class TemplateEmitter
{
    private const string Namespace = "global::DatoCms.ErrorCodes.";
    private static readonly Dictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Emit(EmitContext context, string typeName)
    {
        var body = Load(typeName)
            .Replace("$access$", context.Options.Accessibility)
            .Replace("$generated$", context.GeneratedCodeAttribute)
            .Replace(Namespace, "global::" + context.Options.Namespace + ".");
        return GeneratedFile.WriteRaw(context, body);
    }

    private static string Load(string typeName)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(typeName, out var text))
            {
                using var stream = typeof(TemplateEmitter).Assembly.GetManifestResourceStream("Templates." + typeName + ".cs")
                    ?? throw new InvalidOperationException("Missing template " + typeName);
                using var reader = new StreamReader(stream);

                // Templates are stored with whatever line endings the checkout has; output is '\n' only.
                text = reader.ReadToEnd().Replace("\r\n", "\n");
                Cache.Add(typeName, text);
            }

            return text;
        }
    }
}
