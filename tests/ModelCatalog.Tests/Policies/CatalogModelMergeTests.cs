using System.Text.Json;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.Policies;

/// <summary>The original system's example and the built-in model's merger.</summary>
public sealed class CatalogModelMergeTests
{
    private static readonly IModelMerger<CatalogModel> Merger = CatalogModel.Merger;

    private static CatalogModel Stored() => new()
    {
        Id = UnifiedModelId.Parse("elevenlabs/eleven_turbo_v2"),
        DisplayName = "ElevenLabs Turbo V2",
        Description = "快速 TTS",
        CostPerUnit = 0.0014m,
        IsActive = true,
        IsVisible = true,
    };

    private static CatalogModel Official() => new()
    {
        Id = UnifiedModelId.Parse("elevenlabs/eleven_turbo_v2"),
        DisplayName = "ElevenLabs Turbo V2",
        Description = "快速文本转语音,低延迟",
        CostPerUnit = 0.0016m,
        IsActive = false,
        IsVisible = false,
    };

    [Fact]
    public void Smart_takes_the_new_description_and_cost_and_keeps_both_local_flags()
    {
        var stored = Stored();

        var result = Merger.Merge(stored, Official(), Merger.CaptureBaseline(Stored()), UpdateMode.Smart);

        Assert.Equal("快速文本转语音,低延迟", stored.Description);
        Assert.Equal(0.0016m, stored.CostPerUnit);
        Assert.True(stored.IsActive);
        Assert.True(stored.IsVisible);
        Assert.Equal("ElevenLabs Turbo V2", stored.DisplayName);
        Assert.True(result.ModelChanged);
        Assert.Equal(
            [
                ("Description", FieldDecision.Applied),
                ("CostPerUnit", FieldDecision.Applied),
                ("IsActive", FieldDecision.KeptLocal),
                ("IsVisible", FieldDecision.KeptLocal),
            ],
            result.Changes.Select(c => (c.Field, c.Decision)));
        var cost = Assert.Single(result.Changes, c => c.Field == "CostPerUnit");
        Assert.Equal((FieldPolicy.Official, 0.0014m, 0.0016m), (cost.Policy, cost.OldValue, cost.NewValue));
        var active = Assert.Single(result.Changes, c => c.Field == "IsActive");
        Assert.Equal((true, false, false), (active.OldValue, active.NewValue, active.IsWrite));
    }

    [Fact]
    public void Smart_without_a_recorded_baseline_gives_the_same_result_and_records_one()
    {
        var stored = Stored();

        var result = Merger.Merge(stored, Official(), baseline: null, UpdateMode.Smart);

        Assert.Equal("快速文本转语音,低延迟", stored.Description);
        Assert.True(stored.IsActive && stored.IsVisible);
        Assert.True(result.BaselineChanged);
        Assert.Equal("{\"DisplayName\":\"ElevenLabs Turbo V2\"}", result.Baseline!.Json);
    }

    [Fact]
    public void Skip_changes_nothing()
    {
        var stored = Stored();
        var baseline = Merger.CaptureBaseline(Stored());

        var result = Merger.Merge(stored, Official(), baseline, UpdateMode.Skip);

        ModelContent.AssertEqual(Stored(), stored);
        Assert.True(result.IsNoOp);
        Assert.Empty(result.Changes);
        Assert.Same(baseline, result.Baseline);
    }

    [Fact]
    public void Force_overwrites_everything_and_reports_the_overwritten_local_flags()
    {
        var stored = Stored();

        var result = Merger.Merge(stored, Official(), Merger.CaptureBaseline(Stored()), UpdateMode.Force);

        ModelContent.AssertEqual(Official(), stored);
        Assert.Equal(
            [FieldDecision.Applied, FieldDecision.Applied, FieldDecision.OverwroteLocal, FieldDecision.OverwroteLocal],
            result.Changes.Select(c => c.Decision));
    }

    [Fact]
    public void A_renamed_display_name_is_kept_and_reported_as_customised()
    {
        var stored = Stored();
        stored.DisplayName = "Turbo (ours)";
        var official = Official();
        official.DisplayName = "ElevenLabs Turbo V2.5";

        var result = Merger.Merge(stored, official, Merger.CaptureBaseline(Stored()), UpdateMode.Smart);

        Assert.Equal("Turbo (ours)", stored.DisplayName);
        var change = Assert.Single(result.Changes, c => c.Field == "DisplayName");
        Assert.Equal((FieldDecision.KeptCustomized, "Turbo (ours)", "ElevenLabs Turbo V2.5"), (change.Decision, change.OldValue, change.NewValue));
        Assert.Equal("{\"DisplayName\":\"ElevenLabs Turbo V2.5\"}", result.Baseline!.Json);
    }

