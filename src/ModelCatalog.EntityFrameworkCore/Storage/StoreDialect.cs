using System.Data;
using Microsoft.EntityFrameworkCore;

namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>
/// Everything the store does differently per database, decided once per context from its provider and kept here so
/// no provider-name comparison spreads through the store: how a new database is prepared, how the change feed reads
/// several statements from one consistent view without blocking writers, what a writing transaction does first, and
/// how a sync serialises with other syncs of its source.
/// </summary>
internal abstract class StoreDialect
{
    private const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    private static readonly StoreDialect Postgres = new PostgresDialect();
    private static readonly StoreDialect Sqlite = new SqliteDialect();
    private static readonly StoreDialect Other = new OtherDialect();

    /// <summary>The isolation level of a snapshot read.</summary>
    public abstract IsolationLevel SnapshotReadIsolation { get; }

    public static StoreDialect For(DbContext context) => context.Database.ProviderName switch
    {
        ModelCatalogModelOptions.NpgsqlProviderName => Postgres,
        SqliteProviderName => Sqlite,
        _ => Other,
    };

    /// <summary>Runs inside a writing transaction before it writes anything.</summary>
    public virtual Task AnnounceWriteAsync(DbContext context, long catalogLockKey, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs once after <c>EnsureCreated</c>, whether or not it created anything, with the name of the models table: a
    /// database that does not hold it is someone else's (EnsureCreated creates nothing where other tables exist), and
    /// is left as it is.
    /// </summary>
    public virtual Task PrepareDatabaseAsync(DbContext context, string modelsTable, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Inside a sync's write transaction: waits for other transactions holding the lock of <paramref name="sourceLockKey"/>
    /// (replicas syncing the same source), where the database has such locks; elsewhere the version checks suffice.
    /// </summary>
    public virtual Task LockSourceAsync(DbContext context, long sourceLockKey, CancellationToken cancellationToken) => Task.CompletedTask;

    // One snapshot for the whole transaction. Writers take the catalog-wide advisory lock (history sequence order =
    // commit order) and queue the notification, which PostgreSQL delivers only if and when the transaction commits.
    private sealed class PostgresDialect : StoreDialect
    {
        public override IsolationLevel SnapshotReadIsolation => IsolationLevel.RepeatableRead;

        public override Task AnnounceWriteAsync(DbContext context, long catalogLockKey, CancellationToken cancellationToken)
            => context.Database.ExecuteSqlRawAsync(
                "SELECT pg_advisory_xact_lock({0}), pg_notify('" + EfCoreChangeNotifications.PostgresChannel + "', '')", [catalogLockKey], cancellationToken);

        public override Task LockSourceAsync(DbContext context, long sourceLockKey, CancellationToken cancellationToken)
            => context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({sourceLockKey})", cancellationToken);
    }

    // Microsoft.Data.Sqlite begins ReadUncommitted transactions DEFERRED (no write lock taken); with a private cache (the
    // default) the read_uncommitted pragma has no effect, and the transaction reads one snapshot from its first statement
    // on. Writers are serialised by the database, so sequence order is commit order without a lock.
    private sealed class SqliteDialect : StoreDialect
    {
        public override IsolationLevel SnapshotReadIsolation => IsolationLevel.ReadUncommitted;

        // Write-ahead logging: readers never wait for a sync, and a sync never waits for readers. Switched only in a
        // database that holds the catalog: the switch rewrites the file's header, and a sync that is about to fail on
        // another application's database must leave it byte for byte as it was.
        public override async Task PrepareDatabaseAsync(DbContext context, string modelsTable, CancellationToken cancellationToken)
        {
            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (await SqliteHasTableAsync(connection, modelsTable, cancellationToken).ConfigureAwait(false))
                {
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await context.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether an open SQLite connection's database has the table (also the tool's check before it skips EnsureCreated).</summary>
    internal static async Task<bool> SqliteHasTableAsync(System.Data.Common.DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        var name = command.CreateParameter();
        name.ParameterName = "$name";
        name.Value = table;
        command.Parameters.Add(name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private sealed class OtherDialect : StoreDialect
    {
        public override IsolationLevel SnapshotReadIsolation => IsolationLevel.Serializable;
    }
}
