using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelCatalog.Tests.Support;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.Policies;

/// <summary>The baseline laws over every conditional type the generator supports, and collection equality.</summary>
public sealed class RichModelLawTests
{
    private static readonly IModelMerger<RichModel> Merger = RichModel.Merger;

    private static readonly Gen<RichModel> Models =
        from reference in Gen.Elements<Guid?>(null, Guid.Empty, new Guid("0196a3f0-0000-7000-8000-000000000001"))
        from when in Gen.Elements(
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 1, 1, 2, 0, 0, TimeSpan.FromHours(2)),
            new DateTimeOffset(2025, 6, 1, 12, 30, 0, TimeSpan.FromHours(-5)))
        from at in Gen.Elements<DateTime?>(null, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 1, 0, 0, 0, 1))
        from wide in Gen.Elements(RichWide.Low, RichWide.High)
        from score in Gen.Elements(0d, 0.1, -1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity)
        from ratio in Gen.Elements<float?>(null, 0.1f, float.NaN, 3f)
        from big in Gen.Elements(0L, long.MinValue, long.MaxValue)
        from flag in Gen.Elements<bool?>(null, true, false)
        from alias in Gen.Elements(default, UnifiedModelId.Parse("openai/gpt-4o"), UnifiedModelId.Parse("openrouter/meta-llama/llama-3.1-70b"))
        from settings in Gen.Elements<string?>(null, """{"a":1}""", """{"a":[1,"x"],"b":{"c":null}}""", "\"快\"")
        from extra in Gen.Elements<string?>(null, """{"a":1}""", "[1,\"x\"]", "\"s\"", "42")
        from limits in Gen.Elements<string?>(null, "a=1", "a=1,b=2", "b=2,a=1", "a=2")
        from aliases in Gen.Elements<string[]?>(null, [], ["x"], ["x", "y"])
        from labels in Gen.Elements<string[]?>(null, ["l"])
        select new RichModel
        {
            Id = UnifiedModelId.Parse("rich/model"),
            Ref = reference,
            When = when,
            At = at,
            Wide = wide,
            Score = score,
            Ratio = ratio,
            Big = big,
            Flag = flag,
            Alias = alias,
            Settings = settings is null ? null : JsonDocument.Parse(settings).RootElement.Clone(),
            Extra = extra is null ? null : JsonNode.Parse(extra),
            Limits = limits?.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1])),
            Aliases = aliases,
            Labels = labels,
        };

    [Property(MaxTest = 3_000)]
    public Property Without_admin_edits_one_Smart_sync_reaches_the_official_values_and_records_them_for_every_baseline_type()
        => Prop.ForAll(Arb.From(Gen.Zip(Models, Models)), input =>
        {
            var (previous, official) = input;
            var model = Merger.Clone(previous);
            model.Labels = official.Labels;

            var result = Merger.Merge(model, official, Merger.CaptureBaseline(previous), UpdateMode.Smart);

            ModelContent.AssertEqual(official, model);
            Assert.True(
                JsonElement.DeepEquals(JsonDocument.Parse(result.Baseline!.Json).RootElement, JsonDocument.Parse(Merger.CaptureBaseline(official).Json).RootElement)
                    || !result.BaselineChanged,
                result.Baseline.Json);
        });

    [Property(MaxTest = 3_000)]
    public Property Smart_is_idempotent_for_every_baseline_type()
        => Prop.ForAll(Arb.From(Gen.Zip(Models, Models)), input =>
        {
            var (stored, official) = input;
            var model = Merger.Clone(stored);
            var first = Merger.Merge(model, official, Merger.CaptureBaseline(stored), UpdateMode.Smart);

            var second = Merger.Merge(model, official, first.Baseline, UpdateMode.Smart);

            Assert.True(second.IsNoOp, $"{stored}\n{official}\n{first.Baseline}");
        });

    [Property(MaxTest = 3_000)]
    public Property ContentEquals_agrees_with_a_property_by_property_comparison_on_any_two_models_and_on_a_clone()
        => Prop.ForAll(Arb.From(Gen.Zip(Models, Models)), input =>
        {
            var (left, right) = input;

            Assert.Equal(ModelContent.Equal(left, right), Merger.ContentEquals(left, right));
            Assert.True(Merger.ContentEquals(left, Merger.Clone(left)));
            Assert.True(ModelContent.Equal(left, Merger.Clone(left)));
        });

    [Property(MaxTest = 500)]
    public Property A_value_equal_to_its_own_recorded_baseline_is_never_reported_as_customised()
        => Prop.ForAll(Arb.From(Models), m =>
        {
            var result = Merger.Merge(Merger.Clone(m), Merger.Clone(m), Merger.CaptureBaseline(m), UpdateMode.Smart);

            Assert.True(result.IsNoOp, m + "\n" + result.Baseline);
        });

    [Fact]
    public void Clone_copies_JSON_nodes_and_collections_so_editing_the_copy_leaves_the_original()
    {
        var original = new RichModel
        {
            Extra = JsonNode.Parse("""{"a":1}"""),
            Limits = new() { ["a"] = 1 },
            Aliases = ["x"],
            Labels = ["l"],
        };

        var copy = Merger.Clone(original);
        copy.Extra!["a"] = 2;
        copy.Limits!["a"] = 2;
        copy.Labels![0] = "changed";

        Assert.Equal(1, (int)original.Extra!["a"]!);
        Assert.Equal(1, original.Limits["a"]);
        Assert.Equal("l", original.Labels[0]);
        Assert.NotSame(original.Aliases, copy.Aliases);
    }
}
