using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>
/// A large consumer of the generated API: every method catches API errors, switches over codes,
/// compares strings or retries in a loop (half of them compliant, half not), so every analyzer
/// has work on every method.
/// </summary>
internal static class SyntheticConsumer
{
    public static string[] Files(int methods, int files = 20)
    {
        var perFile = methods / files;
        return Enumerable.Range(0, files).Select(file =>
        {
            var source = new StringBuilder("using System;\nusing System.Threading.Tasks;\nusing DatoCms.ErrorCodes;\nnamespace Consumer;\ninternal sealed class Service").Append(file).Append("\n{\n");
            for (var i = 0; i < perFile; i++)
            {
                source.Append(Method(i));
            }

            return source.Append("}\n").ToString();
        }).ToArray();
    }

    private static string Method(int i) => (i % 4) switch
    {
        0 => $$"""
                public string Describe{{i}}(DatoCmsApiException ex)
                {
                    switch (ex.Code)
                    {
                        case DatoCmsErrorCode.InvalidField: return "field";
                        case DatoCmsErrorCode.NotFound: return "gone";
                        default: {{(i % 8 == 0 ? "throw ex;" : "return \"other\";")}}
                    }
                }

            """,
        1 => $$"""
                public async Task Save{{i}}(Func<Task> send)
                {
                    try { await send(); }
                    catch (DatoCmsApiException ex){{(i % 8 == 1 ? " when (!ex.IsTransient)" : string.Empty)}}
                    {
                        Console.WriteLine(ex.Message);
                    }
                }

            """,
        2 => $$"""
                public async Task<int> Retry{{i}}(Func<Task<int>> send)
                {
                    for (var attempt = 0; ; attempt++)
                    {
                        try { return await send(); }
                        catch (DatoCmsTransientApiException ex) when (attempt < 5)
                        {
                            {{(i % 8 == 2 ? "await Task.Delay(ex.RateLimitReset ?? TimeSpan.FromSeconds(1));" : "Console.WriteLine(attempt);")}}
                        }
                    }
                }

            """,
        _ => $$"""
                public bool Check{{i}}(DatoCmsApiException ex, int value)
                {
                    var total = 0;
                    for (var j = 0; j < value; j++) { total += j * {{i}}; }
                    return total > 0 && (ex.ApiCode == "{{(i % 8 == 3 ? "ITEM_LOCKED" : "ITEM_LOKED")}}" || ex.Code == DatoCmsErrorCode.ItemLocked);
                }

            """,
    };

    public static CSharpCompilation Compilation(int methods, IEnumerable<SyntaxTree> generated) =>
        CSharpCompilation.Create(
            "Consumer",
            Files(methods).Select((text, n) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: $"/p/Service{n}.cs")).Concat(generated),
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
