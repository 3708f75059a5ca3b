using System;
using System.Collections.Generic;
using System.IO;
using DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

namespace DatoCms.ErrorCodes.Generators.Tests.Fuzzing;

/// <summary>The specs the spec fuzzer starts from: the shipped page and overlay, and small specs with the odd parts the format allows.</summary>
internal static class SpecCorpus
{
    public const string SmallPage =
        "# Errors\n\n## Error codes\n\n###### `ITEM_LOCKED`\n\nThe record is <locked> & \"busy\": wait a moment, then retry with **backoff**.\n\n"
        + "###### `3D_MODEL_REJECTED`\n\nA code starting with a digit gets a C# name starting with Code.\n\n"
        + "###### `EXCEPTION`\n\nSomething unexpected failed on the server\\\\side. See [the docs](https://example.test/x?a=1&b=2) and `code`.\n\n"
        + "###### `RATE_LIMIT_EXCEEDED`\n\nToo many requests; wait for X-RateLimit-Reset */ seconds.\n\n"
        + "###### `INVALID_OPERATION`\n\nNamed like a .NET exception.\n";

    public const string SmallOverlay =
        "docs-url: https://example.test/errors/\n"
        + "limits:\n  requests-per-window: 120\n  rate-limit-window-seconds: 10\n  rate-limit-limit-header: X-RateLimit-Limit\n"
        + "  rate-limit-remaining-header: X-RateLimit-Remaining\n  rate-limit-reset-header: X-RateLimit-Reset\n  max-upload-bytes: 5000000000\n  region-name: \"eu \\\"west\\\"\"\n"
        + "codes:\n  ITEM_LOCKED: { retry: backoff, family: concurrency }\n  3D_MODEL_REJECTED: { retry: none, family: uploads }\n"
        + "  EXCEPTION: { retry: none, family: availability, member: UnexpectedServerError, exception: UnexpectedServerErrorException, summary: \"Our own summary.\" }\n"
        + "  RATE_LIMIT_EXCEEDED:\n    retry: rate-limit\n    family: rate-limit\n"
        + "  INVALID_OPERATION: { retry: refresh, family: validation }  # a comment\n";

    public const string TinyPage = "###### `A`\n\nx\n";

    public const string TinyOverlay = "codes:\n  A: { retry: backoff }\n";

    public static string ShippedPage { get; } = RepositoryFiles.ReadSpecPage();

    public static string ShippedOverlay { get; } = RepositoryFiles.ReadSpecOverlay();

    public static string QuirksPage { get; } = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "DatoCms.ErrorCodes.Generators.Tests", "TestData", "quirks-page.md"));

    /// <summary>Pages with the overlay that goes with each; the shipped spec costs several times more per run than a small one, so it is picked less often.</summary>
    public static IReadOnlyList<(string Page, string Overlay)> Specs { get; } = new[]
    {
        (ShippedPage, ShippedOverlay),
        (SmallPage, SmallOverlay), (SmallPage, SmallOverlay), (SmallPage, SmallOverlay), (SmallPage, SmallOverlay), (SmallPage, SmallOverlay),
        (SmallPage, ShippedOverlay), (ShippedPage, SmallOverlay),
        (QuirksPage, SmallOverlay), (QuirksPage, SmallOverlay),
        (TinyPage, TinyOverlay), (TinyPage, string.Empty),
    };

    /// <summary>Lines worth dropping into a page or overlay: structure the readers react to.</summary>
    public static IReadOnlyList<string> InterestingLines { get; } = new[]
    {
        "###### `NEW_CODE`", "###### `ITEM_LOCKED`", "######", "###### `lower_case`", "###### `A B`", "###### ``", "###### `UNKNOWN` ######", "####### `TOO_DEEP`",
        "  ###### `INDENTED`", "    ###### `CODE_BLOCK`", "# Title", "## Error codes", "```", "~~~", "```json", "<!--", "-->", "<!-- ###### `HIDDEN` -->", "---", "> [!NOTE]",
        "- item", "1. item", "`unclosed", "**bold", "[link](", "<b>", "&amp;", "\\", "*/", "/*", "\"", "\"\"\"", "#region", "#if DEBUG", "@\"", "{0}", "}", "{",
        "codes:", "limits:", "docs-url:", "docs-url: https://example.test/\"quote\"", "docs-url: \"", "  NEW_CODE: { retry: backoff, family: concurrency }", "  ITEM_LOCKED: { retry: none }",
        "  NOT_ON_PAGE: { retry: refresh, family: x }", "  ITEM_LOCKED: { member: Class, exception: Exception }", "  ITEM_LOCKED: { member: \"@class\" }", "  ITEM_LOCKED: { member: Unknown }",
        "  ITEM_LOCKED: { exception: DatoCmsApiException }", "  ITEM_LOCKED: { family: Not-Kebab }", "  ITEM_LOCKED: { retry: sometimes }", "  ITEM_LOCKED: { summary: \"*/ \\\" </summary> {0}\" }",
        "  ITEM_LOCKED: { summary: |", "  ITEM_LOCKED: [1, 2]", "  ITEM_LOCKED:", "    retry: backoff", "    - a", "  requests-per-window: -1", "  requests-per-window: 99999999999999999999",
        "  requests-per-window: \"60\"", "  max-upload-bytes: 9223372036854775807", "  max-upload-bytes: -9223372036854775808", "  odd-limit: \"a\\nb\"", "  Bad_Limit: 3", "  empty-limit:",
        "  region-name: '\\'", "  x: &anchor 1", "  y: *anchor", "  z: !!str 1", "  ? complex", "\t\tcodes:", "- list at top", "key: value: other", ": no key", "  : no key", "...",
        "###### `" + new string('L', 200) + "`", "###### `" + new string('L', 201) + "`", "  ITEM_LOCKED: { member: M" + new string('m', 600) + " }", "  ITEM_LOCKED: { exception: E" + new string('e', 511) + " }",
    };
}
