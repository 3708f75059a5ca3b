using System;
using System.Collections.Generic;
using System.Linq;

namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>What one dotnet command did.</summary>
public sealed record CliResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    public IReadOnlyList<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    /// <summary>Fails the test with the command's whole output when it did not succeed.</summary>
    public CliResult ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"'dotnet {Command}' exited with {ExitCode}:\n{Output}");
        return this;
    }
}
