namespace ModelCatalog;

/// <summary>
/// Every price a model carries, as one value: what a price guardrail compares, holds for review and, once approved,
/// applies. <see langword="null"/> members are unknown (unknown is not zero). Value-equal.
/// </summary>
public sealed record ModelPrices
{
    /// <summary>No price known.</summary>
    public static ModelPrices None { get; } = new();

    /// <summary>The structured prices (<see cref="CatalogModel.Pricing"/>).</summary>
    public ModelPricing? Pricing { get; init; }

    /// <summary>The flat price per unit (<see cref="CatalogModel.CostPerUnit"/>).</summary>
    public decimal? CostPerUnit { get; init; }

    /// <summary>The credits per unit (<see cref="CatalogModel.CreditsPerUnit"/>).</summary>
    public decimal? CreditsPerUnit { get; init; }

    /// <summary>The flat input price per million tokens (<see cref="CatalogModel.InputCostPerMillionTokens"/>).</summary>
    public decimal? InputCostPerMillionTokens { get; init; }

    /// <summary>The flat output price per million tokens (<see cref="CatalogModel.OutputCostPerMillionTokens"/>).</summary>
    public decimal? OutputCostPerMillionTokens { get; init; }
}
