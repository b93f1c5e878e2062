namespace ModelCatalog;

/// <summary>
/// A model type whose prices a <see cref="Sync.PriceGuardrails"/> policy can watch: reading <see cref="Prices"/>
/// gathers every price field, setting it writes every one. <see cref="CatalogModel"/> (and so every type derived from
/// it) implements it; a host's own model type implements it to opt into price guardrails.
/// </summary>
public interface IPricedModel
{
    /// <summary>All of the model's prices, read or written together.</summary>
    ModelPrices Prices { get; set; }
}
