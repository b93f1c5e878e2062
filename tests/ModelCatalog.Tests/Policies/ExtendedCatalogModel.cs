namespace ModelCatalog.Tests.Policies;

/// <summary>A host type that derives from the built-in model and adds fields.</summary>
[SyncModel]
public partial class ExtendedCatalogModel : CatalogModel
{
    [Local]
    public string? Notes { get; set; }

    [Conditional]
    public string? Group { get; set; }
}
