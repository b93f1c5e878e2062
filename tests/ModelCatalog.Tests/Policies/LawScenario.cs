using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace ModelCatalog.Tests.Policies;

/// <summary>
/// One merge input: the stored model L, an optional baseline B (recorded from some earlier official record, possibly
/// missing some fields), and the incoming official record U. Values come from small domains so that L = B, L = U and
/// B = U all happen often.
/// </summary>
public sealed record LawScenario(LawModel Stored, LawModel? BaselineSource, string[] RecordedFields, LawModel Official)
{
    public static readonly UnifiedModelId Id = UnifiedModelId.Parse("law/model");

    private static readonly IModelMerger<LawModel> Merger = LawModel.Merger;

    public ModelBaseline? Baseline { get; } = BuildBaseline(BaselineSource, RecordedFields);

    public bool TryGetBaseline(LawField field, out object? value)
    {
        value = null;
        if (BaselineSource is null || !RecordedFields.Contains(field.Name))
        {
            return false;
        }

        value = field.Get(BaselineSource);
        return true;
    }

    public LawModel CloneStored() => Merger.Clone(Stored);

    public override string ToString()
        => $"L={Stored}\nB={(Baseline is null ? "none" : Baseline.Json)}\nU={Official}";

    public static Gen<LawModel> Models { get; } =
        from name in Gen.Elements<string?>(null, "a", "b", "名前")
        from rank in Gen.Elements<int?>(null, 1, 2)
        from tier in Gen.Elements(LawTier.Free, LawTier.Pro, LawTier.Enterprise)
        from price in Gen.Elements(0m, 1m, 1.0m, 2.50m)
        from description in Gen.Elements<string?>(null, "x", "y")
        from cost in Gen.Elements<decimal?>(null, 0.0014m, 0.0016m, 0.00160m)
        from config in Gen.Elements<string?>(null, """{"a":1}""", """{ "a": 1 }""", """{"a":2,"b":[true,null]}""", "[1,2]")
        from tags in Gen.Elements<string[]?>(null, [], ["x"], ["x", "y"])
        from isActive in Gen.Elements(true, false)
        from note in Gen.Elements<string?>(null, "n1", "n2")
        select new LawModel
        {
            Id = Id,
            Name = name,
            Rank = rank,
            Tier = tier,
            Price = price,
            Description = description,
            Cost = cost,
            Config = config is null ? null : JsonDocument.Parse(config).RootElement.Clone(),
            Tags = tags is null ? null : [.. tags],
            IsActive = isActive,
            Note = note,
        };

    public static Gen<UpdateMode> Modes { get; } = Gen.Elements(UpdateMode.Skip, UpdateMode.Smart, UpdateMode.Force);

    public static Gen<LawScenario> Scenarios { get; } =
        from stored in Models
        from official in Models
        from baselineKind in Gen.Choose(0, 3)
        from other in Models
        from recorded in Gen.SubListOf(LawField.Conditional.Select(f => f.Name).ToArray())
        select new LawScenario(
            stored,
            baselineKind switch
            {
                0 => null,
                1 => LawModel.Merger.Clone(stored),
                2 => LawModel.Merger.Clone(official),
                _ => other,
            },
            baselineKind == 0 ? [] : [.. recorded],
            official);

    private static ModelBaseline? BuildBaseline(LawModel? source, string[] recordedFields)
    {
        if (source is null)
        {
            return null;
        }

        var full = JsonNode.Parse(Merger.CaptureBaseline(source).Json)!.AsObject();
        foreach (var name in full.Select(p => p.Key).ToArray())
        {
            if (!recordedFields.Contains(name))
            {
                full.Remove(name);
            }
        }

        return ModelBaseline.Parse(full.ToJsonString());
    }
}
