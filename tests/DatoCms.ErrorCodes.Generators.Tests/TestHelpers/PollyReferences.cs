using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>
/// The real Polly assemblies (v8 Polly.Core, and Polly with the v7 <c>Policy</c> API), in their
/// net8.0 build to match <see cref="ReferenceSet.Net80"/>; the test project copies them next to itself.
/// </summary>
internal static class PollyReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Loaded = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "PollyForNet80");
        return new MetadataReference[]
        {
            MetadataReference.CreateFromFile(Path.Combine(folder, "Polly.Core.dll")),
            MetadataReference.CreateFromFile(Path.Combine(folder, "Polly.dll")),
        };
    });

    public static IReadOnlyList<MetadataReference> All => Loaded.Value;
}
