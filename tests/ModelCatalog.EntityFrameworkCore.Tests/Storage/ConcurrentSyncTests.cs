using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using ModelCatalog.Sources;
using ModelCatalog.Storage;
using ModelCatalog.Sync;
using ModelCatalog.Tests.Support;

namespace ModelCatalog.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// Several replicas against one database, with real processes: two syncs of different snapshots of one source at once
/// (plus admin edits from this process meanwhile), a worker killed in the middle of its batch, and batches that fail
/// half-way. Each subclass supplies one database per test.
/// </summary>
public abstract class ConcurrentSyncTests : IAsyncLifetime
{
    protected const string Source = "litellm";
    private static readonly string Seed = SharedData.Path("litellm", "model_prices_2024-06-29.json");
    private static readonly string First = SharedData.Path("litellm", "model_prices_2025-01-31.json");
    private static readonly string Second = SharedData.Path("litellm", "model_prices_2025-06-27.json");

    protected string ConnectionString { get; private set; } = null!;

    /// <summary>The worker's provider argument: sqlite or postgres.</summary>
    protected abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string connectionString);

    protected abstract DbContextOptions<ModelCatalogDbContext> Options(params IInterceptor[] interceptors);

    /// <summary>A command of the sync's transaction that comes after some rows were written and before the commit.</summary>
    protected abstract int MidBatchCommand { get; }

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        await Store().EnsureCreatedAsync();
    }

    public Task DisposeAsync() => DropDatabaseAsync(ConnectionString);

    protected EfCoreModelStore<CatalogModel, ModelCatalogDbContext> Store(params IInterceptor[] interceptors) => StoreFactory.Create(Options(interceptors));

    protected static Task<ModelSnapshot<CatalogModel>> ReadAsync(string path)
        => CatalogImporter.ReadFileAsync(path, CatalogFormat.LiteLlm, Source, null, DateTimeOffset.UtcNow);

    protected async Task Two_processes_sync_different_snapshots_at_once_into_one_serial_order_without_duplicates_or_lost_edits()
    {
        var store = Store();
        await new ModelSynchronizer<CatalogModel>(store).SyncAsync(await ReadAsync(Seed));
        var seed = await ReadAsync(Seed);
        var first = await ReadAsync(First);
        var second = await ReadAsync(Second);
        var inBoth = first.Models.Select(m => m.Id).Intersect(second.Models.Select(m => m.Id)).ToHashSet();
        var edited = seed.Models.Select(m => m.Id).Where(inBoth.Contains).Order().Take(12).ToList();
        Assert.Equal(12, edited.Count);

        string go = Path.Combine(Path.GetTempPath(), $"modelcatalog-go-{Guid.NewGuid():N}");
        using var one = WorkerProcess.Start(Provider, ConnectionString, First, Source, go);
        using var two = WorkerProcess.Start(Provider, ConnectionString, Second, Source, go);
        await one.WaitForLineAsync("READY");
        await two.WaitForLineAsync("READY");
        await File.WriteAllTextAsync(go, "go");
        try
        {
            // Admin edits land while both syncs run; each is conditional on the version it read and retried on conflict.
            foreach (var id in edited)
            {
                await EditAsync(store, id);
            }

            Assert.True(await one.WaitForExitAsync() == 0, one.Output);
            Assert.True(await two.WaitForExitAsync() == 0, two.Output);
        }
        finally
        {
            File.Delete(go);
        }

        var actual = await CatalogContents.ReadAllAsync(store);
        foreach (var id in edited)
        {
            var model = actual[id].Model;
            Assert.Equal("Admin " + id, model.DisplayName);
            Assert.True(model.IsBeta);
            Assert.False(model.IsVisible);
        }

        var differences = new List<string>();
        foreach (var order in new[] { new[] { First, Second }, [Second, First] })
        {
            var oracle = new InMemoryModelStore<CatalogModel>();
            var sync = new ModelSynchronizer<CatalogModel>(oracle);
            await sync.SyncAsync(await ReadAsync(Seed));
            foreach (var id in edited)
            {
                await EditAsync(oracle, id);
            }

            foreach (var path in order)
            {
                await sync.SyncAsync(await ReadAsync(path));
            }

            var difference = CatalogContents.FirstDifference(actual, await CatalogContents.ReadAllAsync(oracle));
            if (difference is null)
            {
                return;
            }

            differences.Add($"{string.Join(" then ", order.Select(Path.GetFileName))}: {difference}");
        }

        Assert.Fail("the catalog matches no serial order:" + Environment.NewLine + string.Join(Environment.NewLine, differences)
            + Environment.NewLine + one.Output + Environment.NewLine + two.Output);
    }

    protected async Task A_worker_killed_in_the_middle_of_its_batch_leaves_the_database_as_before()
    {
        var store = Store();
        await new ModelSynchronizer<CatalogModel>(store).SyncAsync(await ReadAsync(Seed));
        var before = await CatalogContents.ReadAllAsync(store);
        long historyBefore = await HistoryCountAsync();

        using (var worker = WorkerProcess.Start(Provider, ConnectionString, Second, Source, string.Empty, MidBatchCommand.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            await worker.WaitForLineAsync("HANGING");
            worker.Kill();
        }

        Assert.Null(CatalogContents.FirstDifference(await CatalogContents.ReadAllAsync(store), before, compareVersions: true));
        Assert.Equal(historyBefore, await HistoryCountAsync());

        // The database is usable afterwards: the same sync now completes.
        var report = await new ModelSynchronizer<CatalogModel>(store).SyncAsync(await ReadAsync(Second));
        Assert.True(report.Created > 0);
    }

    protected async Task A_batch_that_fails_half_way_applies_nothing(Action<System.Data.Common.DbCommand> fault)
    {
        var store = Store();
        await new ModelSynchronizer<CatalogModel>(store).SyncAsync(await ReadAsync(Seed));
        var before = await CatalogContents.ReadAllAsync(store);
        long historyBefore = await HistoryCountAsync();
        var interceptor = new CommandInterceptor(MidBatchCommand, fault);

        await Assert.ThrowsAnyAsync<Exception>(async () => await new ModelSynchronizer<CatalogModel>(Store(interceptor)).SyncAsync(await ReadAsync(First)));

        Assert.True(interceptor.Count >= MidBatchCommand, "the fault was never injected");
        Assert.Null(CatalogContents.FirstDifference(await CatalogContents.ReadAllAsync(store), before, compareVersions: true));
        Assert.Equal(historyBefore, await HistoryCountAsync());
    }

    private async Task<long> HistoryCountAsync()
    {
        await using var context = new ModelCatalogDbContext(Options());
        return await context.Set<ModelHistoryRecord>().LongCountAsync();
    }

    private static async Task EditAsync(IModelStore<CatalogModel> store, UnifiedModelId id)
    {
        while (true)
        {
            var current = (await store.FindAsync(id))!;
            var edited = CatalogModel.Merger.Clone(current.Model);
            edited.DisplayName = "Admin " + id;
            edited.IsBeta = true;
            edited.IsVisible = false;
            var changes = CatalogModel.Merger.Diff(current.Model, edited).Select(HistoryFieldChange.From).ToList();
            var batch = new ModelBatch<CatalogModel>()
                .Add(ModelWrite.Update(current, id, edited, current.SyncState))
                .Add(new ModelHistoryEntry(id, DateTimeOffset.UtcNow, ModelChangeKind.LocalEdit, null, null, changes));
            try
            {
                await store.ApplyAsync(batch);
                return;
            }
            catch (ModelStoreConflictException)
            {
                // A sync wrote this model between our read and our write: read it again.
            }
        }
    }
}
