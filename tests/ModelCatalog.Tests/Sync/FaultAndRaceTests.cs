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
    public async Task Admin_edits_racing_repeated_syncs_are_never_lost()
    {
        var store = new InMemoryModelStore<CatalogModel>();
        var catalog = new DefaultModelCatalog<CatalogModel>(store, timeProvider: new FakeTimeProvider());
        await catalog.SyncAsync(Snapshot("v0", 20, 1m));
        using var stop = new CancellationTokenSource();
        int syncs = 0;

        var syncer = Task.Run(async () =>
        {
            decimal price = 2m;
            while (!stop.IsCancellationRequested || Volatile.Read(ref syncs) < 30)
            {
                await catalog.SyncAsync(Snapshot($"v{price}", 20, price++));
                Interlocked.Increment(ref syncs);
            }
        });

        var edits = 0;
        var expected = new Dictionary<UnifiedModelId, (bool Active, string Name)>();
        for (int round = 0; round < 200; round++)
        {
            var id = UnifiedModelId.Parse($"p/m{round % 20:D2}");
            bool active = round % 3 != 0;
            string name = $"admin-{round}";
            await Task.Yield();
            var result = await catalog.EditAsync(id, m => (m.IsActive, m.DisplayName) = (active, name));
            Assert.Equal(LocalEditStatus.Updated, result.Status);
            expected[id] = (active, name);
            edits++;
        }

        await stop.CancelAsync();
        await syncer;
        var finalPrice = (await store.FindAsync(UnifiedModelId.Parse("p/m00")))!.Model.CostPerUnit;
        await catalog.SyncAsync(Snapshot("final", 20, finalPrice!.Value));

        Assert.Equal(200, edits);
        Assert.True(syncs >= 30);

        // The race really happened: somewhere a sync wrote between two admin edits of the same model.
        bool interleaved = false;
        for (int i = 0; i < 20 && !interleaved; i++)
        {
            var kinds = (await store.GetHistoryAsync(UnifiedModelId.Parse($"p/m{i:D2}"))).Select(h => h.Kind).ToList();
            int firstEdit = kinds.IndexOf(ModelChangeKind.LocalEdit), lastEdit = kinds.LastIndexOf(ModelChangeKind.LocalEdit);
            interleaved = firstEdit >= 0 && kinds.Skip(firstEdit).Take(lastEdit - firstEdit).Contains(ModelChangeKind.Synced);
        }

        Assert.True(interleaved, "no sync landed between two admin edits: the test did not race");
        foreach (var (id, (active, name)) in expected)
        {
            var model = (await store.FindAsync(id))!.Model;
            Assert.Equal(active, model.IsActive);
            Assert.Equal(name, model.DisplayName);
        }

        int localEdits = 0;
        for (int i = 0; i < 20; i++)
        {
            localEdits += (await store.GetHistoryAsync(UnifiedModelId.Parse($"p/m{i:D2}"))).Count(h => h.Kind == ModelChangeKind.LocalEdit);
        }

        Assert.Equal(200, localEdits);
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
