using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using DatoCms.ErrorCodes.Generators.Emitting;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.Emitting;

/// <summary>
/// The span and UTF-8 parsers, compiled for each language version that gets a different form
/// (UTF-8 literals from C# 11, constant byte arrays before, down to C# 7.3) and run: every code
/// of the shipped spec parses to what the string parser says, every near miss fails, and no
/// lookup allocates.
/// </summary>
public class ParsingEmitterTests
{
    private const string Probe = @"
#pragma warning disable CS1591 // a test probe
namespace DatoCms.ErrorCodes
{
    public static class ParsingProbe
    {
        public static int Utf8(byte[] bytes) { DatoCmsErrorCode code; return DatoCmsErrorCodes.TryParseUtf8(bytes, out code) ? (int)code : -(int)code - 1; }
        public static int Chars(string text) { DatoCmsErrorCode code; return DatoCmsErrorCodes.TryParse(System.MemoryExtensions.AsSpan(text), out code) ? (int)code : -(int)code - 1; }
        public static int String(string text) { DatoCmsErrorCode code; return DatoCmsErrorCodes.TryParse(text, out code) ? (int)code : -(int)code - 1; }
        public static string[] Codes() { var codes = new System.Collections.Generic.List<string>(); foreach (var code in DatoCmsErrorCodes.All) codes.Add(code.ToApiString()); return codes.ToArray(); }
        public static long AllocatedBytes(byte[][] inputs, string[] texts)
        {
            DatoCmsErrorCode code;
            for (var i = 0; i < inputs.Length; i++) { DatoCmsErrorCodes.TryParseUtf8(inputs[i], out code); DatoCmsErrorCodes.TryParse(System.MemoryExtensions.AsSpan(texts[i]), out code); }
            var before = System.GC.GetAllocatedBytesForCurrentThread();
            for (var round = 0; round < 100; round++)
            {
                for (var i = 0; i < inputs.Length; i++) { DatoCmsErrorCodes.TryParseUtf8(inputs[i], out code); DatoCmsErrorCodes.TryParse(System.MemoryExtensions.AsSpan(texts[i]), out code); }
            }

            return System.GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}";

    public static TheoryData<LanguageVersion, bool> LanguageVersions => new()
    {
        { LanguageVersion.Latest, true },
        { LanguageVersion.CSharp11, true },
        { LanguageVersion.CSharp10, false },
        { LanguageVersion.CSharp8, false },
        { LanguageVersion.CSharp7_3, false },
    };

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public void EveryCodeParsesAndEveryNearMissFailsWithoutAllocating(LanguageVersion languageVersion, bool utf8Literals)
    {
        var run = GeneratorRunner.RunOnShippedSpec(Probe, ReferenceSet.Net80, languageVersion);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(utf8Literals, run.Sources[ParsingEmitter.HintName].Contains("\"u8)", StringComparison.Ordinal));

        var probe = Load(run.OutputCompilation);
        int Call(string method, object argument) => (int)probe.GetMethod(method)!.Invoke(null, new[] { argument })!;

        // Every code of the spec: the page's and those only the overlay defines.
        var codes = ((string[])probe.GetMethod("Codes")!.Invoke(null, null)!).ToList();
        Assert.Superset(new HashSet<string>(ApiCodes()), new HashSet<string>(codes));
        foreach (var apiCode in codes)
        {
            var expected = Call("String", apiCode);
            Assert.True(expected > 0, apiCode);
            Assert.Equal(expected, Call("Utf8", Encoding.UTF8.GetBytes(apiCode)));
            Assert.Equal(expected, Call("Chars", apiCode));
        }

        var misses = NearMisses(codes).ToList();
        foreach (var miss in misses)
        {
            Assert.Equal(-1, Call("String", miss));
            Assert.True(Call("Utf8", Encoding.UTF8.GetBytes(miss)) == -1, miss);
            Assert.True(Call("Chars", miss) == -1, miss);
        }

        // The least of three measurements: an allocation of the parser's would show in every one,
        // while the runtime's own work on the thread can show in one (7,168 bytes once, in a CI run
        // of the whole suite on two busy cores).
        var texts = codes.Concat(misses).ToArray();
        var inputs = texts.Select(Encoding.UTF8.GetBytes).ToArray();
        var allocated = Enumerable.Range(0, 3).Min(_ => (long)probe.GetMethod("AllocatedBytes")!.Invoke(null, new object[] { inputs, texts })!);
        Assert.Equal(0L, allocated);
    }

