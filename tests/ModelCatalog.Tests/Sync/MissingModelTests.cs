using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.Sync;

public sealed class MissingModelTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryModelStore<CatalogModel> _store = new();
    private readonly DefaultModelCatalog<CatalogModel> _catalog;

    public MissingModelTests() => _catalog = new DefaultModelCatalog<CatalogModel>(_store, timeProvider: _time);

    private static ModelSnapshot<CatalogModel> Snapshot(string source, int from, int count)
        => new(source, "v", DateTimeOffset.UnixEpoch, Enumerable.Range(from, count).Select(i => new CatalogModel { Id = UnifiedModelId.Parse($"p/m{i:D3}"), DisplayName = $"m{i}" }).ToList());

    [Fact]
    public async Task Models_missing_upstream_are_kept_and_marked_once_by_default()
    {
        await _catalog.SyncAsync(Snapshot("s", 0, 10));
        _time.Advance(TimeSpan.FromDays(1));

        var first = await _catalog.SyncAsync(Snapshot("s", 0, 8));
        var version = (await _store.FindAsync(UnifiedModelId.Parse("p/m009")))!.Version;
        var second = await _catalog.SyncAsync(Snapshot("s", 0, 8));

        Assert.Equal(2, first.MissingUpstream);
        Assert.Equal(2, first.Writes);
        Assert.Equal(2, second.MissingUpstream);
        Assert.Equal(0, second.Writes);
        var stored = (await _store.FindAsync(UnifiedModelId.Parse("p/m009")))!;
        Assert.Equal(version, stored.Version);
        Assert.Equal(_time.GetUtcNow(), stored.SyncState.MissingUpstreamSince);
        Assert.Equal(10, _store.Count);
    }

    [Fact]
    public async Task A_model_that_returns_upstream_loses_its_missing_mark()
    {
        await _catalog.SyncAsync(Snapshot("s", 0, 10));
        await _catalog.SyncAsync(Snapshot("s", 0, 9));

        await _catalog.SyncAsync(Snapshot("s", 0, 10));

        Assert.Null((await _store.FindAsync(UnifiedModelId.Parse("p/m009")))!.SyncState.MissingUpstreamSince);
    }

    [Fact]
    public async Task Delete_policy_removes_missing_models_within_the_allowed_share()
    {
        await _catalog.SyncAsync(Snapshot("s", 0, 10));

        var report = await _catalog.SyncAsync(Snapshot("s", 0, 8), new SyncOptions { MissingModels = MissingModelPolicy.Delete, MaxRemovalShare = 0.2 });

        Assert.Equal(2, report.Removed);
        Assert.Equal(8, _store.Count);
        Assert.Equal(ModelChangeKind.Deleted, (await _store.GetHistoryAsync(UnifiedModelId.Parse("p/m009")))[^1].Kind);
    }

    [Fact]
    public async Task Deactivate_policy_switches_missing_models_off()
    {
        await _catalog.SyncAsync(Snapshot("s", 0, 10));

        var report = await _catalog.SyncAsync(Snapshot("s", 0, 9), new SyncOptions { MissingModels = MissingModelPolicy.Deactivate });

        Assert.Equal(1, report.Deactivated);
        Assert.False((await _store.FindAsync(UnifiedModelId.Parse("p/m009")))!.Model.IsActive);
        Assert.True((await _store.FindAsync(UnifiedModelId.Parse("p/m008")))!.Model.IsActive);
    }

    [Fact]
    public async Task The_guard_refuses_to_remove_more_than_the_allowed_share_and_keeps_everything()
    {
        await _catalog.SyncAsync(Snapshot("s", 0, 10));

        var report = await _catalog.SyncAsync(Snapshot("s", 0, 7), new SyncOptions { MissingModels = MissingModelPolicy.Delete, MaxRemovalShare = 0.2 });

        Assert.Equal(10, _store.Count);
        Assert.Equal(0, report.Removed);
        Assert.Equal(3, report.MissingUpstream);
        Assert.Contains("allowed share", report.RemovalRefusedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_snapshot_never_removes_anything()
    {
        await _catalog.SyncAsync(Snapshot("s", 0, 10));

        var report = await _catalog.SyncAsync(Snapshot("s", 0, 0), new SyncOptions { MissingModels = MissingModelPolicy.Delete, MaxRemovalShare = 1 });

        Assert.Equal(10, _store.Count);
        Assert.Contains("empty", report.RemovalRefusedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removal_only_concerns_the_models_of_the_syncing_source()
    {
        await _catalog.SyncAsync(Snapshot("a", 0, 5));
        await _catalog.SyncAsync(Snapshot("b", 5, 5));

        var report = await _catalog.SyncAsync(Snapshot("a", 0, 4), new SyncOptions { MissingModels = MissingModelPolicy.Delete, MaxRemovalShare = 0.5 });

        Assert.Equal(1, report.Removed);
        Assert.Equal(9, _store.Count);
    }
}
