using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers;

/// <summary>
/// The shortcuts the analyzers take for speed give the answers the slow way would: the generated
/// members' codes and transience read from syntax equal their bound attributes, and the text search
/// for ApiCode/ToApiString finds exactly the identifier tokens a token walk finds.
/// </summary>
public class AnalyzerLookupTests
{
    private static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

    [Fact]
    public void GeneratedMembersReadFromSyntaxEqualTheirBoundAttributes()
    {
        var compilation = GeneratorRunner.RunOnShippedSpec().OutputCompilation;
        var symbols = DatoCmsSymbols.TryCreate(compilation, NoOptions)!;

        var errorCode = compilation.GetTypeByMetadataName("DatoCms.ErrorCodes.DatoCmsErrorCode")!;
        var enumMember = compilation.GetTypeByMetadataName("System.Runtime.Serialization.EnumMemberAttribute");
        var transient = compilation.GetTypeByMetadataName("DatoCms.ErrorCodes.DatoCmsTransientAttribute");
        var bound = errorCode.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
        var boundCodes = bound
            .Select(f => (Code: f.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, enumMember))
                .SelectMany(a => a.NamedArguments).Where(n => n.Key == "Value").Select(n => n.Value.Value as string).FirstOrDefault(), Member: f.Name))
            .Where(p => p.Code is not null)
            .ToList();
        var boundTransient = bound.Where(f => f.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, transient))).Select(f => f.Name).ToList();

        Assert.True(boundCodes.Count > 50);
        Assert.NotEmpty(boundTransient);
        Assert.Equal(boundCodes, symbols.ApiCodes.Select(p => ((string?)p.ApiCode, p.Member.Name)).ToList());
        Assert.Equal(boundTransient, symbols.TransientCodes.Select(f => f.Name).ToList());
    }

    [Fact]
    public void AttributesWrittenAnyOtherWayAreBound()
    {
        // A hand-written enum through an alias: only binding can tell what EM and T are.
        const string Source = @"
using EM = System.Runtime.Serialization.EnumMemberAttribute;
using T = DatoCms.ErrorCodes.DatoCmsTransientAttribute;
namespace DatoCms.ErrorCodes
{
    [System.AttributeUsage(System.AttributeTargets.Field)]
    internal sealed class DatoCmsTransientAttribute : System.Attribute { }

    internal enum DatoCmsErrorCode
    {
        Unknown = 0,
        [EM(Value = ""ITEM_LOCKED"")] [T] ItemLocked = 1,
        [System.Runtime.Serialization.EnumMember(Value = ""NOT_FOUND"")] NotFound = 2,
    }
}";
        var compilation = GeneratorRunner.CreateCompilation(Source);
        var symbols = DatoCmsSymbols.TryCreate(compilation, NoOptions)!;

        Assert.Equal(new[] { ("ITEM_LOCKED", "ItemLocked"), ("NOT_FOUND", "NotFound") }, symbols.ApiCodes.Select(p => (p.ApiCode, p.Member.Name)).ToArray());
        Assert.Equal(new[] { "ItemLocked" }, symbols.TransientCodes.Select(f => f.Name).ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TextSearchFindsTheIdentifierTokensATokenWalkFinds(bool withUnicodeEscape)
    {
        var source = new StringBuilder("class C\n{\n");
        for (var i = 0; i < 400; i++)
        {
            // Names in comments, strings, longer identifiers and verbatim identifiers, spread over
            // several of the search's chunks so that some straddle a chunk boundary.
            source.Append(' ', i % 13).Append("bool M").Append(i).Append("(E ex) => ex.ApiCode == \"ApiCode\" || ex.ApiCodes == null || ex.@ToApiString() == null; // ApiCode\n");
        }

        if (withUnicodeEscape)
        {
            source.Append("bool Escaped(E ex) => ex.Api\\u0043ode == null;\n");
        }

        var tree = CSharpSyntaxTree.ParseText(source.Append("}\n").ToString());
        var names = new[] { "ApiCode", "ToApiString" };
        var expected = tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && names.Contains(t.ValueText)).Select(t => t.SpanStart).ToList();
        var positions = NamePositions.Of(tree, names, default);

        Assert.Equal(800 + (withUnicodeEscape ? 1 : 0), expected.Count);
        var found = new List<int>();
        var text = tree.GetText();
        for (var start = 0; start < text.Length; start++)
        {
            if (positions.AnyWithin(new TextSpan(start, 1)))
            {
                found.Add(start);
            }
        }

        Assert.Equal(expected, found);
        Assert.False(positions.AnyWithin(new TextSpan(0, 10)));
        Assert.True(positions.AnyWithin(new TextSpan(0, text.Length)));
    }

    [Fact]
    public void NamespacesComparedPartByPartAgreeWithTheirDisplayedNames()
    {
        // Every namespace the shipped consumer sees (its own, the framework's): the part-by-part
        // comparison the rules use instead of ToDisplayString gives the same answers.
        var compilation = GeneratorRunner.RunOnShippedSpec().OutputCompilation;
        var namespaces = new List<INamespaceSymbol>();
        void Collect(INamespaceSymbol ns)
        {
            namespaces.Add(ns);
            foreach (var inner in ns.GetNamespaceMembers())
            {
                Collect(inner);
            }
        }

        Collect(compilation.GlobalNamespace);
        Assert.True(namespaces.Count > 100);
        var names = new[] { "System", "Polly", "Polly.Retry", "Polly.Hedging", "System.Threading", "System.Threading.Tasks", "DatoCms.ErrorCodes", "Threading", "Tasks" };
        foreach (var ns in namespaces)
        {
            var displayed = ns.ToDisplayString();
            foreach (var name in names)
            {
                Assert.Equal(!ns.IsGlobalNamespace && displayed == name, NamespaceNames.Is(ns, name));
            }

            Assert.Equal(ns.IsGlobalNamespace ? string.Empty : displayed.Split('.')[0], NamespaceNames.Outermost(ns));
        }

        Assert.False(NamespaceNames.Is(null, "System"));
    }
}