    [Fact]
    public void BytesAboveAsciiNeverMatch()
    {
        var run = GeneratorRunner.RunOnShippedSpec(Probe, ReferenceSet.Net80, LanguageVersion.CSharp10);
        var probe = Load(run.OutputCompilation);

        foreach (var apiCode in ApiCodes())
        {
            for (var i = 0; i < apiCode.Length; i++)
            {
                var bytes = Encoding.UTF8.GetBytes(apiCode);
                bytes[i] |= 0x80;
                Assert.Equal(-1, (int)probe.GetMethod("Utf8")!.Invoke(null, new object[] { bytes })!);
            }
        }
    }

    [Fact]
    public void TheShippedSpecIsDecidedWithinAFewByteSwitches()
    {
        // The page's 98 codes, many sharing long prefixes (INVALID_..., CANNOT_...): a handful of switches
        // before the one full comparison, never a scan over the same-length candidates.
        var depths = ApiCodes()
            .GroupBy(c => c.Length)
            .Select(g => DiscriminationTree<string>.Build(g.Select(c => (Encoding.UTF8.GetBytes(c).Select(b => (int)b).ToArray(), c)).ToList()).Depth)
            .ToList();

        Assert.True(depths.Max() <= 3, "deepest: " + depths.Max());
    }

    [Fact]
    public void TreeSwitchesOnThePositionThatSplitsMost()
    {
        var tree = DiscriminationTree<string>.Build(new[] { "ABCX", "ABDY", "ABEY" }.Select(k => (k.Select(c => (int)c).ToArray(), k)).ToList());

        var branch = Assert.IsType<DiscriminationTree<string>.Branch>(tree);
        Assert.Equal(2, branch.Position);
        Assert.Equal(new[] { 'C', 'D', 'E' }, branch.Branches.Select(b => (char)b.Element));
        Assert.All(branch.Branches, b => Assert.IsType<DiscriminationTree<string>.Leaf>(b.Subtree));
        Assert.Equal(1, tree.Depth);
    }

    [Fact]
    public void EqualKeysEndInOneLeafInsteadOfRecursingForever()
    {
        var tree = DiscriminationTree<string>.Build(new[] { ("AB".Select(c => (int)c).ToArray(), "first"), ("AB".Select(c => (int)c).ToArray(), "second") });

        Assert.Equal("first", Assert.IsType<DiscriminationTree<string>.Leaf>(tree).Value);
    }

    private static List<string> ApiCodes() =>
        RepositoryFiles.ReadSpecPage().Split('\n')
            .Where(line => line.StartsWith("###### `", StringComparison.Ordinal))
            .Select(line => line.Trim().Substring(8).TrimEnd('`'))
            .ToList();

    /// <summary>Each code with one character changed at each end and in the middle, plus longer and shorter forms.</summary>
    private static IEnumerable<string> NearMisses(IReadOnlyCollection<string> codes)
    {
        var known = new HashSet<string>(codes, StringComparer.Ordinal);
        return Candidates().Where(miss => !known.Contains(miss)).Distinct(StringComparer.Ordinal);

        IEnumerable<string> Candidates()
        {
            foreach (var code in codes)
        {
                foreach (var position in new[] { 0, code.Length / 2, code.Length - 1 })
                {
                    var chars = code.ToCharArray();
                    chars[position] = chars[position] == 'Z' ? 'Y' : 'Z';
                    yield return new string(chars);
                }

                yield return code + "_";
                yield return code.Substring(0, code.Length - 1);
                yield return code.ToLowerInvariant();
            }
        }
    }

    private static Type Load(Compilation compilation)
    {
        using var assembly = new MemoryStream();
        var result = compilation.WithOptions(compilation.Options.WithOptimizationLevel(OptimizationLevel.Release)).Emit(assembly);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        assembly.Position = 0;
        var context = new AssemblyLoadContext("parsing-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(assembly).GetType("DatoCms.ErrorCodes.ParsingProbe", throwOnError: true)!;
    }
}
