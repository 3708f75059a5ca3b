using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Emitting;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.Generators.Tests.Emitting;

/// <summary>
/// The runtime templates are complete C# files (compiled as they are by
/// src/DatoCms.ErrorCodes.Runtime.Templates) in the one shape <see cref="TemplateEmitter"/>
/// rewrites by whole lines; and the emitter's rewriting gives each consumer its namespace,
/// accessibility and <c>[GeneratedCode]</c>, leaving the helper types internal.
/// </summary>
public class TemplateFormTests
{
    private const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";

    private static readonly string TemplatesDirectory = Path.Combine(RepositoryFiles.Root, "src", "DatoCms.ErrorCodes.Generators", "Emitting", "Templates");

    public static TheoryData<string> TemplateNames => new(Templates());

    private static IEnumerable<string> Templates() =>
        Directory.GetFiles(TemplatesDirectory, "*.cs").Select(path => Path.GetFileNameWithoutExtension(path)).OrderBy(name => name, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void TemplateIsOneBlockScopedNamespaceOfTheDefaultName(string template)
    {
        var text = File.ReadAllText(Path.Combine(TemplatesDirectory, template + ".cs"));
        var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp8)).GetRoot();

        Assert.Empty(unit.GetDiagnostics());
        Assert.Empty(unit.Usings);
        Assert.Empty(unit.AttributeLists);
        var ns = Assert.IsType<NamespaceDeclarationSyntax>(Assert.Single(unit.Members));
        Assert.Equal("DatoCms.ErrorCodes", ns.Name.ToString());
        Assert.Empty(ns.Usings);
        Assert.NotEmpty(ns.Members);

