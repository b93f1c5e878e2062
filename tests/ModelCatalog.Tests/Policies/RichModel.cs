using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelCatalog.Tests.Policies;

/// <summary>A model with a conditional field of every kind the baseline records, and collection fields.</summary>
[SyncModel]
public partial class RichModel
{
    public UnifiedModelId Id { get; set; }

    [Conditional] public Guid? Ref { get; set; }

    [Conditional] public DateTimeOffset When { get; set; }

    [Conditional] public DateTime? At { get; set; }

    [Conditional] public RichWide Wide { get; set; }

    [Conditional] public double Score { get; set; }

    [Conditional] public float? Ratio { get; set; }

    [Conditional] public long Big { get; set; }

    [Conditional] public bool? Flag { get; set; }

    [Conditional] public UnifiedModelId Alias { get; set; }

    [Conditional] public JsonElement? Settings { get; set; }

    [Conditional] public JsonNode? Extra { get; set; }

    [Official] public Dictionary<string, int>? Limits { get; set; }

    [Official] public IReadOnlyList<string>? Aliases { get; set; }

    [Local] public string[]? Labels { get; set; }

    public override string ToString()
        => $"{{Ref={Ref}, When={When:O}, At={At:O}, Wide={Wide}, Score={Score}, Ratio={Ratio}, Big={Big}, Flag={Flag}, Alias={Alias}, "
            + $"Settings={Settings?.GetRawText()}, Extra={Extra?.ToJsonString()}, Limits={Limits?.Count}, Aliases={Aliases?.Count}, Labels={Labels?.Length}}}";
}

/// <summary>An enum over <see cref="ulong"/>, whose values do not fit a <see cref="long"/>.</summary>
public enum RichWide : ulong
{
    Low = 0,
    High = ulong.MaxValue,
}
