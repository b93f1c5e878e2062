using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Tests.Policies;

namespace ModelCatalog.Tests.Sync;

/// <summary>Which missing models a run counts against the removal share, what it writes for them, and their history.</summary>
public sealed class RemovalGuardBoundaryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryModelStore<CatalogModel> _store = new();

    private ModelSynchronizer<CatalogModel> Synchronizer() => new(_store, _time);

    // Models p/m000 .. p/m(count-1), in source order.
    private static ModelSnapshot<CatalogModel> Snapshot(int count)
        => new("s", "v", DateTimeOffset.UnixEpoch, [.. Enumerable.Range(0, count).Select(i => new CatalogModel { Id = Id(i), DisplayName = $"m{i}" })]);

    private static UnifiedModelId Id(int i) => UnifiedModelId.Parse($"p/m{i:D3}");

    private static SyncOptions Remove(MissingModelPolicy policy, double share) => new() { MissingModels = policy, MaxRemovalShare = share };

    private async Task<IReadOnlyList<ModelChangeKind>> HistoryKinds(int i) => [.. (await _store.GetHistoryAsync(Id(i))).Select(h => h.Kind)];

    [Fact]
    public async Task Keep_never_reports_a_refusal_even_for_an_empty_snapshot()
    {
        await Synchronizer().SyncAsync(Snapshot(3));

        var report = await Synchronizer().SyncAsync(Snapshot(0));

        Assert.Null(report.RemovalRefusedReason);
        Assert.Equal(3, report.MissingUpstream);
    }

    [Fact]
    public async Task An_empty_snapshot_of_a_source_that_owns_nothing_refuses_nothing()
    {
        var report = await Synchronizer().SyncAsync(Snapshot(0), Remove(MissingModelPolicy.Delete, 1));

        Assert.Null(report.RemovalRefusedReason);
    }

    [Fact]
    public async Task Deactivating_two_active_models_of_five_exceeds_a_share_of_20_percent_and_none_is_deactivated()
    {
        await Synchronizer().SyncAsync(Snapshot(5));

        var report = await Synchronizer().SyncAsync(Snapshot(3), Remove(MissingModelPolicy.Deactivate, 0.2));

        Assert.StartsWith("2 of the source's 5 models would be removed or deactivated", report.RemovalRefusedReason, StringComparison.Ordinal);
        Assert.Equal(0, report.Deactivated);
        Assert.True((await _store.FindAsync(Id(4)))!.Model.IsActive);
    }

    [Fact]
    public async Task Deactivating_two_of_five_at_a_share_of_exactly_40_percent_is_allowed()
    {
        await Synchronizer().SyncAsync(Snapshot(5));

        var report = await Synchronizer().SyncAsync(Snapshot(3), Remove(MissingModelPolicy.Deactivate, 0.4));

        Assert.Null(report.RemovalRefusedReason);
        Assert.Equal((2, 2), (report.Deactivated, report.Writes));
        Assert.False((await _store.FindAsync(Id(4)))!.Model.IsActive);
        Assert.Equal([ModelChangeKind.Created, ModelChangeKind.Deactivated], await HistoryKinds(4));
        var change = Assert.Single((await _store.GetHistoryAsync(Id(4)))[1].Changes);
        Assert.Equal(("IsActive", "true", "false"), (change.Field, change.OldValueJson, change.NewValueJson));
    }

    [Fact]
    public async Task Delete_counts_already_deactivated_models_against_the_share_because_it_would_still_remove_them()
    {
        await Synchronizer().SyncAsync(Snapshot(5));
        await Synchronizer().SyncAsync(Snapshot(3), Remove(MissingModelPolicy.Deactivate, 1));

        var report = await Synchronizer().SyncAsync(Snapshot(3), Remove(MissingModelPolicy.Delete, 0.2));

        Assert.StartsWith("2 of the source's 5 models would be removed or deactivated", report.RemovalRefusedReason, StringComparison.Ordinal);
        Assert.Equal(5, _store.Count);
    }

    [Fact]
    public async Task Deleting_one_of_five_at_a_share_of_20_percent_writes_one_delete_and_its_history()
    {
        await Synchronizer().SyncAsync(Snapshot(5));

        var report = await Synchronizer().SyncAsync(Snapshot(4), Remove(MissingModelPolicy.Delete, 0.2));

        Assert.Equal((1, 1, 1), (report.Removed, report.MissingUpstream, report.Writes));
        Assert.Null(await _store.FindAsync(Id(4)));
        Assert.Equal([ModelChangeKind.Created, ModelChangeKind.Deleted], await HistoryKinds(4));
    }

    [Fact]
    public async Task A_model_deactivated_later_keeps_the_time_it_first_went_missing()
    {
        await Synchronizer().SyncAsync(Snapshot(5));
        _time.Advance(TimeSpan.FromDays(1));
        await Synchronizer().SyncAsync(Snapshot(4));
        _time.Advance(TimeSpan.FromDays(1));

        await Synchronizer().SyncAsync(Snapshot(4), Remove(MissingModelPolicy.Deactivate, 1));

        var stored = (await _store.FindAsync(Id(4)))!;
        Assert.False(stored.Model.IsActive);
        Assert.Equal(Start.AddDays(1), stored.SyncState.MissingUpstreamSince);
        Assert.Equal([ModelChangeKind.Created, ModelChangeKind.MissingUpstream, ModelChangeKind.Deactivated], await HistoryKinds(4));
    }

    [Fact]
    public async Task A_model_listed_again_unchanged_after_going_missing_gets_a_synced_history_entry()
    {
        await Synchronizer().SyncAsync(Snapshot(2));
        await Synchronizer().SyncAsync(Snapshot(1));

        var report = await Synchronizer().SyncAsync(Snapshot(2));

        Assert.Equal((1, 2), (report.Writes, report.Unchanged));
        Assert.Equal([ModelChangeKind.Created, ModelChangeKind.MissingUpstream, ModelChangeKind.Synced], await HistoryKinds(1));
        Assert.Null((await _store.FindAsync(Id(1)))!.SyncState.MissingUpstreamSince);
    }

    [Fact]
    public async Task A_model_type_without_availability_can_be_deleted_but_deactivating_it_is_refused_by_name()
    {
        var store = new InMemoryModelStore<LawModel>();
        var synchronizer = new ModelSynchronizer<LawModel>(store);
        static ModelSnapshot<LawModel> Laws(int count, string description)
            => new("s", "v", DateTimeOffset.UnixEpoch, [.. Enumerable.Range(0, count).Select(i => new LawModel { Id = Id(i), Description = description })]);
        await synchronizer.SyncAsync(Laws(5, "a"));

        var deactivate = await synchronizer.SyncAsync(Laws(4, "b"), Remove(MissingModelPolicy.Deactivate, 1));
        var delete = await synchronizer.SyncAsync(Laws(4, "b"), Remove(MissingModelPolicy.Delete, 1));

        Assert.Equal("LawModel does not implement IModelAvailability, so missing models cannot be deactivated", deactivate.RemovalRefusedReason);
        Assert.Equal(4, deactivate.Updated);
        Assert.Null(delete.RemovalRefusedReason);
        Assert.Equal((1, 4), (delete.Removed, store.Count));
    }
}
