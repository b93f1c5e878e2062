using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ModelCatalog.Cli.Commands;
using ModelCatalog.Cli.Output;
using ModelCatalog.Cli.Store.CompiledModel;
using ModelCatalog.Cli.Store.Direct;
using ModelCatalog.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Storage;
using ModelCatalog.Storage;

namespace ModelCatalog.Cli.Store;

/// <summary>
/// Opens the catalog the tool works on: the EF Core store over a SQLite file (created with its tables on first use)
/// or over PostgreSQL. Every database failure — missing, corrupt, read-only, unreachable — becomes a
/// <see cref="CatalogStoreException"/> naming the database and the cause.
/// </summary>
internal static class CatalogStoreFactory
{
    // Another tool process or a host may hold SQLite's write lock (a sync in progress); Microsoft.Data.Sqlite retries a
    // busy database until the command timeout, so concurrent runs wait their turn instead of failing.
    private const int SqliteBusyTimeoutSeconds = 60;

    /// <summary>
    /// Opens the catalog a sync writes to. A dry run never creates the database or its tables: when the real sync would
    /// start from nothing (no SQLite file, an empty file, a PostgreSQL database that does not exist or has no tables at
    /// all), it runs against an empty in-memory catalog, which is exactly what the database would have started as. Where
    /// the real sync would fail (other tables but not the catalog's, tables of an older version), the dry run fails alike.
    /// </summary>
    public static async Task<StoreHandle> OpenForSyncAsync(StoreLocation location, bool dryRun, CancellationToken cancellationToken)
    {
        if (!dryRun)
        {
            return await OpenAsync(location, cancellationToken).ConfigureAwait(false);
        }

        if (location.SqlitePath is { } path && !File.Exists(path))
        {
            return EmptyCatalog();
        }

        var factory = new PooledDbContextFactory<ModelCatalogDbContext>(Options(location, create: false));
        var store = new EfCoreModelStore<CatalogModel, ModelCatalogDbContext>(factory);
        return await StartsEmptyAsync(factory, store, location, cancellationToken).ConfigureAwait(false)
            ? EmptyCatalog()
            : new StoreHandle(new FailureTranslatingStore(store, location), null);
    }

    // What a sync's EnsureCreated would find: the catalog's tables (false), or a database it would create them in (true).
    private static async Task<bool> StartsEmptyAsync(
        PooledDbContextFactory<ModelCatalogDbContext> factory, EfCoreModelStore<CatalogModel, ModelCatalogDbContext> store, StoreLocation location, CancellationToken cancellationToken)
    {
        try
        {
            await store.VerifySchemaAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (ModelStoreSchemaException exception) when (StoreErrors.IsMissingTable(exception))
        {
            await using var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await context.GetService<IRelationalDatabaseCreator>().HasTablesAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new CatalogStoreException(NoCatalogTables(location), exception);
            }

            return true;
        }
        catch (ModelStoreSchemaException exception)
        {
            throw new CatalogStoreException(OutdatedCatalogTables(location), exception);
        }
        catch (Exception exception) when (StoreErrors.IsMissingDatabase(exception))
        {
            return true;
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw new CatalogStoreException($"cannot open {location.Describe()}: {Sentence.End(Root(exception).Message)}", exception);
        }
    }

    /// <summary>The catalog's tables are missing: what a sync can and cannot do about it.</summary>
    internal static string NoCatalogTables(StoreLocation location)
        => $"{location.Describe()} has no model catalog tables: 'modelcatalog sync' creates them in a new or empty database, " +
            "not in one that already holds other tables (create them there with EF Core migrations that call " +
            "modelBuilder.ApplyModelCatalog<CatalogModel>(), or name another database).";

    internal static string OutdatedCatalogTables(StoreLocation location)
        => $"{location.Describe()} has model catalog tables from an older version (a column is missing): apply this version's " +
            "EF Core migrations, or sync into a new database.";

    /// <summary>
    /// Opens the catalog. With <paramref name="create"/> (a sync) the database and its tables are created on first use;
    /// without it (list, show, history, set, review) nothing is created or changed before the command's own work: the
    /// read is the first statement, and a database without the catalog's tables answers with a clear error.
    /// </summary>
    public static async Task<StoreHandle> OpenAsync(StoreLocation location, CancellationToken cancellationToken, bool create = true)
    {
        if (location.SqlitePath is { } path)
        {
            if (!create && !File.Exists(path))
            {
                throw new CatalogStoreException($"the catalog database '{path}' does not exist yet (run 'modelcatalog sync' first, or name it with --db).");
            }

            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null && !Directory.Exists(directory))
            {
                throw new CatalogStoreException($"the folder of the catalog database '{path}' does not exist.");
            }
        }

        if (location.SqlitePath is { } file)
        {
            string connectionString = SqliteConnectionString(file, create);
            // No EnsureCreated on a read, nor on a sync into a file that already holds the catalog in WAL mode: it
            // costs EF Core's start-up and two statements, a read must not create tables in a database that has none,
            // and on a prepared file it would change nothing (the journal mode is stored in the file).
            if (create && !await IsPreparedAsync(file, connectionString, cancellationToken).ConfigureAwait(false))
            {
                await EnsureCreatedAsync(EfStore(SqliteOptions(connectionString, compiledModel: true)), location, cancellationToken).ConfigureAwait(false);
            }

            return SqliteStore(location, connectionString);
        }

        var store = EfStore(PostgresOptions(location.PostgresConnectionString!));
        if (create)
        {
            await EnsureCreatedAsync(store, location, cancellationToken).ConfigureAwait(false);
        }

