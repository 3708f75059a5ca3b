using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>A realistic consumer compilation: several files of ordinary methods, net8.0 references.</summary>
internal static class UserCode
{
    public static CSharpCompilation Compilation(int methods)
    {
        var trees = Enumerable.Range(0, 10).Select(file =>
        {
            var source = new StringBuilder("namespace Consumer;\npublic class Service").Append(file).Append("\n{\n");
            for (var i = 0; i < methods / 10; i++)
            {
                source.Append("    public int Method").Append(i).Append("(int value)\n    {\n        var total = 0;\n        for (var j = 0; j < value; j++) { total += j * ").Append(i).Append("; }\n        return total;\n    }\n");
            }

            return CSharpSyntaxTree.ParseText(source.Append("}\n").ToString(), new CSharpParseOptions(LanguageVersion.Latest), path: $"/p/Service{file}.cs");
        });

        return CSharpCompilation.Create("Consumer", trees, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    public static CSharpCompilation WithEditedFile(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees.First();
        var edited = tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n"));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }
}