        // What the emitter reads as the namespace and its braces: the first two lines and the last.
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        Assert.Equal(new[] { "namespace DatoCms.ErrorCodes", "{" }, lines.Take(2));
        Assert.Equal("}", lines[^1]);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void TopLevelTypesAreDeclaredOnTheLinesTheEmitterRewrites(string template)
    {
        var text = File.ReadAllText(Path.Combine(TemplatesDirectory, template + ".cs")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var tree = CSharpSyntaxTree.ParseText(text);
        var ns = (BaseNamespaceDeclarationSyntax)((CompilationUnitSyntax)tree.GetRoot()).Members.Single();

        var declarationLines = ns.Members.Select(member =>
        {
            Assert.IsAssignableFrom<BaseTypeDeclarationSyntax>(member);
            Assert.Equal(new[] { "internal" }, member.Modifiers.Where(m => SyntaxFacts.IsAccessibilityModifier(m.Kind())).Select(m => m.Text));
            Assert.DoesNotContain(member.AttributeLists.SelectMany(l => l.Attributes), a => a.Name.ToString().Contains("GeneratedCode", StringComparison.Ordinal));
            return tree.GetLineSpan(member.Modifiers.First(m => m.IsKind(SyntaxKind.InternalKeyword)).Span).StartLinePosition.Line;
        });
        var rewrittenLines = text.Split('\n').Select((line, index) => (line, index)).Where(l => l.line.StartsWith("    internal ", StringComparison.Ordinal)).Select(l => l.index);

        Assert.Equal(declarationLines, rewrittenLines);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void TemplateHasNoPlaceholdersAndNoSameNamespaceQualification(string template)
    {
        var text = File.ReadAllText(Path.Combine(TemplatesDirectory, template + ".cs"));

        Assert.DoesNotContain("$access$", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$generated$", text, StringComparison.Ordinal);
        Assert.DoesNotContain(GeneratedCodeAttribute, text, StringComparison.Ordinal);
        Assert.DoesNotContain("global::DatoCms.ErrorCodes.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HelperTypesAreMarkedToStayInternal()
    {
        var marked = Directory.GetFiles(TemplatesDirectory, "*.cs").SelectMany(File.ReadAllLines).Where(line => line.EndsWith(TemplateEmitter.AlwaysInternalMarker, StringComparison.Ordinal)).ToList();

        Assert.Contains(marked, line => line.Contains("class DatoCmsErrorBodyReader", StringComparison.Ordinal));
        Assert.Contains(marked, line => line.Contains("class DatoCmsRateLimiter", StringComparison.Ordinal));
        Assert.DoesNotContain(marked, line => line.Contains("class DatoCmsApiException", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryTemplateIsEmitted()
    {
        // With StackExchange.Redis, System.Threading.RateLimiting and logging referenced, so the Redis templates are emitted too.
        var hintNames = RedisGeneratorRuns.Run(redisMajorVersion: 3, rateLimiting: true, logging: true).Sources.Keys;

        Assert.All(Templates(), template => Assert.Contains(template + ".g.cs", hintNames));
    }

    [Theory]
    [InlineData(false, "DatoCms.ErrorCodes")]
    [InlineData(true, "Acme.Errors")]
    public void EmittingGivesTheConsumersNamespaceAccessibilityAndGeneratedCode(bool isPublic, string ns)
    {
        var run = RedisGeneratorRuns.Run(redisMajorVersion: 3, rateLimiting: true, logging: true, globalOptions: new Dictionary<string, string>
        {
            ["build_property.DatoCmsErrorCodesPublic"] = isPublic ? "true" : "false",
            ["build_property.DatoCmsErrorCodesNamespace"] = ns,
        });
        Assert.Empty(run.CompilationProblems);

        foreach (var template in Templates())
        {
            var alwaysInternal = File.ReadAllLines(Path.Combine(TemplatesDirectory, template + ".cs"))
                .Where(line => line.StartsWith("    internal ", StringComparison.Ordinal) && line.EndsWith(TemplateEmitter.AlwaysInternalMarker, StringComparison.Ordinal))
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(word => word is not ("class" or "struct" or "interface" or "enum" or "record")).ElementAt(1))
                .ToHashSet(StringComparer.Ordinal);
            var source = run.Sources[template + ".g.cs"];
            var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source).GetRoot();
            var declaration = Assert.IsType<NamespaceDeclarationSyntax>(Assert.Single(unit.Members));
            Assert.Equal(ns, declaration.Name.ToString());
            Assert.StartsWith("// <auto-generated/>\n", source, StringComparison.Ordinal);
            Assert.DoesNotContain(TemplateEmitter.AlwaysInternalMarker.Trim(), source, StringComparison.Ordinal);

            foreach (var type in declaration.Members.Cast<BaseTypeDeclarationSyntax>())
            {
                var expected = isPublic && !alwaysInternal.Contains(type.Identifier.Text) ? "public" : "internal";
                Assert.Equal(new[] { expected }, type.Modifiers.Where(m => SyntaxFacts.IsAccessibilityModifier(m.Kind())).Select(m => m.Text));
                if (TemplateEmitter.IsFurtherPart(template))
                {
                    // A further part of a partial type: its first part carries the attribute, which may appear once.
                    Assert.Empty(type.AttributeLists);
                    continue;
                }

                var attribute = Assert.Single(type.AttributeLists.SelectMany(l => l.Attributes));
                Assert.Equal(GeneratedCodeAttribute, attribute.Name.ToString());
                Assert.Equal($"(\"{EmitContext.ToolName}\", \"{typeof(DatoCmsErrorCodesGenerator).Assembly.GetName().Version}\")", attribute.ArgumentList!.ToString());
            }

            if (ns != "DatoCms.ErrorCodes")
            {
                // The meter and activity source keep their documented name ("DatoCms.ErrorCodes") in any namespace.
                var withoutProductNames = source
                    .Replace("DatoCms.ErrorCodes.Generators", string.Empty, StringComparison.Ordinal)
                    .Replace("MeterName = \"DatoCms.ErrorCodes\"", string.Empty, StringComparison.Ordinal);
                Assert.DoesNotContain("DatoCms.ErrorCodes", withoutProductNames, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("    internal sealed class A\n    {\n    }\n")]
    [InlineData("namespace DatoCms.ErrorCodes;\n\ninternal sealed class A\n{\n}\n")]
    [InlineData("namespace Other\n{\n    internal sealed class A\n    {\n    }\n}\n")]
    [InlineData("namespace DatoCms.ErrorCodes\n{\n    internal sealed class A\n    {\n    }\n")]
    public void TemplatesOfAnotherShapeAreRejected(string text) =>
        Assert.Throws<InvalidOperationException>(() => TemplateEmitter.Split("A", text));

    [Fact]
    public void LineEndingsOfTheCheckoutDoNotMatter() =>
        Assert.Equal(
            TemplateEmitter.Split("A", "namespace DatoCms.ErrorCodes\n{\n    internal sealed class A\n    {\n    }\n}\n"),
            TemplateEmitter.Split("A", "namespace DatoCms.ErrorCodes\r\n{\r\n    internal sealed class A\r\n    {\r\n    }\r\n}\r\n"));
}
