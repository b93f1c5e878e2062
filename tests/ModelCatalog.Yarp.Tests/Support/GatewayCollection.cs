namespace ModelCatalog.Yarp.Tests.Support;

/// <summary>One sample gateway and fake upstream for all SDK tests; they run one after another, so "the last request" is theirs.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<SampleGatewayFixture>
{
    public const string Name = "sample gateway";
}
