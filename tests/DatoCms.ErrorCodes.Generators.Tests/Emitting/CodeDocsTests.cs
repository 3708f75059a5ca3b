using System.Text.RegularExpressions;
using DatoCms.ErrorCodes.Generators.Model;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Emitting;

/// <summary>A hover on a code shows its summary once: the remarks go on where the summary stops.</summary>
public class CodeDocsTests
{
    [Fact]
    public void EnumMemberAndExceptionDocsSayTheSummaryOnce()
    {
        var page = "###### `A_CODE`\n\nThe first sentence. The second sentence.\n\n###### `B_CODE`\n\nOnly one sentence.\n\n###### `C_CODE`\n\nThe page's first sentence. More.\n\n";
        var overlay = SmallSpec.Limits + "codes:\n  A_CODE: none\n  B_CODE: none\n  C_CODE: { retry: none, summary: \"Our own words.\" }\n";

        var run = GeneratorRunner.Run(page, overlay);

        foreach (var file in new[] { GeneratedNames.ErrorCode, GeneratedNames.CodeExceptionsFile })
        {
            var source = run.Sources[GeneratedNames.HintName(file)];
            Assert.Single(Regex.Matches(source, "The first sentence\\."));
            Assert.Contains("/// <para>The second sentence.</para>", source);
            Assert.Single(Regex.Matches(source, "Only one sentence\\."));
            Assert.Contains("/// Our own words.", source);
            Assert.Contains("/// <para>The page's first sentence. More.</para>", source);
        }

        Assert.Empty(run.CompilationProblems);
    }
}
