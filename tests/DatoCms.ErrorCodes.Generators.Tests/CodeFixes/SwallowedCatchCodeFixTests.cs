using System.Threading.Tasks;
using DatoCms.ErrorCodes.CodeFixes;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.CodeFixes;

/// <summary>DATO002 fixes, compared with the exact code a user gets.</summary>
public class SwallowedCatchCodeFixTests
{
    private static string Source(string catchClause) => @"using System;
using DatoCms.ErrorCodes;

internal static class Caller
{
    public static int? Call(Func<int> call)
    {
        try
        {
            return call();
        }
        " + catchClause + @"
        return null;
    }
}
";

    [Fact]
    public Task FilterIsAdded() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Source("[|catch (DatoCmsApiException ex)|]\n        {\n            Console.WriteLine(ex.Message);\n        }"),
        Source("catch (DatoCmsApiException ex) when (!ex.IsTransient)\n        {\n            Console.WriteLine(ex.Message);\n        }"));

    [Fact]
    public Task FilterNamesTheVariableWhenThereIsNone() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.FilterKey,
        Source("[|catch (DatoCmsApiException)|]\n        {\n        }"),
        Source("catch (DatoCmsApiException ex) when (!ex.IsTransient)\n        {\n        }"));

    [Fact]
    public Task RethrowIsInsertedFirst() => CodeFixVerifier.VerifyAsync(
        new SwallowedTransientCatchAnalyzer(), new SwallowedCatchCodeFix(), "DATO002", SwallowedCatchCodeFix.RethrowKey,
        Source("[|catch (DatoCmsApiException ex)|]\n        {\n            Console.WriteLine(ex.Message);\n        }"),
        Source("catch (DatoCmsApiException ex)\n        {\n            if (ex.IsTransient)\n                throw;\n            Console.WriteLine(ex.Message);\n        }"));
}
