using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.EntityFrameworkCore.Tests.ReadModel;

/// <summary>
/// Two replicas (two stores, catalogs and read models) over one database: what one writes, the other's refresh sees,
/// incrementally, reading one row when nothing changed. Subclassed per provider.
/// </summary>
public abstract class ReplicaReadModelTests : IAsyncLifetime
{
    protected sealed record Replica(EfCoreModelStore<CatalogModel, ModelCatalogDbContext> Store, DefaultModelCatalog<CatalogModel> Catalog, ModelReadModel<CatalogModel> ReadModel);

    protected abstract DbContextOptions<ModelCatalogDbContext> Options(params IInterceptor[] interceptors);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    protected Replica NewReplica(int maxIncrementalChanges = 500, params IInterceptor[] interceptors)
    {
        var store = StoreFactory.Create(Options(interceptors));
        var readModel = new ModelReadModel<CatalogModel>(store, Microsoft.Extensions.Options.Options.Create(new ModelReadModelOptions { MaxIncrementalChanges = maxIncrementalChanges }));
        return new Replica(store, new DefaultModelCatalog<CatalogModel>(store, observers: [readModel]), readModel);
    }

    protected static ModelSnapshot<CatalogModel> Sync(string version, int count, string source = "s", string provider = "p")
        => new(source, version, DateTimeOffset.UnixEpoch, Enumerable.Range(0, count)
            .Select(i => new CatalogModel { Id = UnifiedModelId.Parse($"{provider}/m{i:D3}"), DisplayName = $"m{i}", Description = $"{version}-{i % 3}" })
            .ToList());

    protected static UnifiedModelId Id(string id) => UnifiedModelId.Parse(id);

    // Content of a snapshot that a full load must reproduce: ID, key, version, description, flags.
    protected static List<string> Contents(CatalogSnapshot<CatalogModel> snapshot)
        => [.. snapshot.Models.Select(m => $"{m.Model.Id}|{m.Key}|{m.Version}|{m.Model.Description}|{m.Model.DisplayName}|{m.Model.IsActive}|{m.Model.IsVisible}|{m.SyncState.SourceVersion}")];

    protected async Task A_replicas_sync_edit_and_provider_delete_reach_the_other_replica_at_its_next_refresh()
    {
        var a = NewReplica();
        var b = NewReplica();
        await a.Catalog.SyncAsync(Sync("v1", 10));
        await b.ReadModel.GetSnapshotAsync();
        await a.Catalog.SyncAsync(Sync("v1", 3, source: "t", provider: "q"));
        await a.Catalog.EditAsync(Id("p/m004"), m => m.IsVisible = false);
        await a.Catalog.SyncAsync(Sync("v2", 12));
        Assert.Equal(3, await a.Catalog.DeleteProviderAsync("q"));

        var snapshot = await b.ReadModel.RefreshAsync();

        Assert.Equal(12, snapshot.Count);
        Assert.Empty(snapshot.ForProvider("q"));
        Assert.False(snapshot.TryGet(Id("p/m004"), out var hidden) && hidden.Model.IsVisible);
        Assert.Equal(11, snapshot.Listed.Count);
        Assert.Equal(Contents(a.ReadModel.Current!), Contents(snapshot));
    }

    protected async Task An_incremental_refresh_gives_what_a_full_load_gives_and_keeps_unchanged_models()
    {
        var a = NewReplica();
        var b = NewReplica();
        await a.Catalog.SyncAsync(Sync("v1", 30));
        var before = await b.ReadModel.GetSnapshotAsync();
        await a.Catalog.EditAsync(Id("p/m007"), m => m.DisplayName = "seven");
        await a.Catalog.SyncAsync(Sync("v1", 32)); // two new models, the rest unchanged

        var patched = await b.ReadModel.RefreshAsync();
        var full = await NewReplica().ReadModel.GetSnapshotAsync();

        Assert.Equal(Contents(full), Contents(patched));
        Assert.Equal(full.Marker, patched.Marker);
        var kept = patched.Models.Count(m => before.TryGet(m.Model.Id, out var old) && ReferenceEquals(old, m));
        Assert.Equal(29, kept); // every model but the edited one and the two new ones is the very same instance
    }

    protected async Task More_changes_than_the_incremental_limit_fall_back_to_a_full_load()
    {
        var a = NewReplica();
        var b = NewReplica(maxIncrementalChanges: 5);
        await a.Catalog.SyncAsync(Sync("v1", 20));
        var before = await b.ReadModel.GetSnapshotAsync();
        await a.Catalog.SyncAsync(Sync("v2", 20));

        var after = await b.ReadModel.RefreshAsync();

        Assert.DoesNotContain(after.Models, m => before.Models.Contains(m));
        Assert.Equal(Contents(a.ReadModel.Current!), Contents(after));
    }

