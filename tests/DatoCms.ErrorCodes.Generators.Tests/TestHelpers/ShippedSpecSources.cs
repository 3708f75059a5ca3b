using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// The code generated for our shipped spec, produced once per test run, so analyzer and
/// code-fix tests compile real user code against the real generated API.
/// </summary>
internal static class ShippedSpecSources
{
    private static readonly Lazy<IReadOnlyList<(string HintName, string Source)>> Generated = new(() =>
        GeneratorRunner.RunOnShippedSpec().Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value)).ToList());

    public static IReadOnlyList<(string HintName, string Source)> All => Generated.Value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<CSharpParseOptions, IReadOnlyList<SyntaxTree>> ParsedTrees = new();

    /// <summary>Syntax trees are immutable, so each language version's trees are parsed once and shared by every test.</summary>
    public static IEnumerable<SyntaxTree> Trees(CSharpParseOptions options) =>
        ParsedTrees.GetOrAdd(options, o => All.Select(s => CSharpSyntaxTree.ParseText(s.Source, o, path: "Generated/" + s.HintName)).ToList());
}
