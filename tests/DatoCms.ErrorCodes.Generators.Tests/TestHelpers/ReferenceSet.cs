using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Tests.TestHelpers;

/// <summary>The reference assemblies a test compilation targets, shipped offline by Basic.Reference.Assemblies.</summary>
public enum ReferenceSet
{
    Net80,
    NetStandard20,
    Net472,
}

internal static class ReferenceSets
{
    public static IEnumerable<MetadataReference> Get(ReferenceSet set) => set switch
    {
        ReferenceSet.NetStandard20 => Basic.Reference.Assemblies.NetStandard20.References.All,
        ReferenceSet.Net472 => Basic.Reference.Assemblies.Net472.References.All,
        _ => Basic.Reference.Assemblies.Net80.References.All,
    };
}
