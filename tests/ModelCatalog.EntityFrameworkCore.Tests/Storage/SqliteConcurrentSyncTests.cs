using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ModelCatalog.EntityFrameworkCore.Tests.Support;

namespace ModelCatalog.EntityFrameworkCore.Tests.Storage;

/// <summary>Several processes against one SQLite file.</summary>
public sealed class SqliteConcurrentSyncTests : ConcurrentSyncTests
{
    private readonly string _path = StoreFactory.NewSqlitePath();

    protected override string Provider => "sqlite";

    // SQLite runs one statement per command: the 200th is well inside the batch.
    protected override int MidBatchCommand => 200;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(StoreFactory.SqliteConnectionString(_path));

    protected override Task DropDatabaseAsync(string connectionString)
    {
        StoreFactory.DeleteSqlite(_path);
        return Task.CompletedTask;
    }

    protected override DbContextOptions<ModelCatalogDbContext> Options(params IInterceptor[] interceptors) => StoreFactory.SqliteOptions(_path, interceptors);

    [Fact]
    public Task Two_processes_syncing_one_source_at_once_end_in_a_serial_order_without_duplicates_or_lost_edits()
        => Two_processes_sync_different_snapshots_at_once_into_one_serial_order_without_duplicates_or_lost_edits();

    [Fact]
    public Task A_process_killed_in_the_middle_of_a_sync_leaves_the_file_as_before()
        => A_worker_killed_in_the_middle_of_its_batch_leaves_the_database_as_before();

    [Fact]
    public Task A_sync_whose_command_fails_half_way_applies_nothing()
        => A_batch_that_fails_half_way_applies_nothing(_ => throw new InvalidOperationException("injected fault"));

    [Fact]
    public Task A_sync_whose_connection_closes_half_way_applies_nothing()
        => A_batch_that_fails_half_way_applies_nothing(command => command.Connection!.Close());
}
