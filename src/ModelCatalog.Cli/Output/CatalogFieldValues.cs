namespace ModelCatalog.Cli.Output;

/// <summary>Reads a <see cref="CatalogModel"/> field by name for display, without reflection.</summary>
internal static class CatalogFieldValues
{
    public static object? Get(CatalogModel m, string field) => field switch
    {
        nameof(CatalogModel.DisplayName) => m.DisplayName,
        nameof(CatalogModel.Description) => m.Description,
        nameof(CatalogModel.CostPerUnit) => m.CostPerUnit,
        nameof(CatalogModel.UnitType) => m.UnitType,
        nameof(CatalogModel.CreditsPerUnit) => m.CreditsPerUnit,
        nameof(CatalogModel.Config) => m.Config,
        nameof(CatalogModel.Provider) => m.Provider,
        nameof(CatalogModel.ModelType) => m.ModelType,
        nameof(CatalogModel.InputCostPerMillionTokens) => m.InputCostPerMillionTokens,
        nameof(CatalogModel.OutputCostPerMillionTokens) => m.OutputCostPerMillionTokens,
        nameof(CatalogModel.ContextWindow) => m.ContextWindow,
        nameof(CatalogModel.MaxOutputTokens) => m.MaxOutputTokens,
        nameof(CatalogModel.MaxInputTokens) => m.MaxInputTokens,
        nameof(CatalogModel.Pricing) => m.Pricing,
        nameof(CatalogModel.Capabilities) => m.Capabilities,
        nameof(CatalogModel.Lifecycle) => m.Lifecycle,
        nameof(CatalogModel.IsActive) => m.IsActive,
        nameof(CatalogModel.IsVisible) => m.IsVisible,
        nameof(CatalogModel.IsBeta) => m.IsBeta,
        _ => null,
    };
}
