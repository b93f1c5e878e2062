namespace ModelCatalog;

// The local switches double as the availability the stores filter on and the gateway lists by.
public partial class CatalogModel : IModelAvailability;