        return new StoreHandle(new FailureTranslatingStore(store, location), null);
    }

    private static async Task EnsureCreatedAsync(EfCoreModelStore<CatalogModel, ModelCatalogDbContext> store, StoreLocation location, CancellationToken cancellationToken)
    {
        try
        {
            // The store's own step, not EF Core's EnsureCreated: it also turns on SQLite's write-ahead log, so readers
            // (list, show, a gateway) never wait for a sync and a crash mid-sync leaves the last commit readable.
            await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw new CatalogStoreException($"cannot open {location.Describe()}: {Sentence.End(Root(exception).Message)}", exception);
        }
    }

    private static EfCoreModelStore<CatalogModel, ModelCatalogDbContext> EfStore(DbContextOptions<ModelCatalogDbContext> options)
        => new(new PooledDbContextFactory<ModelCatalogDbContext>(options));

    // Reads without EF Core (SqliteCatalogReader); EF Core starts only when the command writes or reads history.
    private static StoreHandle SqliteStore(StoreLocation location, string connectionString)
        => new(new FailureTranslatingStore(new DirectReadStore(new SqliteCatalogReader(connectionString), () => EfStore(SqliteOptions(connectionString, compiledModel: true))), location), null);

    // The catalog's table is there and the file is in WAL mode: what EnsureCreated would leave. Anything else, a
    // damaged file included, takes the EF Core path, which creates, prepares or reports.
    private static async Task<bool> IsPreparedAsync(string path, string connectionString, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            var connection = new SqliteConnection(connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                if (!await StoreDialect.SqliteHasTableAsync(connection, SqliteCatalogReader.ModelsTable, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode";
                return string.Equals(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string, "wal", StringComparison.OrdinalIgnoreCase);
            }
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static StoreHandle EmptyCatalog() => new(new InMemoryModelStore<CatalogModel>(), null);

    // A read opens the SQLite file read-write but never creates it: one that vanished since the check stays vanished.
    private static DbContextOptions<ModelCatalogDbContext> Options(StoreLocation location, bool create)
        => location.SqlitePath is { } path
            ? SqliteOptions(SqliteConnectionString(path, create), compiledModel: true)
            : PostgresOptions(location.PostgresConnectionString!);

    private static string SqliteConnectionString(string path, bool create)
        => new SqliteConnectionStringBuilder { DataSource = path, Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = SqliteBusyTimeoutSeconds }.ToString();

    // Its own method, so that a SQLite command never loads Npgsql (the JIT loads what a method references when it
    // compiles the method). The runtime model: PostgreSQL's mapping differs (the "C" collation on the ID columns,
    // numeric decimals), and a second compiled model to keep in step would cost more than it saves on a server-side store.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static DbContextOptions<ModelCatalogDbContext> PostgresOptions(string connectionString)
        => new DbContextOptionsBuilder<ModelCatalogDbContext>().UseNpgsql(connectionString).Options;

    /// <summary>
    /// The context options of the SQLite store. With <paramref name="compiledModel"/>, EF Core uses the generated model
    /// in Store/CompiledModel instead of building it from the mapping at every start (most of a short command's time).
    /// </summary>
    internal static DbContextOptions<ModelCatalogDbContext> SqliteOptions(string connectionString, bool compiledModel)
    {
        var builder = new DbContextOptionsBuilder<ModelCatalogDbContext>().UseSqlite(connectionString);
        if (compiledModel)
        {
            builder.UseModel(ModelCatalogDbContextModel.Instance);
        }

        return builder.Options;
    }

    internal static bool IsStoreFailure(Exception exception)
        => exception is DbException or DbUpdateException or InvalidOperationException or IOException or UnauthorizedAccessException or ModelStoreDataException
            || exception.InnerException is DbException;

    internal static Exception Root(Exception exception)
    {
        // The store's own data error already names the model and the fix; below it is only the parser's detail.
        while (exception.InnerException is not null && exception is not DbException and not ModelStoreDataException)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    /// <summary>Turns database failures during reads and writes into <see cref="CatalogStoreException"/>; conflicts pass through for the sync engine's retry.</summary>
    private sealed class FailureTranslatingStore(IModelStore<CatalogModel> inner, StoreLocation location) : IModelStore<CatalogModel>
    {
        public ValueTask<StoredModel<CatalogModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
            => Guard(() => inner.FindAsync(id, cancellationToken));

        public ValueTask<IReadOnlyDictionary<UnifiedModelId, StoredModel<CatalogModel>>> FindManyAsync(IReadOnlyCollection<UnifiedModelId> ids, CancellationToken cancellationToken = default)
            => Guard(() => inner.FindManyAsync(ids, cancellationToken));

        public ValueTask<ModelPage<CatalogModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default)
            => Guard(() => inner.ListAsync(query, cancellationToken));

        public async ValueTask ApplyAsync(ModelBatch<CatalogModel> batch, CancellationToken cancellationToken = default)
            => await Guard(async () =>
            {
                await inner.ApplyAsync(batch, cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);

        public ValueTask<int> DeleteProviderAsync(string providerId, DateTimeOffset at, CancellationToken cancellationToken = default)
            => Guard(() => inner.DeleteProviderAsync(providerId, at, cancellationToken));

        public ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
            => Guard(() => inner.GetHistoryAsync(id, cancellationToken));

        private async ValueTask<T> Guard<T>(Func<ValueTask<T>> call)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception exception) when (StoreErrors.IsMissingTable(exception))
            {
                throw new CatalogStoreException(NoCatalogTables(location), exception);
            }
            catch (Exception exception) when (StoreErrors.IsMissingColumn(exception))
            {
                throw new CatalogStoreException(OutdatedCatalogTables(location), exception);
            }
            catch (Exception exception) when (exception is not ModelStoreConflictException && IsStoreFailure(exception))
            {
                throw new CatalogStoreException($"{location.Describe()} failed: {Sentence.End(Root(exception).Message)}", exception);
            }
        }
    }
}
