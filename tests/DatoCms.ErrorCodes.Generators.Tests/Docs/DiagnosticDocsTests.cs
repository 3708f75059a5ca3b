using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.Docs;

/// <summary>
/// Keeps the diagnostic pages in step with the descriptors: the help link of every rule leads to a
/// page that exists, and the index lists every rule with its real severity and title. Descriptors
/// are found by reflection, so a new rule is checked as soon as its field exists.
/// </summary>
public class DiagnosticDocsTests
{
    private static readonly string DiagnosticsFolder = Path.Combine(RepositoryFiles.Root, "docs", "diagnostics");

    private static readonly string IndexPath = Path.Combine(DiagnosticsFolder, "README.md");

    private static readonly Regex IndexRow = new(@"^\|\s*\[(?<id>DATO\d{3})\]\((?<link>[^)]+)\)\s*\|(?<cells>.*)\|\s*$", RegexOptions.CultureInvariant);

    private static readonly Regex MarkdownLink = new(@"(?<!!)\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant);

    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllDescriptors().Keys.OrderBy(id => id, StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void ReflectionFindsTheUsageAndTheSpecRules()
    {
        var ids = AllDescriptors().Keys.ToList();

        Assert.Contains("DATO001", ids);
        Assert.Contains("DATO101", ids);

        // DiagnosticInfo finds spec descriptors through All: a field left out of it would throw at report time.
        Assert.Equal(
            DescriptorFields(typeof(DiagnosticDescriptors)).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal),
            DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void HelpLinkPointsAtThePageOfTheRule(string id)
    {
        var descriptor = AllDescriptors()[id];

        Assert.EndsWith($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void PageExistsAndItsFirstHeadingNamesTheRule(string id)
    {
        var path = Path.Combine(DiagnosticsFolder, id + ".md");
        Assert.True(File.Exists(path), $"{id} has no page at docs/diagnostics/{id}.md");

        var firstHeading = File.ReadLines(path).FirstOrDefault(line => line.StartsWith("#", StringComparison.Ordinal));

        Assert.NotNull(firstHeading);
        Assert.Contains(id, firstHeading, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void IndexHasARowWithTheRulesSeverityAndTitle(string id)
    {
        var descriptor = AllDescriptors()[id];

        var rows = IndexRows().Where(r => r.Id == id).ToList();
        Assert.True(rows.Count == 1, $"docs/diagnostics/README.md must have one row for {id} (| [{id}]({id}.md) | severity | title |); it has {rows.Count}");
        var row = rows[0];

        Assert.Equal(id + ".md", row.Link);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
        Assert.Equal(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Title);
    }

    [Fact]
    public void EveryPageAndIndexRowBelongsToARule()
    {
        var ids = AllDescriptors().Keys.ToHashSet(StringComparer.Ordinal);

        var orphanPages = Directory.GetFiles(DiagnosticsFolder, "DATO*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(page => !ids.Contains(page!))
            .ToList();
        var orphanRows = IndexRows().Select(r => r.Id).Where(row => !ids.Contains(row)).ToList();

        Assert.True(orphanPages.Count == 0, "Pages without a descriptor: " + string.Join(", ", orphanPages));
        Assert.True(orphanRows.Count == 0, "Index rows without a descriptor: " + string.Join(", ", orphanRows));
    }

    /// <summary>
    /// Relative links between the docs (and from the repository README) must lead to a file that
    /// exists and, when they name a section, to a heading of that file.
    /// </summary>
    [Fact]
    public void RelativeLinksInTheDocsResolve()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(RepositoryFiles.Root, "README.md"));

        var broken = new List<string>();
        foreach (var file in files)
        {
            foreach (var target in RelativeLinks(File.ReadAllText(file)))
            {
                var hash = target.IndexOf('#');
                var pathPart = hash < 0 ? target : target.Substring(0, hash);
                var anchor = hash < 0 ? null : target.Substring(hash + 1);
                var resolved = pathPart.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(pathPart)));

                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{Relative(file)}: {target} (no such file)");
                }
                else if (anchor is { Length: > 0 } && File.Exists(resolved) && !HeadingAnchors(File.ReadAllText(resolved)).Contains(anchor))
                {
                    broken.Add($"{Relative(file)}: {target} (no such heading)");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    private static Dictionary<string, DiagnosticDescriptor> AllDescriptors() =>
        DescriptorFields(typeof(DiagnosticDescriptors))
            .Concat(DescriptorFields(typeof(UsageDiagnosticDescriptors)))
            .ToDictionary(descriptor => descriptor.Id, StringComparer.Ordinal);

    private static IEnumerable<DiagnosticDescriptor> DescriptorFields(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    private static List<(string Id, string Link, string Severity, string Title)> IndexRows() =>
        File.ReadLines(IndexPath)
            .Select(line => IndexRow.Match(line))
            .Where(match => match.Success)
            .Select(match =>
            {
                var cells = match.Groups["cells"].Value.Split('|').Select(cell => cell.Trim()).ToArray();
                return (match.Groups["id"].Value, match.Groups["link"].Value, cells.ElementAtOrDefault(0) ?? string.Empty, cells.ElementAtOrDefault(1) ?? string.Empty);
            })
            .ToList();

    /// <summary>Link targets outside code, without web addresses.</summary>
    private static IEnumerable<string> RelativeLinks(string markdown) =>
        ProseLines(markdown)
            .Select(line => Regex.Replace(line, "`+[^`]*`+", string.Empty))
            .SelectMany(line => MarkdownLink.Matches(line).Cast<Match>())
            .Select(match => match.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal));

    /// <summary>The anchors GitHub gives headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> HeadingAnchors(string markdown) =>
        ProseLines(markdown)
            .Select(line => Regex.Match(line, @"^#{1,6}\s+(?<text>.+?)\s*#*\s*$"))
            .Where(match => match.Success)
            .Select(match => Regex.Replace(match.Groups["text"].Value.ToLowerInvariant(), @"[^\p{L}\p{N}\- _]", string.Empty).Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The lines of a markdown file that are not inside fenced code blocks.</summary>
    private static IEnumerable<string> ProseLines(string markdown)
    {
        string? fence = null;
        foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed.Substring(0, 3);
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            yield return line;
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path);
}
