using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>Global MSBuild properties and per-file metadata, as the compiler sees them.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _fileOptions;
    private readonly AnalyzerConfigOptions _treeOptions;

    /// <param name="globalOptions">build_property.* values, as from a .globalconfig or MSBuild.</param>
    /// <param name="fileOptions">Per-AdditionalFile options, by path (build_metadata.AdditionalFiles.*).</param>
    /// <param name="treeOptions">Options every syntax tree sees, as from an .editorconfig section.</param>
    public TestOptionsProvider(
        IReadOnlyDictionary<string, string>? globalOptions = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileOptions = null,
        IReadOnlyDictionary<string, string>? treeOptions = null)
    {
        GlobalOptions = new DictionaryOptions(globalOptions ?? new Dictionary<string, string>());
        _fileOptions = fileOptions ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();
        _treeOptions = new DictionaryOptions(treeOptions ?? new Dictionary<string, string>());
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _treeOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new DictionaryOptions(_fileOptions.TryGetValue(textFile.Path, out var options) ? options : new Dictionary<string, string>());

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
