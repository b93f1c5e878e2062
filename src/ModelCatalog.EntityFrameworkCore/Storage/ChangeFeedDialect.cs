using System.Data;
using Microsoft.EntityFrameworkCore;

namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>
/// What the change feed does differently per database, decided once per context from its provider: how to read
/// several statements from one consistent view without blocking writers, and what a writing transaction does first.
/// </summary>
internal abstract class ChangeFeedDialect
{
    private const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    private static readonly ChangeFeedDialect Postgres = new PostgresDialect();
    private static readonly ChangeFeedDialect Sqlite = new SqliteDialect();
    private static readonly ChangeFeedDialect Other = new OtherDialect();

    /// <summary>The isolation level of a snapshot read.</summary>
    public abstract IsolationLevel SnapshotReadIsolation { get; }

    public static ChangeFeedDialect For(DbContext context) => context.Database.ProviderName switch
    {
        ModelCatalogModelOptions.NpgsqlProviderName => Postgres,
        SqliteProviderName => Sqlite,
        _ => Other,
    };

    /// <summary>Runs inside a writing transaction before it writes anything.</summary>
    public virtual Task AnnounceWriteAsync(DbContext context, long catalogLockKey, CancellationToken cancellationToken) => Task.CompletedTask;

    // One snapshot for the whole transaction. Writers take the catalog-wide advisory lock (history sequence order =
    // commit order) and queue the notification, which PostgreSQL delivers only if and when the transaction commits.
    private sealed class PostgresDialect : ChangeFeedDialect
    {
        public override IsolationLevel SnapshotReadIsolation => IsolationLevel.RepeatableRead;

        public override Task AnnounceWriteAsync(DbContext context, long catalogLockKey, CancellationToken cancellationToken)
            => context.Database.ExecuteSqlRawAsync(
                "SELECT pg_advisory_xact_lock({0}), pg_notify('" + EfCoreChangeNotifications.PostgresChannel + "', '')", [catalogLockKey], cancellationToken);
    }

    // Microsoft.Data.Sqlite begins ReadUncommitted transactions DEFERRED (no write lock taken); with a private cache (the
    // default) the read_uncommitted pragma has no effect, and the transaction reads one snapshot from its first statement
    // on. Writers are serialised by the database, so sequence order is commit order without a lock.
    private sealed class SqliteDialect : ChangeFeedDialect
    {
        public override IsolationLevel SnapshotReadIsolation => IsolationLevel.ReadUncommitted;
    }

    private sealed class OtherDialect : ChangeFeedDialect
    {
        public override IsolationLevel SnapshotReadIsolation => IsolationLevel.Serializable;
    }
}