    [Fact]
    public void A_display_name_still_equal_to_the_baseline_follows_the_official_one()
    {
        var stored = Stored();
        var official = Official();
        official.DisplayName = "ElevenLabs Turbo V2.5";

        Merger.Merge(stored, official, Merger.CaptureBaseline(Stored()), UpdateMode.Smart);

        Assert.Equal("ElevenLabs Turbo V2.5", stored.DisplayName);
    }

    [Fact]
    public void A_second_identical_sync_is_a_no_op_that_allocates_nothing()
    {
        var stored = Stored();
        stored.Config = JsonDocument.Parse("""{"voice":"rachel","stability":0.5}""").RootElement;
        var official = Merger.Clone(stored);
        var baseline = Merger.CaptureBaseline(official);
        for (var i = 0; i < 10; i++)
        {
            Merger.Merge(stored, official, baseline, UpdateMode.Smart);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Merger.Merge(stored, official, baseline, UpdateMode.Smart);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsNoOp);
        Assert.Same(baseline, result.Baseline);
        Assert.Empty(result.Changes);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Config_is_compared_as_JSON_not_as_text()
    {
        var stored = Stored();
        stored.Config = JsonDocument.Parse("""{"a": 1, "b": [true, null]}""").RootElement;
        var official = Merger.Clone(stored);
        official.Config = JsonDocument.Parse("""{"b":[true,null],"a":1}""").RootElement;

        var result = Merger.Merge(stored, official, null, UpdateMode.Smart);

        Assert.DoesNotContain(result.Changes, c => c.Field == "Config");
    }

    [Fact]
    public void Fields_lists_every_policy_field_in_declaration_order()
    {
        Assert.Equal(
            [
                "DisplayName:Conditional", "Description:Official", "CostPerUnit:Official", "UnitType:Official", "CreditsPerUnit:Official",
                "Config:Official", "Provider:Official", "ModelType:Official", "InputCostPerMillionTokens:Official",
                "OutputCostPerMillionTokens:Official", "ContextWindow:Official", "MaxOutputTokens:Official", "MaxInputTokens:Official", "Pricing:Official", "Capabilities:Official", "Lifecycle:Official", "IsActive:Local",
                "IsVisible:Local", "IsBeta:Local",
            ],
            Merger.Fields.Select(f => f.Name + ":" + f.Policy));
        Assert.Equal("decimal?", Merger.Fields.Single(f => f.Name == "CostPerUnit").ClrType);
    }

    [Fact]
    public void Clone_is_independent_and_content_equal()
    {
        var stored = Stored();
        stored.Config = JsonDocument.Parse("""{"a":1}""").RootElement;

        var copy = Merger.Clone(stored);
        copy.IsBeta = true;

        Assert.False(Merger.ContentEquals(stored, copy));
        copy.IsBeta = false;
        Assert.True(Merger.ContentEquals(stored, copy));
        Assert.Equal(stored.Id, Merger.GetId(copy));
    }

    [Fact]
    public void Diff_lists_each_edited_field_as_a_local_edit()
    {
        var before = Stored();
        var after = Merger.Clone(before);
        after.IsVisible = false;
        after.DisplayName = "Turbo";

        var changes = Merger.Diff(before, after);

        Assert.Equal(
            [("DisplayName", FieldPolicy.Conditional, FieldDecision.EditedLocally), ("IsVisible", FieldPolicy.Local, FieldDecision.EditedLocally)],
            changes.Select(c => (c.Field, c.Policy, c.Decision)));
        Assert.Empty(Merger.Diff(before, Merger.Clone(before)));
    }

    [Fact]
    public void An_unknown_update_mode_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>("mode", () => Merger.Merge(Stored(), Official(), null, (UpdateMode)42));
    }

    [Fact]
    public void The_merger_is_reachable_through_the_static_abstract_interface_member()
    {
        Assert.Same(CatalogModel.Merger, MergerOf<CatalogModel>());
        Assert.Same(ExtendedCatalogModel.Merger, MergerOf<ExtendedCatalogModel>());
    }

    private static IModelMerger<T> MergerOf<T>()
        where T : class, ICatalogModel<T> => T.Merger;
}
