namespace ModelCatalog;

/// <summary>
/// What one request cost, component by component. <see cref="Total"/> is the exact sum of <see cref="Components"/>.
/// Usage with no price known at all (not even the fallback) is listed in <see cref="Unpriced"/> and left out of the
/// total — unknown is not free — so check <see cref="IsComplete"/> before billing.
/// </summary>
public sealed record CostBreakdown
{
    /// <summary>The currency: <see cref="ModelPricing.Currency"/>.</summary>
    public string Currency { get; } = ModelPricing.Currency;

    /// <summary>The total cost in USD: the exact sum of the components' costs.</summary>
    public required decimal Total { get; init; }

    /// <summary>The priced components with a non-zero quantity, in <see cref="CostComponentKind"/> order.</summary>
    public required IReadOnlyList<CostComponent> Components { get; init; }

    /// <summary>Components with a non-zero quantity for which neither the price nor its fallback is known.</summary>
    public IReadOnlyList<CostComponentKind> Unpriced { get; init; } = [];

    /// <summary>The long-context tier whose prices applied, or <see langword="null"/> for the base prices.</summary>
    public PriceTier? Tier { get; init; }

    /// <summary>Whether every component with usage had a price.</summary>
    public bool IsComplete => Unpriced.Count == 0;
}
