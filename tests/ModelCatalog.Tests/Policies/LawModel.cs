using System.Text.Json;

namespace ModelCatalog.Tests.Policies;

/// <summary>The model the merge laws are checked on: every policy, nullable and value types, JSON and a list.</summary>
[SyncModel]
public partial class LawModel
{
    public UnifiedModelId Id { get; set; }

    [Conditional]
    public string? Name { get; set; }

    [Conditional]
    public int? Rank { get; set; }

    [Conditional]
    public LawTier Tier { get; set; }

    [Conditional]
    public decimal Price { get; set; }

    [Official]
    public string? Description { get; set; }

    [Official]
    public decimal? Cost { get; set; }

    [Official]
    public JsonElement? Config { get; set; }

    [Official]
    public List<string>? Tags { get; set; }

    [Local]
    public bool IsActive { get; set; }

    [Local]
    public string? Note { get; set; }

    public override string ToString()
        => $"{{Name={Name ?? "null"}, Rank={Rank?.ToString() ?? "null"}, Tier={Tier}, Price={Price}, Description={Description ?? "null"}, "
            + $"Cost={Cost?.ToString() ?? "null"}, Config={Config?.GetRawText() ?? "null"}, Tags={(Tags is null ? "null" : "[" + string.Join(",", Tags) + "]")}, "
            + $"IsActive={IsActive}, Note={Note ?? "null"}}}";
}

/// <summary>An enum for a conditional field.</summary>
public enum LawTier
{
    Free,
    Pro,
    Enterprise,
}