    protected async Task A_refresh_that_finds_nothing_changed_runs_one_query_for_one_row()
    {
        var a = NewReplica();
        await a.Catalog.SyncAsync(Sync("v1", 50));
        var commands = new CommandInterceptor();
        var b = NewReplica(interceptors: commands);
        var loaded = await b.ReadModel.GetSnapshotAsync();
        commands.Clear();

        var refreshed = await b.ReadModel.RefreshAsync();

        Assert.Same(loaded, refreshed);
        var (sql, _) = Assert.Single(commands.Commands);
        Assert.Contains("MAX(", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("catalog_models", sql, StringComparison.Ordinal);
    }

    protected async Task A_sync_that_fails_half_way_leaves_the_other_replicas_snapshot_as_it_was()
    {
        var a = NewReplica();
        await a.Catalog.SyncAsync(Sync("v1", 40));
        var b = NewReplica();
        var before = await b.ReadModel.GetSnapshotAsync();
        var faulty = new CommandInterceptor(4, _ => throw new InvalidOperationException("injected fault"));
        var failing = NewReplica(interceptors: faulty);

        await Assert.ThrowsAnyAsync<Exception>(async () => await failing.Catalog.SyncAsync(Sync("v2", 60)));

        Assert.True(faulty.Count >= 4, "the fault was never injected");
        Assert.Same(before, await b.ReadModel.RefreshAsync());
    }

    /// <summary>The two replicas with the read model's hosted service on real time: returns each change's latency.</summary>
    protected async Task<List<TimeSpan>> ChangesReachTheOtherReplicaAsync(ModelReadModelService<CatalogModel> service, Replica writer, ModelReadModel<CatalogModel> reader, int changes)
    {
        await service.StartAsync(CancellationToken.None);
        try
        {
            var latencies = new List<TimeSpan>(changes);
            for (int i = 0; i < changes; i++)
            {
                string name = $"change {i}";
                var clock = Stopwatch.StartNew();
                await writer.Catalog.EditAsync(Id("p/m000"), m => m.DisplayName = name);
                while (!(reader.Current is { } s && s.TryGet(Id("p/m000"), out var m) && m.Model.DisplayName == name))
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"change {i} never reached the other replica");
                    await Task.Delay(2);
                }

                latencies.Add(clock.Elapsed);
            }

            return latencies;
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The writer is another OS process (the worker's edit mode) on the same database; this process's read model, run
    /// by its hosted service, must see each of its edits. Latency is measured from sending the command, so it includes
    /// the pipe to the worker and its commit: an upper bound of what a replica waits.
    /// </summary>
    protected static async Task<List<TimeSpan>> ChangesFromAnotherProcessReachThisReplicaAsync(
        ModelReadModelService<CatalogModel> service, ModelReadModel<CatalogModel> reader, string provider, string connectionString, int changes)
    {
        using var writer = WorkerProcess.Start("edit", provider, connectionString, "p/m000");
        await writer.WaitForLineAsync("READY");
        await service.StartAsync(CancellationToken.None);
        try
        {
            var latencies = new List<TimeSpan>(changes);
            for (int i = 0; i < changes; i++)
            {
                string name = $"from the other process {i}";
                var clock = Stopwatch.StartNew();
                await writer.SendLineAsync(name);
                while (!(reader.Current is { } s && s.TryGet(Id("p/m000"), out var m) && m.Model.DisplayName == name))
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"change {i} of the other process never reached this replica:{Environment.NewLine}{writer.Output}");
                    await Task.Delay(2);
                }

                latencies.Add(clock.Elapsed);
                await writer.WaitForLineAsync($"EDITED {name}");
            }

            return latencies;
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    protected static string Describe(List<TimeSpan> latencies)
    {
        var sorted = latencies.Order().ToList();
        return FormattableString.Invariant($"{sorted.Count} changes: p50 {sorted[sorted.Count / 2].TotalMilliseconds:0.0} ms, p99 {sorted[(int)Math.Ceiling(sorted.Count * 0.99) - 1].TotalMilliseconds:0.0} ms, max {sorted[^1].TotalMilliseconds:0.0} ms");
    }

    protected static ModelReadModelService<CatalogModel> Service(ModelReadModel<CatalogModel> readModel, TimeSpan pollInterval, params IModelChangeNotifier<CatalogModel>[] notifiers)
        => new(readModel, notifiers, Microsoft.Extensions.Options.Options.Create(new ModelReadModelOptions { PollInterval = pollInterval }), TimeProvider.System);
}
