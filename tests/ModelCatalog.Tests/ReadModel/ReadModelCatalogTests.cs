using Microsoft.Extensions.Time.Testing;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.Tests.ReadModel;

/// <summary>The read model behind a catalog on the in-memory store: in-process changes, failures, incremental refresh.</summary>
public sealed class ReadModelCatalogTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero));

    private sealed class FailingStore : InMemoryModelStore<CatalogModel>
    {
        public int FailAtWrite { get; set; } = -1;

        protected override void OnApplyingWrite(ModelWrite<CatalogModel> write, int index)
        {
            if (index == FailAtWrite)
            {
                throw new IOException($"disk failed at write {index}");
            }
        }
    }

    private (DefaultModelCatalog<CatalogModel> Catalog, ModelReadModel<CatalogModel> ReadModel) Create(IModelStore<CatalogModel>? store = null)
    {
        store ??= new InMemoryModelStore<CatalogModel>();
        var readModel = new ModelReadModel<CatalogModel>(store, timeProvider: _time);
        return (new DefaultModelCatalog<CatalogModel>(store, timeProvider: _time, observers: [readModel]), readModel);
    }

    private static ModelSnapshot<CatalogModel> Snapshot(string version, int count, string source = "s")
        => new(source, version, DateTimeOffset.UnixEpoch, Enumerable.Range(0, count)
            .Select(i => new CatalogModel { Id = UnifiedModelId.Parse($"p/m{i:D3}"), DisplayName = $"m{i}", Description = version })
            .ToList());

    private static UnifiedModelId Id(string id) => UnifiedModelId.Parse(id);

    [Fact]
    public async Task A_sync_is_in_the_snapshot_when_the_call_returns()
    {
        var (catalog, readModel) = Create();
        await readModel.GetSnapshotAsync();

        await catalog.SyncAsync(Snapshot("v1", 3));

        Assert.Equal(["p/m000", "p/m001", "p/m002"], readModel.Current!.Models.Select(m => m.Model.Id.ToString()));
        Assert.Equal(2, readModel.Current.Generation);
    }

    [Fact]
    public async Task A_local_edit_is_in_the_snapshot_when_the_call_returns()
    {
        var (catalog, readModel) = Create();
        await catalog.SyncAsync(Snapshot("v1", 3));

        await catalog.EditAsync(Id("p/m001"), m => m.IsVisible = false);

        var snapshot = readModel.Current!;
        Assert.False(snapshot.TryGet(Id("p/m001"), out var edited) && edited.Model.IsVisible);
        Assert.Equal(["p/m000", "p/m002"], snapshot.Listed.Select(m => m.Model.Id.ToString()));
    }

    [Fact]
    public async Task A_provider_delete_is_in_the_snapshot_when_the_call_returns()
    {
        var (catalog, readModel) = Create();
        await catalog.SyncAsync(Snapshot("v1", 2));
        await catalog.SyncAsync(new ModelSnapshot<CatalogModel>("t", "v1", DateTimeOffset.UnixEpoch, [new CatalogModel { Id = Id("q/keep") }]));

        Assert.Equal(2, await catalog.DeleteProviderAsync("p"));

        Assert.Equal(["q/keep"], readModel.Current!.Models.Select(m => m.Model.Id.ToString()));
        Assert.Empty(readModel.Current.ForProvider("p"));
    }

    [Fact]
    public async Task A_sync_that_fails_half_way_leaves_the_snapshot_as_it_was()
    {
        var store = new FailingStore();
        var (catalog, readModel) = Create(store);
        await catalog.SyncAsync(Snapshot("v1", 4));
        var before = readModel.Current!;

        store.FailAtWrite = 5; // v2 updates four models and creates four: the sixth write fails
        await Assert.ThrowsAsync<IOException>(async () => await catalog.SyncAsync(Snapshot("v2", 8)));

        Assert.Same(before, readModel.Current);
        Assert.All(readModel.Current!.Models, m => Assert.Equal("v1", m.Model.Description));
        Assert.Null(readModel.Status.LastError); // the store failed the sync, not the refresh
    }

    [Fact]
    public async Task A_refresh_after_one_edit_replaces_only_that_model()
    {
        var (catalog, readModel) = Create();
        await catalog.SyncAsync(Snapshot("v1", 50));
        var before = readModel.Current!;

        await catalog.EditAsync(Id("p/m007"), m => m.DisplayName = "seven");

        var after = readModel.Current!;
        for (int i = 0; i < after.Count; i++)
        {
            bool edited = after.Ids[i] == Id("p/m007");
            Assert.Equal(!edited, ReferenceEquals(before.Models[i], after.Models[i]));
        }

        Assert.Equal("seven", after.Models[7].Model.DisplayName);
    }

    [Fact]
    public async Task A_dry_run_and_an_unchanged_resync_publish_no_new_snapshot()
    {
        var (catalog, readModel) = Create();
        await catalog.SyncAsync(Snapshot("v1", 3));
        var before = readModel.Current!;

        await catalog.SyncAsync(Snapshot("v2", 5), new SyncOptions { DryRun = true });
        await catalog.SyncAsync(Snapshot("v1", 3));

        Assert.Same(before, readModel.Current);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_snapshot_and_records_the_error_until_a_refresh_succeeds()
    {
        var store = new SwitchableStore();
        var (catalog, readModel) = Create(store);
        await catalog.SyncAsync(Snapshot("v1", 2));
        var before = readModel.Current!;

        store.Broken = true;
        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await readModel.RefreshAsync());

        Assert.Same(before, readModel.Current);
        Assert.Same(error, readModel.Status.LastError);
        Assert.Equal(1, readModel.Status.Failures);

        store.Broken = false;
        await readModel.RefreshAsync();
        Assert.Null(readModel.Status.LastError);
    }

    [Fact]
    public async Task A_store_without_a_change_feed_is_reloaded_in_full()
    {
        var store = new PlainStore();
        var (catalog, readModel) = Create(store);
        await catalog.SyncAsync(Snapshot("v1", 1_200)); // more than one page of 1000
        await catalog.EditAsync(Id("p/m1100"), m => m.DisplayName = "edited");

        var snapshot = readModel.Current!;
        Assert.Equal(1_200, snapshot.Count);
        Assert.True(snapshot.TryGet(Id("p/m1100"), out var edited));
        Assert.Equal("edited", edited.Model.DisplayName);
    }

    [Fact]
    public async Task The_first_reader_loads_the_snapshot_once_for_everyone()
    {
        var (catalog, readModel) = Create();
        await catalog.Store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Create(Guid.CreateVersion7(), Id("p/x"), new CatalogModel { Id = Id("p/x") }, ModelSyncState.None)));

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => readModel.GetSnapshotAsync().AsTask()));

        Assert.All(snapshots, s => Assert.Same(snapshots[0], s));
        Assert.Equal(1, readModel.Status.Refreshes);
    }

    [Fact]
    public async Task Snapshot_changed_handlers_see_each_new_snapshot_and_a_faulty_one_does_not_stop_the_refresh()
    {
        var (catalog, readModel) = Create();
        var seen = new List<long>();
        readModel.SnapshotChanged += _ => throw new InvalidOperationException("faulty subscriber");
        readModel.SnapshotChanged += s => seen.Add(s.Generation);

        await catalog.SyncAsync(Snapshot("v1", 1));
        await catalog.SyncAsync(Snapshot("v2", 1));

        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void A_read_model_needs_a_store()
        => Assert.Throws<ArgumentNullException>("store", () => new ModelReadModel<CatalogModel>(null!));

    /// <summary>An in-memory store whose change feed can be made to fail.</summary>
    private sealed class SwitchableStore : InMemoryModelStore<CatalogModel>, IModelChangeFeed<CatalogModel>
    {
        public bool Broken { get; set; }

        bool IModelChangeFeed<CatalogModel>.IsShared => false;

        ValueTask<long> IModelChangeFeed<CatalogModel>.GetChangeMarkerAsync(CancellationToken cancellationToken)
            => Broken ? throw new TimeoutException("the database did not answer") : GetChangeMarkerAsync(cancellationToken);

        ValueTask<ModelStoreContents<CatalogModel>> IModelChangeFeed<CatalogModel>.LoadAllAsync(CancellationToken cancellationToken)
            => Broken ? throw new TimeoutException("the database did not answer") : LoadAllAsync(cancellationToken);

        ValueTask<ModelChangeSet<CatalogModel>?> IModelChangeFeed<CatalogModel>.GetChangesSinceAsync(long marker, int maxChanges, CancellationToken cancellationToken)
            => Broken ? throw new TimeoutException("the database did not answer") : GetChangesSinceAsync(marker, maxChanges, cancellationToken);
    }

    /// <summary>A store with no change feed: only the <see cref="IModelStore{TModel}"/> contract.</summary>
    private sealed class PlainStore : IModelStore<CatalogModel>
    {
        private readonly InMemoryModelStore<CatalogModel> _inner = new();

        public ValueTask<StoredModel<CatalogModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default) => _inner.FindAsync(id, cancellationToken);

        public ValueTask<IReadOnlyDictionary<UnifiedModelId, StoredModel<CatalogModel>>> FindManyAsync(IReadOnlyCollection<UnifiedModelId> ids, CancellationToken cancellationToken = default)
            => _inner.FindManyAsync(ids, cancellationToken);

        public ValueTask<ModelPage<CatalogModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default) => _inner.ListAsync(query, cancellationToken);

        public ValueTask ApplyAsync(ModelBatch<CatalogModel> batch, CancellationToken cancellationToken = default) => _inner.ApplyAsync(batch, cancellationToken);

        public ValueTask<int> DeleteProviderAsync(string providerId, DateTimeOffset at, CancellationToken cancellationToken = default) => _inner.DeleteProviderAsync(providerId, at, cancellationToken);

        public ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default) => _inner.GetHistoryAsync(id, cancellationToken);
    }
}
