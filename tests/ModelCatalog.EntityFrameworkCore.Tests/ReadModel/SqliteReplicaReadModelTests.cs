using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using Xunit.Abstractions;

namespace ModelCatalog.EntityFrameworkCore.Tests.ReadModel;

public sealed class SqliteReplicaReadModelTests(ITestOutputHelper output) : ReplicaReadModelTests
{
    private readonly string _path = StoreFactory.NewSqlitePath();

    protected override DbContextOptions<ModelCatalogDbContext> Options(params IInterceptor[] interceptors) => StoreFactory.SqliteOptions(_path, interceptors);

    public override async Task InitializeAsync() => await StoreFactory.Create(Options()).EnsureCreatedAsync();

    public override Task DisposeAsync()
    {
        StoreFactory.DeleteSqlite(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public Task A_replicas_sync_edit_and_provider_delete_reach_the_other_replica_on_one_file_at_its_next_refresh()
        => A_replicas_sync_edit_and_provider_delete_reach_the_other_replica_at_its_next_refresh();

    [Fact]
    public Task An_incremental_refresh_on_sqlite_gives_what_a_full_load_gives_and_keeps_unchanged_models()
        => An_incremental_refresh_gives_what_a_full_load_gives_and_keeps_unchanged_models();

    [Fact]
    public Task More_changes_than_the_incremental_limit_fall_back_to_a_full_load_on_sqlite()
        => More_changes_than_the_incremental_limit_fall_back_to_a_full_load();

    [Fact]
    public Task A_poll_on_sqlite_that_finds_nothing_changed_runs_one_query_for_one_row()
        => A_refresh_that_finds_nothing_changed_runs_one_query_for_one_row();

    [Fact]
    public Task A_sync_failing_half_way_on_sqlite_leaves_the_other_replicas_snapshot_as_it_was()
        => A_sync_that_fails_half_way_leaves_the_other_replicas_snapshot_as_it_was();

    [Fact]
    public async Task A_replica_polling_one_file_sees_another_replicas_changes()
    {
        var writer = NewReplica();
        await writer.Catalog.SyncAsync(Sync("v1", 5));
        var reader = NewReplica();
        var interval = TimeSpan.FromMilliseconds(250);

        var latencies = await ChangesReachTheOtherReplicaAsync(Service(reader.ReadModel, interval), writer, reader.ReadModel, 10);

        // Timing is reported, not asserted: the poll interval's logic is proven on a fake clock in ModelCatalog.Tests.
        output.WriteLine($"SQLite, poll interval {interval.TotalMilliseconds} ms: {Describe(latencies)}");
    }

    [Fact]
    public async Task A_replica_polling_one_file_sees_the_changes_another_process_makes()
    {
        var seeder = NewReplica();
        await seeder.Catalog.SyncAsync(Sync("v1", 5));
        var reader = NewReplica();
        var interval = TimeSpan.FromMilliseconds(250);

        var latencies = await ChangesFromAnotherProcessReachThisReplicaAsync(
            Service(reader.ReadModel, interval), reader.ReadModel, "sqlite", StoreFactory.SqliteConnectionString(_path), 50);

        output.WriteLine($"SQLite, poll interval {interval.TotalMilliseconds} ms, writer in another process: {Describe(latencies)}");
    }
}
