using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ModelCatalog.EntityFrameworkCore.PostgreSQL;
using ModelCatalog.EntityFrameworkCore.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace ModelCatalog.EntityFrameworkCore.Tests.ReadModel;

/// <summary>Two replicas over one PostgreSQL database (a new database per test): polling, LISTEN/NOTIFY, reconnection.</summary>
public sealed class PostgresReplicaReadModelTests(ITestOutputHelper output) : ReplicaReadModelTests
{
    private string? _connectionString;

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException(PostgresServer.SkipReason);

    protected override DbContextOptions<ModelCatalogDbContext> Options(params IInterceptor[] interceptors) => StoreFactory.PostgresOptions(ConnectionString, interceptors);

    public override async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is null)
        {
            _connectionString = await PostgresServer.CreateDatabaseAsync("mc10_readmodel");
            await StoreFactory.Create(Options()).EnsureCreatedAsync();
        }
    }

    public override async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(_connectionString);
        }
    }

    [PostgresFact]
    public Task A_replicas_sync_edit_and_provider_delete_reach_the_other_replica_on_one_database_at_its_next_refresh()
        => A_replicas_sync_edit_and_provider_delete_reach_the_other_replica_at_its_next_refresh();

    [PostgresFact]
    public Task An_incremental_refresh_on_postgres_gives_what_a_full_load_gives_and_keeps_unchanged_models()
        => An_incremental_refresh_gives_what_a_full_load_gives_and_keeps_unchanged_models();

    [PostgresFact]
    public Task More_changes_than_the_incremental_limit_fall_back_to_a_full_load_on_postgres()
        => More_changes_than_the_incremental_limit_fall_back_to_a_full_load();

    [PostgresFact]
    public Task A_poll_on_postgres_that_finds_nothing_changed_runs_one_query_for_one_row()
        => A_refresh_that_finds_nothing_changed_runs_one_query_for_one_row();

    [PostgresFact]
    public Task A_sync_failing_half_way_on_postgres_leaves_the_other_replicas_snapshot_as_it_was()
        => A_sync_that_fails_half_way_leaves_the_other_replicas_snapshot_as_it_was();

    [PostgresFact]
    public async Task A_replica_sees_another_replicas_changes_through_notifications_without_polling()
    {
        var writer = NewReplica();
        await writer.Catalog.SyncAsync(Sync("v1", 5));
        var reader = NewReplica();
        var notifier = new PostgresChangeNotifier<CatalogModel>(ConnectionString);

        // Polling every hour: only a notification can bring the changes in the time the test waits.
        var latencies = await ChangesReachTheOtherReplicaAsync(Service(reader.ReadModel, TimeSpan.FromHours(1), notifier), writer, reader.ReadModel, 50);

        output.WriteLine($"PostgreSQL LISTEN/NOTIFY: {Describe(latencies)}");
    }

    [PostgresFact]
    public async Task A_change_made_by_another_process_reaches_this_replica_through_notifications()
    {
        var seeder = NewReplica();
        await seeder.Catalog.SyncAsync(Sync("v1", 5));
        var reader = NewReplica();
        var notifier = new PostgresChangeNotifier<CatalogModel>(ConnectionString);

        // Polling every hour: only a notification from the other process can bring the changes in time.
        var latencies = await ChangesFromAnotherProcessReachThisReplicaAsync(
            Service(reader.ReadModel, TimeSpan.FromHours(1), notifier), reader.ReadModel, "postgres", ConnectionString, 50);

        output.WriteLine($"PostgreSQL LISTEN/NOTIFY, writer in another process: {Describe(latencies)}");
    }

    [PostgresFact]
    public async Task After_its_listener_is_killed_this_replica_catches_up_with_another_process_and_listens_again()
    {
        var seeder = NewReplica();
        await seeder.Catalog.SyncAsync(Sync("v1", 5));
        var reader = NewReplica();
        var notifier = new PostgresChangeNotifier<CatalogModel>(ConnectionString, TimeSpan.FromMilliseconds(200));
        var service = Service(reader.ReadModel, TimeSpan.FromHours(1), notifier);
        using var writer = WorkerProcess.Start("edit", "postgres", ConnectionString, "p/m000");
        await writer.WaitForLineAsync("READY");
        await service.StartAsync(CancellationToken.None);
        try
        {
            await WaitAsync(() => notifier.BackendProcessId != 0, "the listener never connected");
            int first = notifier.BackendProcessId;
            await TerminateBackendAsync(first);

            // Written by the other process while the listener may be down: only the reload after reconnecting brings it.
            await writer.SendLineAsync("while the listener was down");
            await writer.WaitForLineAsync("EDITED while the listener was down");
            await WaitAsync(() => notifier.BackendProcessId != first && notifier.BackendProcessId != 0, "the listener never reconnected");
            await WaitAsync(() => reader.ReadModel.Current!.TryGet(Id("p/m000"), out var m) && m.Model.DisplayName == "while the listener was down", "this replica never caught up");

            await writer.SendLineAsync("after reconnecting");
            await WaitAsync(() => reader.ReadModel.Current!.TryGet(Id("p/m000"), out var m) && m.Model.DisplayName == "after reconnecting", "no notification from the other process after reconnecting");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [PostgresFact]
    public async Task Killing_the_listener_connection_reconnects_and_reloads_what_was_missed()
    {
        var writer = NewReplica();
        await writer.Catalog.SyncAsync(Sync("v1", 5));
        var reader = NewReplica();
        var notifier = new PostgresChangeNotifier<CatalogModel>(ConnectionString, TimeSpan.FromMilliseconds(200));
        var service = Service(reader.ReadModel, TimeSpan.FromHours(1), notifier);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await WaitAsync(() => notifier.BackendProcessId != 0, "the listener never connected");
            int first = notifier.BackendProcessId;
            long generationBefore = reader.ReadModel.Current!.Generation;

            await TerminateBackendAsync(first);

            // Written while the listener may be down: its notification can be lost, the reload must bring it in.
            await writer.Catalog.EditAsync(Id("p/m001"), m => m.DisplayName = "while down");

            await WaitAsync(() => notifier.Connections >= 2 && notifier.BackendProcessId != first, "the listener never reconnected");
            await WaitAsync(() => reader.ReadModel.Current!.TryGet(Id("p/m001"), out var m) && m.Model.DisplayName == "while down", "the replica never caught up");
            Assert.True(reader.ReadModel.Current!.Generation > generationBefore);

            // And it listens again: a later change arrives by notification.
            await writer.Catalog.EditAsync(Id("p/m002"), m => m.DisplayName = "after");
            await WaitAsync(() => reader.ReadModel.Current!.TryGet(Id("p/m002"), out var m) && m.Model.DisplayName == "after", "no notification after reconnecting");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private static async Task TerminateBackendAsync(int processId)
    {
        await using var admin = new NpgsqlConnection(PostgresServer.RequireConnectionString());
        await admin.OpenAsync();
        await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({processId})", admin);
        Assert.True((bool)(await kill.ExecuteScalarAsync())!);
    }

    private static async Task WaitAsync(Func<bool> done, string failure)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), failure);
            await Task.Delay(10);
        }
    }
}
