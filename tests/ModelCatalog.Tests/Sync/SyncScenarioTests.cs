using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.Sync;

public sealed class SyncScenarioTests
{
    private static readonly UnifiedModelId Turbo = UnifiedModelId.Parse("elevenlabs/eleven_turbo_v2");
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryModelStore<CatalogModel> _store = new();
    private readonly DefaultModelCatalog<CatalogModel> _catalog;

    public SyncScenarioTests() => _catalog = new DefaultModelCatalog<CatalogModel>(_store, timeProvider: _time);

    private static CatalogModel Stored() => new()
    {
        Id = Turbo,
        DisplayName = "ElevenLabs Turbo V2",
        Description = "快速 TTS",
        CostPerUnit = 0.0014m,
        IsActive = true,
        IsVisible = true,
    };

    private static CatalogModel Official() => new()
    {
        Id = Turbo,
        DisplayName = "ElevenLabs Turbo V2",
        Description = "快速文本转语音,低延迟",
        CostPerUnit = 0.0016m,
        IsActive = false,
        IsVisible = false,
    };

    private static ModelSnapshot<CatalogModel> Snapshot(string version, params CatalogModel[] models)
        => new("official", version, DateTimeOffset.UnixEpoch, models);

    private async Task SeedAsync()
    {
        await _catalog.SyncAsync(Snapshot("v1", Stored()));
        _time.Advance(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Smart_sync_updates_the_price_and_description_and_keeps_the_local_switches()
    {
        await SeedAsync();

        var report = await _catalog.SyncAsync(Snapshot("v2", Official()));

        var model = (await _catalog.FindAsync(Turbo))!.Model;
        Assert.Equal(0.0016m, model.CostPerUnit);
        Assert.Equal("快速文本转语音,低延迟", model.Description);
        Assert.True(model.IsActive);
        Assert.True(model.IsVisible);
        Assert.Equal(1, report.Updated);
        var changes = Assert.Single(report.Models).Changes;
        Assert.Contains(changes, c => c is { Field: "CostPerUnit", Decision: FieldDecision.Applied });
        Assert.Contains(changes, c => c is { Field: "IsActive", Decision: FieldDecision.KeptLocal });
    }

    [Fact]
    public async Task Skip_mode_leaves_existing_models_untouched_and_still_creates_new_ones()
    {
        await SeedAsync();
        var before = await _catalog.FindAsync(Turbo);
        var fresh = new CatalogModel { Id = UnifiedModelId.Parse("openai/gpt-4o"), DisplayName = "GPT-4o" };

        var report = await _catalog.SyncAsync(Snapshot("v2", Official(), fresh), new SyncOptions { Mode = UpdateMode.Skip });

        var after = (await _catalog.FindAsync(Turbo))!;
        Assert.Equal(before!.Version, after.Version);
        Assert.Equal(before.SyncState, after.SyncState);
        ModelContent.AssertEqual(before.Model, after.Model);
        Assert.Equal((1, 1), (report.Skipped, report.Created));
        Assert.NotNull(await _catalog.FindAsync(fresh.Id));
    }

    [Fact]
    public async Task Force_mode_overwrites_every_field_including_local_ones()
    {
        await SeedAsync();

        var report = await _catalog.SyncAsync(Snapshot("v2", Official()), new SyncOptions { Mode = UpdateMode.Force });

        var model = (await _catalog.FindAsync(Turbo))!.Model;
        ModelContent.AssertEqual(Official(), model);
        Assert.Contains(report.Models.Single().Changes, c => c is { Field: "IsActive", Decision: FieldDecision.OverwroteLocal });
    }

    [Fact]
    public async Task The_display_name_follows_upstream_until_an_admin_renames_it_and_then_stays_customised()
    {
        var id = UnifiedModelId.Parse("openai/gpt-4o");
        CatalogModel Official(string name) => new() { Id = id, DisplayName = name };

        await _catalog.SyncAsync(Snapshot("v1", Official("GPT-4o")));
        await _catalog.SyncAsync(Snapshot("v2", Official("GPT-4o (2024-08)")));
        Assert.Equal("GPT-4o (2024-08)", (await _catalog.FindAsync(id))!.Model.DisplayName);

        await _catalog.EditAsync(id, m => m.DisplayName = "Our flagship");
        var report = await _catalog.SyncAsync(Snapshot("v3", Official("GPT-4o (2024-11)")));
        Assert.Equal("Our flagship", (await _catalog.FindAsync(id))!.Model.DisplayName);
        Assert.Contains(report.Models.Single().Changes, c => c is { Field: "DisplayName", Decision: FieldDecision.KeptCustomized });

        await _catalog.SyncAsync(Snapshot("v4", Official("GPT-4o (2025-01)")));
        Assert.Equal("Our flagship", (await _catalog.FindAsync(id))!.Model.DisplayName);

        // Setting it back to the last official name hands it back to upstream.
        await _catalog.EditAsync(id, m => m.DisplayName = "GPT-4o (2025-01)");
        await _catalog.SyncAsync(Snapshot("v5", Official("GPT-4o (2025-06)")));
        Assert.Equal("GPT-4o (2025-06)", (await _catalog.FindAsync(id))!.Model.DisplayName);
    }

    [Fact]
    public async Task Re_syncing_identical_data_reports_nothing_changed_and_writes_nothing()
    {
        await SeedAsync();
        await _catalog.SyncAsync(Snapshot("v2", Official()));
        var before = await _catalog.FindAsync(Turbo);
        var historyBefore = await _catalog.GetHistoryAsync(Turbo);

        var report = await _catalog.SyncAsync(Snapshot("v2", Official()));

        Assert.Equal((0, 0, 1), (report.Created, report.Updated, report.Unchanged));
        Assert.False(report.HasChanges);
        Assert.Equal(before!.Version, (await _catalog.FindAsync(Turbo))!.Version);
        Assert.Equal(historyBefore.Count, (await _catalog.GetHistoryAsync(Turbo)).Count);
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_decisions_and_writes_nothing()
    {
        await SeedAsync();
        var before = await _catalog.FindAsync(Turbo);

        var dry = await _catalog.SyncAsync(Snapshot("v2", Official()), new SyncOptions { DryRun = true });
        var afterDry = await _catalog.FindAsync(Turbo);
        var real = await _catalog.SyncAsync(Snapshot("v2", Official()));

        Assert.Equal(before!.Version, afterDry!.Version);
        Assert.Equal(0.0014m, afterDry.Model.CostPerUnit);
        Assert.Equal(real.Models.Select(m => (m.Id, m.Outcome, m.Changes.Count)), dry.Models.Select(m => (m.Id, m.Outcome, m.Changes.Count)));
        Assert.True(dry.DryRun);
    }

    [Fact]
    public async Task Invalid_and_duplicate_entries_are_rejected_with_a_reason_and_the_rest_is_applied()
    {
        var a = new CatalogModel { Id = UnifiedModelId.Parse("openai/a"), DisplayName = "first" };
        var again = new CatalogModel { Id = UnifiedModelId.Parse("openai/a"), DisplayName = "second" };
        var noId = new CatalogModel { DisplayName = "nameless" };
        var b = new CatalogModel { Id = UnifiedModelId.Parse("openai/b"), DisplayName = "b" };
        var snapshot = Snapshot("v1", a, again, noId, b) with { Rejections = [new SyncRejection(9, "bad key", "upstream said no")] };

        var report = await _catalog.SyncAsync(snapshot);

        Assert.Equal(2, report.Created);
        Assert.Equal(3, report.Rejected);
        Assert.Contains(report.Rejections, r => r.Index == 1 && r.Reason.Contains("duplicate", StringComparison.Ordinal));
        Assert.Contains(report.Rejections, r => r.Index == 2 && r.Reason.Contains("no unified model ID", StringComparison.Ordinal));
        Assert.Contains(report.Rejections, r => r.Key == "bad key");
        Assert.Equal("first", (await _catalog.FindAsync(a.Id))!.Model.DisplayName);
    }

    [Fact]
    public async Task New_models_take_the_hosts_initial_local_values()
    {
        var catalog = new DefaultModelCatalog<CatalogModel>(_store, timeProvider: _time, initializeNewModel: m => m.IsVisible = false);

        await catalog.SyncAsync(Snapshot("v1", Stored()));

        var model = (await catalog.FindAsync(Turbo))!.Model;
        Assert.False(model.IsVisible);
        Assert.True(model.IsActive);
    }

    [Fact]
    public async Task The_report_says_when_the_applied_data_was_fetched_apart_from_when_it_was_applied()
    {
        var fetchedAt = new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);
        _time.SetUtcNow(fetchedAt.AddHours(5));

        var report = await _catalog.SyncAsync(Snapshot("v1", Stored()) with { FetchedAt = fetchedAt });

        Assert.Equal((fetchedAt, fetchedAt.AddHours(5)), (report.FetchedAt, report.SyncedAt));
    }

    [Fact]
    public async Task Sync_state_and_history_record_source_version_time_and_field_changes()
    {
        await SeedAsync();
        var syncedAt = _time.GetUtcNow();

        await _catalog.SyncAsync(Snapshot("v2", Official()));

        var stored = (await _catalog.FindAsync(Turbo))!;
        Assert.Equal(("official", "v2", syncedAt), (stored.SyncState.SourceName, stored.SyncState.SourceVersion, stored.SyncState.LastSyncedAt!.Value));
        Assert.True(stored.SyncState.Baseline!.TryGetValue("DisplayName", out var baseline));
        Assert.Equal("ElevenLabs Turbo V2", baseline.GetString());
        var history = await _catalog.GetHistoryAsync(Turbo);
        Assert.Equal([ModelChangeKind.Created, ModelChangeKind.Synced], history.Select(h => h.Kind));
        var cost = history[1].Changes.Single(c => c.Field == "CostPerUnit");
        Assert.Equal(("0.0014", "0.0016", FieldDecision.Applied), (cost.OldValueJson, cost.NewValueJson, cost.Decision));
    }

    [Fact]
    public async Task Local_edits_are_recorded_in_history_as_local()
    {
        await SeedAsync();

        var result = await _catalog.EditAsync(Turbo, m => (m.IsActive, m.IsBeta) = (false, true));

        Assert.Equal(LocalEditStatus.Updated, result.Status);
        var entry = (await _catalog.GetHistoryAsync(Turbo))[^1];
        Assert.Equal(ModelChangeKind.LocalEdit, entry.Kind);
        Assert.Equal(["IsActive", "IsBeta"], entry.Changes.Select(c => c.Field).Order(StringComparer.Ordinal));
        Assert.All(entry.Changes, c => Assert.Equal(FieldDecision.EditedLocally, c.Decision));
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_writes_nothing_and_an_unknown_id_is_not_found()
    {
        await SeedAsync();
        var version = (await _catalog.FindAsync(Turbo))!.Version;

        var same = await _catalog.EditAsync(Turbo, m => m.IsActive = true);
        var unknown = await _catalog.EditAsync(UnifiedModelId.Parse("x/y"), m => m.IsActive = false);

        Assert.Equal(LocalEditStatus.Unchanged, same.Status);
        Assert.Equal(version, (await _catalog.FindAsync(Turbo))!.Version);
        Assert.Equal(LocalEditStatus.NotFound, unknown.Status);
    }

    [Fact]
    public async Task An_edit_may_not_change_the_models_id()
    {
        await SeedAsync();

        await Assert.ThrowsAsync<ArgumentException>("edit", async () => await _catalog.EditAsync(Turbo, m => m.Id = UnifiedModelId.Parse("x/y")));
    }
}
