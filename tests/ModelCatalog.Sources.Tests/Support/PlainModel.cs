namespace ModelCatalog.Sources.Tests.Support;

/// <summary>A host type not derived from <see cref="CatalogModel"/>: built-in sources reach it through a projection.</summary>
[SyncModel]
public partial class PlainModel
{
    public UnifiedModelId Id { get; set; }

    [Conditional]
    public string Name { get; set; } = string.Empty;

    [Official]
    public decimal? InputPerMillion { get; set; }

    [Official]
    public bool Vision { get; set; }

    [Local]
    public bool Enabled { get; set; } = true;
}
