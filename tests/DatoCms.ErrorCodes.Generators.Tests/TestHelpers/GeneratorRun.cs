using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>The result of one generator run: sources by hint name, generator diagnostics, the final compilation.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation InputCompilation,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>Warnings and errors of the compilation that includes the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Generator diagnostics as "ID line: message" strings, easy to assert on.</summary>
    public IReadOnlyList<string> DiagnosticLines =>
        Diagnostics.Select(d => $"{d.Id} {(d.Location == Location.None ? "-" : (d.Location.GetLineSpan().StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").ToList();
}
