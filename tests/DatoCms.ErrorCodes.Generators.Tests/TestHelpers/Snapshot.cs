using System;
using System.IO;
using System.Text.RegularExpressions;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// Golden-file checks: the output must equal Snapshots/NAME.verified.cs. On a mismatch the
/// output is written to NAME.received.cs for review; set DATOCMS_ACCEPT_SNAPSHOTS=1 to accept it.
/// The generator version inside [GeneratedCode] is scrubbed so releases do not churn every file.
/// </summary>
internal static partial class Snapshot
{
    public const string AcceptVariable = "DATOCMS_ACCEPT_SNAPSHOTS";

    public static string Directory => Path.Combine(RepositoryFiles.Root, "tests", "DatoCms.ErrorCodes.Generators.Tests", "Snapshots");

    public static void Verify(string name, string actual)
    {
        actual = Scrub(actual);
        var verifiedPath = Path.Combine(Directory, name + ".verified.cs");
        var receivedPath = Path.Combine(Directory, name + ".received.cs");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"No snapshot {name}.verified.cs yet. Review {receivedPath} and accept it with {AcceptVariable}=1.");
        }

        var expected = File.ReadAllText(verifiedPath).Replace("\r\n", "\n");
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail($"Snapshot {name} differs {FirstDifference(expected, actual)}. Compare {receivedPath} with {verifiedPath}; accept with {AcceptVariable}=1.");
    }

    public static string Scrub(string source) => GeneratedCodeVersion().Replace(source, "$1\"VERSION\")]");

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return $"at line {i + 1}: expected `{e}` but got `{a}`";
            }
        }

        return "(only in line endings)";
    }

    [GeneratedRegex("(GeneratedCode\\(\"DatoCms\\.ErrorCodes\\.Generators\", )\"[^\"]*\"\\)\\]")]
    private static partial Regex GeneratedCodeVersion();
}
