using System.IO;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Docs;

/// <summary>docs/generated-api.md links every file generated for the shipped spec, so a new file cannot go undocumented.</summary>
public class GeneratedApiDocsTests
{
    [Fact]
    public void ReferencePageLinksEveryGeneratedFile()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "generated-api.md"));
        var generated = GeneratorRunner.RunOnShippedSpec().Sources.Keys
            .Select(hint => "Snapshots/Shipped." + hint.Replace(".g.cs", string.Empty) + ".verified.cs")
            .ToList();

        Assert.NotEmpty(generated);
        Assert.All(generated, link => Assert.Contains(link, page, System.StringComparison.Ordinal));
    }
}
