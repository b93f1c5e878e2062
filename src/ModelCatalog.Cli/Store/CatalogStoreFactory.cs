using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ModelCatalog.Cli.Commands;
using ModelCatalog.Cli.Output;
using ModelCatalog.Cli.Store.CompiledModel;
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

        var options = Options(location, create);
        var factory = new PooledDbContextFactory<ModelCatalogDbContext>(options);
        var store = new EfCoreModelStore<CatalogModel, ModelCatalogDbContext>(factory);
        if (!create)
        {
            // No EnsureCreated on a read: it costs two statements and EF Core's database creator at every start, and a
            // read must not create tables in a database that has none. The SQLite file is already in WAL mode (the
            // sync that created it set it, and the mode is stored in the file).
            return new StoreHandle(new FailureTranslatingStore(store, location), null);
        }

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

        return new StoreHandle(new FailureTranslatingStore(store, location), null);
    }

    private static StoreHandle EmptyCatalog() => new(new InMemoryModelStore<CatalogModel>(), null);

    // A read opens the SQLite file read-write but never creates it: one that vanished since the check stays vanished.
    private static DbContextOptions<ModelCatalogDbContext> Options(StoreLocation location, bool create)
        => location.SqlitePath is { } path
            ? SqliteOptions(new SqliteConnectionStringBuilder { DataSource = path, Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = SqliteBusyTimeoutSeconds }.ToString(), compiledModel: true)
            : PostgresOptions(location.PostgresConnectionString!);

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
