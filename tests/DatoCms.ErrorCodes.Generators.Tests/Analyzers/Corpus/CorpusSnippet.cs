using System.Collections.Generic;
using System.IO;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Analyzers.Corpus;

/// <summary>
/// One application-shaped snippet of the corpus with the diagnostics it must get, marked inline
/// as <c>{|DATO00N:text|}</c>. The snippet files hold several each, every one starting with a
/// <c>//// Name</c> line; a snippet without markers is correct code that must stay silent.
/// </summary>
internal sealed record CorpusSnippet(string File, string Name, MarkupSource Markup)
{
    private const string Separator = "//// ";

    public static string Folder => Path.Combine(RepositoryFiles.Root, "tests", "DatoCms.ErrorCodes.Generators.Tests", "Analyzers", "Corpus", "Snippets");

    public string Title => File + " / " + Name;

    public bool IsCorrectCode => Markup.Spans.Count == 0;

    /// <summary>
    /// The held-out set (<c>HeldOut*.cs</c>): written from the rule pages and issue 12 alone, without
    /// running the analyzers or reading them, and kept apart so it stays an honest yardstick.
    /// </summary>
    public bool IsHeldOut => File.StartsWith(HeldOutPrefix, System.StringComparison.Ordinal);

    public const string HeldOutPrefix = "HeldOut";

    public static IReadOnlyList<CorpusSnippet> LoadAll() =>
        Directory.GetFiles(Folder, "*.cs").OrderBy(f => f, System.StringComparer.Ordinal).SelectMany(Load).ToList();

    private static IEnumerable<CorpusSnippet> Load(string path)
    {
        var file = Path.GetFileName(path);
        string? name = null;
        var lines = new List<string>();
        foreach (var line in System.IO.File.ReadAllLines(path).Append(Separator + "<end>"))
        {
            if (line.StartsWith(Separator, System.StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    yield return new CorpusSnippet(file, name, MarkupSource.Parse(string.Join("\n", lines)));
                }

                name = line.Substring(Separator.Length).Trim();
                lines.Clear();
            }
            else if (name is not null)
            {
                lines.Add(line);
            }
        }
    }
}
