using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>
/// One warning or error as MSBuild prints it, with the file relative to the workspace and the
/// target framework it was reported for (a multi-targeted project reports once per framework).
/// </summary>
internal sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message, string TargetFramework)
{
    // "path(line,col): warning ID: message [project::TargetFramework=tfm]", or "CSC : warning ID: ..." without a location.
    private static readonly Regex Format = new(
        @"^(?<file>.+?)(?:\((?<line>\d+),(?<column>\d+)\))?\s?: (?<severity>warning|error) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[(?<project>[^\]]*)\])?$",
        RegexOptions.CultureInvariant);

    public override string ToString() => $"{File}({Line},{Column}) {TargetFramework}: {Severity} {Id}: {Message}";

    public static IReadOnlyList<BuildDiagnostic> Parse(CliResult result, string workspaceRoot) =>
        result.Lines
            .Select(line => Format.Match(line.Trim()))
            .Where(match => match.Success)
            .Select(match => new BuildDiagnostic(
                Relative(match.Groups["file"].Value, workspaceRoot),
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value,
                TargetFrameworkOf(match.Groups["project"].Value)))
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.TargetFramework, StringComparer.Ordinal)
            .ToList();

    private static string Relative(string path, string workspaceRoot) =>
        path.StartsWith(workspaceRoot, StringComparison.Ordinal) ? path.Substring(workspaceRoot.Length).TrimStart('/', '\\').Replace('\\', '/') : path;

    private static string TargetFrameworkOf(string project)
    {
        const string marker = "::TargetFramework=";
        var index = project.IndexOf(marker, StringComparison.Ordinal);
        return index < 0 ? string.Empty : project.Substring(index + marker.Length);
    }
}
