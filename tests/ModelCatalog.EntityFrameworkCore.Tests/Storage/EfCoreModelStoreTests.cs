using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using ModelCatalog.Storage;
using ModelCatalog.Sync;

namespace ModelCatalog.EntityFrameworkCore.Tests.Storage;

/// <summary>What the EF Core store adds to the contract: few round trips, changed columns only, one transaction.</summary>
public sealed class EfCoreModelStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly string _path = StoreFactory.NewSqlitePath();
    private readonly CommandInterceptor _sql = new();
    private EfCoreModelStore<CatalogModel, ModelCatalogDbContext> _store = null!;

    public async Task InitializeAsync()
    {
        _store = StoreFactory.Create(StoreFactory.SqliteOptions(_path, _sql));
        await _store.EnsureCreatedAsync();
        _sql.Clear();
    }

    public Task DisposeAsync()
    {
        StoreFactory.DeleteSqlite(_path);
        return Task.CompletedTask;
    }

    private static ModelSnapshot<CatalogModel> Snapshot(int count, string version = "v1", Action<CatalogModel>? edit = null)
    {
        var models = Enumerable.Range(0, count).Select(i =>
        {
            var model = new CatalogModel
            {
                Id = UnifiedModelId.Parse($"p{i % 5}/model-{i}"),
                DisplayName = $"Model {i}",
                InputCostPerMillionTokens = 1.25m + i,
                Config = JsonDocument.Parse("""{"a": 1, "b": [true, null]}""").RootElement.Clone(),
            };
            edit?.Invoke(model);
            return model;
        }).ToList();
        return new ModelSnapshot<CatalogModel>("test", version, T0, models);
    }

    private IEnumerable<string> Writes => _sql.Commands.Select(c => c.Sql).Where(s =>
        s.Contains("INSERT", StringComparison.Ordinal) || s.Contains("UPDATE", StringComparison.Ordinal) || s.Contains("DELETE", StringComparison.Ordinal));

    [Fact]
    public async Task Find_many_loads_thousands_of_models_in_one_query()
    {
        await new ModelSynchronizer<CatalogModel>(_store).SyncAsync(Snapshot(3000));
        _sql.Clear();

        var found = await _store.FindManyAsync(Snapshot(3000).Models.Select(m => m.Id).ToList());

        Assert.Equal(3000, found.Count);
        Assert.Single(_sql.Commands);
    }

    [Fact]
    public async Task A_sync_writes_everything_inside_one_transaction()
    {
        await new ModelSynchronizer<CatalogModel>(_store).SyncAsync(Snapshot(50));

        Assert.NotEmpty(Writes);
        Assert.All(_sql.Commands.Where(c => Writes.Contains(c.Sql)), c => Assert.True(c.InTransaction, c.Sql));
    }

    [Fact]
    public async Task A_no_op_resync_writes_nothing_even_when_the_json_is_formatted_differently()
    {
        var sync = new ModelSynchronizer<CatalogModel>(_store);
        await sync.SyncAsync(Snapshot(50));
        _sql.Clear();

        var report = await sync.SyncAsync(Snapshot(50, "v2", m => m.Config = JsonDocument.Parse("""{ "b" : [ true , null ] , "a" : 1 }""").RootElement.Clone()));

        Assert.Equal(0, report.Writes);
        Assert.Empty(Writes);
    }

    [Fact]
    public async Task An_update_writes_only_the_changed_columns_and_the_version()
    {
        var sync = new ModelSynchronizer<CatalogModel>(_store);
        await sync.SyncAsync(Snapshot(3));
        _sql.Clear();

        await sync.SyncAsync(Snapshot(3, "v2", m => m.InputCostPerMillionTokens += 1m));

        var updates = Writes.Where(s => s.Contains("UPDATE", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, updates.Count);
        Assert.All(updates, sql =>
        {
            var set = sql[sql.IndexOf("SET", StringComparison.Ordinal)..sql.IndexOf("WHERE", StringComparison.Ordinal)];
            Assert.Contains("input_cost_per_million_tokens", set, StringComparison.Ordinal);
            Assert.Contains("version", set, StringComparison.Ordinal);
            Assert.DoesNotContain("display_name", set, StringComparison.Ordinal);
            Assert.DoesNotContain("config", set, StringComparison.Ordinal);
            Assert.DoesNotContain("sync_baseline", set, StringComparison.Ordinal);
            Assert.Contains("\"version\" = @", sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_conflict_detected_by_the_database_is_reported_as_a_version_mismatch()
    {
        await new ModelSynchronizer<CatalogModel>(_store).SyncAsync(Snapshot(1));
        var read = (await _store.FindAsync(UnifiedModelId.Parse("p0/model-0")))!;
        // Another writer bumps the version after our batch loaded the row, just before its UPDATE runs.
        var interceptor = new CommandInterceptor(2, command =>
        {
            using var other = command.Connection!.CreateCommand();
            other.Transaction = command.Transaction;
            other.CommandText = "UPDATE catalog_models SET version = version + 1";
            other.ExecuteNonQuery();
        });
        var store = StoreFactory.Create(StoreFactory.SqliteOptions(_path, interceptor));
        var edited = CatalogModel.Merger.Clone(read.Model);
        edited.IsBeta = true;

        var error = await Assert.ThrowsAsync<ModelStoreConflictException>(async () =>
            await store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Update(read, read.Model.Id, edited, read.SyncState))));

        Assert.Equal(ModelConflictKind.VersionMismatch, error.Kind);
        Assert.Equal(read.Model.Id, error.ModelId);
        Assert.IsType<DbUpdateConcurrencyException>(error.InnerException);
        Assert.Equal(read.Version, (await _store.FindAsync(read.Model.Id))!.Version);
    }

    [Fact]
    public async Task A_duplicate_detected_by_the_unique_index_is_reported_as_a_duplicate()
    {
        // Another writer inserts the same ID after our batch looked for it, just before its INSERT runs.
        var interceptor = new CommandInterceptor(2, command =>
        {
            using var other = command.Connection!.CreateCommand();
            other.Transaction = command.Transaction;
            other.CommandText = "INSERT INTO catalog_models (id, provider_id, model_name, version, display_name, is_active, is_visible, is_beta) "
                + "VALUES ('00000000-0000-7000-8000-000000000001', 'p0', 'model-0', 1, 'x', 1, 1, 0)";
            other.ExecuteNonQuery();
        });
        var store = StoreFactory.Create(StoreFactory.SqliteOptions(_path, interceptor));

        var model = new CatalogModel { Id = UnifiedModelId.Parse("p0/model-0"), DisplayName = "mine" };

        var error = await Assert.ThrowsAsync<ModelStoreConflictException>(async () =>
            await store.ApplyAsync(new ModelBatch<CatalogModel>().Add(ModelWrite.Create(Guid.CreateVersion7(), model.Id, model, ModelSyncState.None))));

        Assert.Equal(ModelConflictKind.Duplicate, error.Kind);
        Assert.Equal(model.Id, error.ModelId);
        Assert.IsAssignableFrom<DbUpdateException>(error.InnerException);
        Assert.Null(await _store.FindAsync(model.Id));
    }
}
