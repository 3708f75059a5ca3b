using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// The real Microsoft.Extensions.Http.Resilience with everything it brings (Polly.Core,
/// Microsoft.Extensions.Http, Logging, Options, Configuration), in the build matching a reference
/// set; the test project copies them next to itself.
/// </summary>
internal static class ResilienceStackReferences
{
    public static IReadOnlyList<MetadataReference> For(ReferenceSet set)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, set == ReferenceSet.Net100 ? "ResilienceStackForNet100" : "ResilienceStackForNet80");
        var files = Directory.GetFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Contains(files, f => f.EndsWith("Microsoft.Extensions.Http.Resilience.dll", StringComparison.Ordinal));
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
    }

    /// <summary>Polly.Core alone, as a project that uses Polly without the HTTP packages has it.</summary>
    public static IReadOnlyList<MetadataReference> PollyCoreOnly(ReferenceSet set) =>
        For(set).Where(r => Path.GetFileName(r.Display) == "Polly.Core.dll").ToList();

    /// <summary>Microsoft.Extensions.Http without the resilience packages (and its own dependencies).</summary>
    public static IReadOnlyList<MetadataReference> HttpClientFactoryOnly(ReferenceSet set) =>
        For(set).Where(r => Path.GetFileName(r.Display) is { } name && name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
            && !name.Contains("Resilience", StringComparison.Ordinal) && !name.Contains("Diagnostics", StringComparison.Ordinal)
            && !name.Contains("Telemetry", StringComparison.Ordinal) && !name.Contains("Compliance", StringComparison.Ordinal)
            && !name.Contains("AmbientMetadata", StringComparison.Ordinal) && !name.Contains("ObjectPool", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Microsoft.Extensions.Http and configuration without the binder, as an older Microsoft.Extensions.Http
    /// (which did not bring Microsoft.Extensions.Options.ConfigurationExtensions) has them.
    /// </summary>
    public static IReadOnlyList<MetadataReference> HttpClientFactoryWithoutBinder(ReferenceSet set) =>
        HttpClientFactoryOnly(set).Where(r => Path.GetFileName(r.Display) is not ("Microsoft.Extensions.Configuration.Binder.dll"
            or "Microsoft.Extensions.Options.ConfigurationExtensions.dll" or "Microsoft.Extensions.Logging.Configuration.dll")).ToList();
}
