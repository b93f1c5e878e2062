namespace ModelCatalog;

// Explicit so the prices are not a second public way to reach the same fields; the guardrails reach them through
// the interface.
public partial class CatalogModel : IPricedModel
{
    /// <inheritdoc/>
    ModelPrices IPricedModel.Prices
    {
        get => new()
        {
            Pricing = Pricing,
            CostPerUnit = CostPerUnit,
            CreditsPerUnit = CreditsPerUnit,
            InputCostPerMillionTokens = InputCostPerMillionTokens,
            OutputCostPerMillionTokens = OutputCostPerMillionTokens,
        };
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Pricing = value.Pricing;
            CostPerUnit = value.CostPerUnit;
            CreditsPerUnit = value.CreditsPerUnit;
            InputCostPerMillionTokens = value.InputCostPerMillionTokens;
            OutputCostPerMillionTokens = value.OutputCostPerMillionTokens;
        }
    }
}
