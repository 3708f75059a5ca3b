using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers;

/// <summary>
/// The sample's DiagnosticsShowcase.cs (built with -p:ShowDiagnostics=true) must show each usage
/// rule exactly once, so the README's promise holds as the rules evolve.
/// </summary>
public class SampleShowcaseTests
{
    // The sample has ImplicitUsings; an in-memory compilation needs them spelled out.
    private const string ImplicitUsings = "global using System; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    [Fact]
    public async Task ShowcaseTriggersEveryUsageRuleOnce()
    {
        var path = Path.Combine(RepositoryFiles.Root, "samples", "DatoCms.ErrorCodes.Sample", "DiagnosticsShowcase.cs");
        var compilation = AnalyzerVerifier.Compile(File.ReadAllText(path), extraReferences: PollyReferences.All, spec: ApiSpec.Shipped)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(ImplicitUsings, new CSharpParseOptions(LanguageVersion.Latest), path: "/project/Usings.cs"));
        var analyzers = typeof(TransientSwitchAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Equal(
            new[] { ("DATO001", 13), ("DATO002", 32), ("DATO003", 40), ("DATO004", 54), ("DATO005", 63), ("DATO006", 66) },
            diagnostics
                .Where(d => d.Id.StartsWith("DATO0", StringComparison.Ordinal))
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1)));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.All(diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Descriptor.HelpLinkUri), d.GetMessage(CultureInfo.InvariantCulture)));
    }
}
