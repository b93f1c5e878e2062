using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using Npgsql;

namespace ModelCatalog.EntityFrameworkCore.Tests.Storage;

/// <summary>Several processes against one PostgreSQL database (a new database per test).</summary>
public sealed class PostgresConcurrentSyncTests : ConcurrentSyncTests
{
    protected override string Provider => "postgres";

    // Npgsql sends the batch in few round trips (EF's batches of up to 100 statements here, see StoreFactory): the
    // advisory locks (source, then catalog-wide with the change notification), the load, then the writes; the 6th
    // command comes after several hundred statements were written.
    protected override int MidBatchCommand => 6;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync("mc_sync");

    protected override Task DropDatabaseAsync(string connectionString) => PostgresServer.DropDatabaseAsync(connectionString);

    protected override DbContextOptions<ModelCatalogDbContext> Options(params IInterceptor[] interceptors) => StoreFactory.PostgresOptions(ConnectionString, interceptors);

    [PostgresFact]
    public Task Two_processes_syncing_one_source_at_once_end_in_a_serial_order_without_duplicates_or_lost_edits()
        => Two_processes_sync_different_snapshots_at_once_into_one_serial_order_without_duplicates_or_lost_edits();

    [PostgresFact]
    public Task A_process_killed_in_the_middle_of_a_sync_leaves_the_database_as_before()
        => A_worker_killed_in_the_middle_of_its_batch_leaves_the_database_as_before();

    [PostgresFact]
    public Task A_sync_whose_command_fails_half_way_applies_nothing()
        => A_batch_that_fails_half_way_applies_nothing(_ => throw new InvalidOperationException("injected fault"));

    [PostgresFact]
    public Task A_sync_whose_server_connection_is_terminated_half_way_applies_nothing()
        => A_batch_that_fails_half_way_applies_nothing(command =>
        {
            // Kill this session's backend from another connection: the server drops the connection mid-transaction.
            int pid = ((NpgsqlConnection)command.Connection!).ProcessID;
            using var admin = new NpgsqlConnection(PostgresServer.RequireConnectionString());
            admin.Open();
            using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", admin);
            kill.ExecuteScalar();
        });
}
