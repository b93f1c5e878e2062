namespace ModelCatalog.Sources.Tests.Support;

/// <summary>A host type derived from the built-in model, with a field filled from LiteLLM's <c>supports_vision</c>.</summary>
[SyncModel]
public partial class VisionModel : CatalogModel
{
    [Official]
    public bool SupportsVision { get; set; }
}
