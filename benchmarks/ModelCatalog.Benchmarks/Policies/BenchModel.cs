namespace ModelCatalog.Benchmarks.Policies;

/// <summary>A 12-field catalog model: one conditional, nine official and two local fields.</summary>
[SyncModel]
public partial class BenchModel
{
    public UnifiedModelId Id { get; set; }

    [Conditional] public string DisplayName { get; set; } = string.Empty;

    [Official] public string? Description { get; set; }

    [Official] public decimal? CostPerUnit { get; set; }

    [Official] public string? UnitType { get; set; }

    [Official] public decimal? CreditsPerUnit { get; set; }

    [Official] public string? Provider { get; set; }

    [Official] public string? ModelType { get; set; }

    [Official] public decimal? InputCostPerMillionTokens { get; set; }

    [Official] public decimal? OutputCostPerMillionTokens { get; set; }

    [Official] public int? ContextWindow { get; set; }

    [Local] public bool IsActive { get; set; } = true;

    [Local] public bool IsVisible { get; set; } = true;
}
