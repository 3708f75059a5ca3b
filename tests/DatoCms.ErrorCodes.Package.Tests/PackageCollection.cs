namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>Every test that needs the packed package shares one pack (and runs one after another: they build).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}
