using Microsoft.Extensions.Time.Testing;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.Sync;

public sealed class FaultAndRaceTests
{
    private sealed class FailingStore(int failAt) : InMemoryModelStore<CatalogModel>
    {
        public bool Armed { get; set; }

        protected override void OnApplyingWrite(ModelWrite<CatalogModel> write, int index)
        {
            if (Armed && index == failAt)
            {
                throw new IOException($"disk failed at write {index}");
            }
        }
    }

    private static ModelSnapshot<CatalogModel> Snapshot(string version, int count, decimal price)
        => new("s", version, DateTimeOffset.UnixEpoch, Enumerable.Range(0, count)
            .Select(i => new CatalogModel { Id = UnifiedModelId.Parse($"p/m{i:D2}"), DisplayName = $"m{i}", CostPerUnit = price + i })
            .ToList());

    [Fact]
    public async Task A_store_failing_at_any_write_of_the_batch_leaves_nothing_applied()
    {
        const int existing = 6;
        const int writes = 10; // 6 updates and 4 creates
        for (int k = 0; k < writes; k++)
        {
            var store = new FailingStore(k);
            var catalog = new DefaultModelCatalog<CatalogModel>(store, timeProvider: new FakeTimeProvider());
            await catalog.SyncAsync(Snapshot("v1", existing, 1m));
            var before = await SnapshotOf(store);
            store.Armed = true;

            await Assert.ThrowsAsync<IOException>(async () => await catalog.SyncAsync(Snapshot("v2", writes, 100m)));

            var after = await SnapshotOf(store);
            Assert.Equal(before, after);
        }
    }

    [Fact]
    public async Task An_admin_edit_landing_between_a_syncs_read_and_write_is_never_lost()
    {
        var (store, catalog) = await InterleavedCatalogAsync();

        for (int round = 0; round < Rounds; round++)
        {
            var id = UnifiedModelId.Parse($"p/m{round:D2}");
            // The hook runs the admin edit after the sync has read the rows and before its batch is applied.
            store.BeforeNextSyncBatch = () => catalog.EditAsync(id, m => (m.IsActive, m.DisplayName) = (false, $"admin-{round}")).AsTask();

            var report = await catalog.SyncAsync(Snapshot($"v{round + 1}", 20, round + 2m));

            Assert.Equal(2, report.Attempts); // the first batch was refused, the merge was redone on the fresh rows
            var model = (await store.FindAsync(id))!.Model;
            Assert.False(model.IsActive);
            Assert.Equal($"admin-{round}", model.DisplayName);
            Assert.Equal(round + 2m + round, model.CostPerUnit); // and the sync still landed (model i costs price + i)
        }

        Assert.Equal(Rounds, store.Conflicts);
        Assert.All(await AllHistoryAsync(store), h => Assert.Equal(1, h.Count(e => e.Kind == ModelChangeKind.LocalEdit)));
    }

    [Fact]
    public async Task A_sync_landing_between_an_admin_edits_read_and_write_makes_the_edit_retry_on_the_fresh_row()
    {
        var (store, catalog) = await InterleavedCatalogAsync();

        for (int round = 0; round < Rounds; round++)
        {
            var id = UnifiedModelId.Parse($"p/m{round:D2}");
            decimal price = round + 2m;
            // The hook runs a whole sync after the edit has read its row and before the edit's write is applied.
            store.BeforeNextEditBatch = () => catalog.SyncAsync(Snapshot($"v{round + 1}", 20, price)).AsTask();

            var result = await catalog.EditAsync(id, m => (m.IsActive, m.DisplayName) = (false, $"admin-{round}"));

            Assert.Equal(LocalEditStatus.Updated, result.Status);
            var model = (await store.FindAsync(id))!.Model;
            Assert.False(model.IsActive);
            Assert.Equal($"admin-{round}", model.DisplayName);
            Assert.Equal(price + round, model.CostPerUnit); // the sync that forced the retry is kept too (model i costs price + i)
        }

        Assert.Equal(Rounds, store.Conflicts);
        Assert.All(await AllHistoryAsync(store), h => Assert.Equal(1, h.Count(e => e.Kind == ModelChangeKind.LocalEdit)));
    }

    private const int Rounds = 20;

    // 20 synced models p/m00…p/m19 in a store that runs a test's hook between another operation's read and write.
    private static async Task<(InterleavingStore Store, DefaultModelCatalog<CatalogModel> Catalog)> InterleavedCatalogAsync()
    {
        var store = new InterleavingStore();
        var catalog = new DefaultModelCatalog<CatalogModel>(store, timeProvider: new FakeTimeProvider());
        await catalog.SyncAsync(Snapshot("v0", 20, 1m));
        return (store, catalog);
    }

    // Runs a test's hook once, right before the next sync (or admin edit) batch reaches the store, and counts the
    // batches the store refused: the interleaving is forced, not hoped for from the scheduler.
    private sealed class InterleavingStore : IModelStore<CatalogModel>
    {
        private readonly InMemoryModelStore<CatalogModel> _inner = new();

        public Func<Task>? BeforeNextSyncBatch { get; set; }

        public Func<Task>? BeforeNextEditBatch { get; set; }

        public int Conflicts { get; private set; }

        public ValueTask<StoredModel<CatalogModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
            => _inner.FindAsync(id, cancellationToken);

        public ValueTask<IReadOnlyDictionary<UnifiedModelId, StoredModel<CatalogModel>>> FindManyAsync(IReadOnlyCollection<UnifiedModelId> ids, CancellationToken cancellationToken = default)
            => _inner.FindManyAsync(ids, cancellationToken);

        public ValueTask<ModelPage<CatalogModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default)
            => _inner.ListAsync(query, cancellationToken);

        public ValueTask<int> DeleteProviderAsync(string providerId, DateTimeOffset at, CancellationToken cancellationToken = default)
            => _inner.DeleteProviderAsync(providerId, at, cancellationToken);

        public ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
            => _inner.GetHistoryAsync(id, cancellationToken);

        public async ValueTask ApplyAsync(ModelBatch<CatalogModel> batch, CancellationToken cancellationToken = default)
        {
            bool isEdit = batch.History.Any(h => h.Kind == ModelChangeKind.LocalEdit);
            var hook = isEdit ? BeforeNextEditBatch : BeforeNextSyncBatch;
            if (isEdit)
            {
                BeforeNextEditBatch = null;
            }
            else
            {
                BeforeNextSyncBatch = null;
            }

            if (hook is not null)
            {
                await hook();
            }

            try
            {
                await _inner.ApplyAsync(batch, cancellationToken);
            }
            catch (ModelStoreConflictException)
            {
                Conflicts++;
                throw;
            }
        }
    }

    private static async Task<List<IReadOnlyList<ModelHistoryEntry>>> AllHistoryAsync(IModelStore<CatalogModel> store)
    {
        var all = new List<IReadOnlyList<ModelHistoryEntry>>();
        for (int i = 0; i < 20; i++)
        {
            all.Add(await store.GetHistoryAsync(UnifiedModelId.Parse($"p/m{i:D2}")));
        }

        return all;
    }

    private static async Task<string> SnapshotOf(InMemoryModelStore<CatalogModel> store)
    {
        var page = await store.ListAsync(new ModelQuery { Limit = 1000 });
        var lines = new List<string>();
        foreach (var s in page.Items)
        {
            var history = await store.GetHistoryAsync(s.Model.Id);
            lines.Add($"{s.Model.Id}|{s.Version}|{s.Model.CostPerUnit}|{s.Model.DisplayName}|{s.SyncState.SourceVersion}|{history.Count}");
        }

        return string.Join("\n", lines);
    }
}
