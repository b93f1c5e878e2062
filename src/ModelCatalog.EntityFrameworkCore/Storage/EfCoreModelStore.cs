using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Mapping;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore.Storage;

/// <summary>
/// The EF Core <see cref="IModelStore{TModel}"/>: the catalog in a relational database (SQLite file, PostgreSQL, any
/// relational provider) mapped by <c>modelBuilder.ApplyModelCatalog&lt;TModel&gt;()</c>.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe singleton: every call uses a fresh context from <see cref="IDbContextFactory{TContext}"/> and hands out
/// detached models. <see cref="FindManyAsync"/> loads thousands of models in one query (one per
/// <see cref="MaxParametersPerQuery"/> distinct provider IDs), within every provider's parameter limit. <see cref="ApplyAsync"/> runs in one transaction: it re-reads the rows it writes, checks versions and
/// existence, writes only the changed columns of changed rows with <c>version = expected</c> in the <c>WHERE</c>
/// clause, and maps lost races (concurrency token, unique index, PostgreSQL deadlock) to
/// <see cref="ModelStoreConflictException"/> after rolling everything back.
/// </para>
/// <para>
/// On PostgreSQL a batch that belongs to a sync source first takes a transaction-scoped advisory lock for that source
/// (<c>pg_advisory_xact_lock</c>), so replicas syncing the same source apply their batches one after the other instead
/// of deadlocking; the loser's versions are then stale and its sync redoes the merge on fresh rows. On SQLite writers
/// are serialised by the database (<c>BEGIN IMMEDIATE</c>).
/// </para>
/// </remarks>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <typeparam name="TContext">A context whose model includes <c>ApplyModelCatalog&lt;TModel&gt;()</c>.</typeparam>
public partial class EfCoreModelStore<TModel, TContext> : IModelStore<TModel>
    where TModel : class, ICatalogModel<TModel>
    where TContext : DbContext
{
    /// <summary>How many values one query that loads models by ID carries at most (below SQLite's old limit of 999).</summary>
    public const int MaxParametersPerQuery = 500;

    private static readonly IModelMerger<TModel> Merger = TModel.Merger;
    private static readonly bool HasAvailability = typeof(IModelAvailability).IsAssignableFrom(typeof(TModel));

    private static readonly Expression<Func<TModel, ModelRow<TModel>>> Projection = m => new ModelRow<TModel>
    {
        Model = m,
        Key = EF.Property<Guid>(m, CatalogColumns.Key),
        ProviderId = EF.Property<string>(m, CatalogColumns.ProviderId),
        ModelName = EF.Property<string>(m, CatalogColumns.ModelName),
        Version = EF.Property<long>(m, CatalogColumns.Version),
        Baseline = EF.Property<string?>(m, CatalogColumns.Baseline),
        LastSyncedAt = EF.Property<DateTimeOffset?>(m, CatalogColumns.LastSyncedAt),
        SourceName = EF.Property<string?>(m, CatalogColumns.SourceName),
        SourceVersion = EF.Property<string?>(m, CatalogColumns.SourceVersion),
        MissingUpstreamSince = EF.Property<DateTimeOffset?>(m, CatalogColumns.MissingUpstreamSince),
        PriceReview = EF.Property<string?>(m, CatalogColumns.PriceReview),
    };

    private readonly IDbContextFactory<TContext> _contextFactory;

    /// <summary>Creates the store.</summary>
    /// <param name="contextFactory">Creates a context per operation (register it with <c>AddDbContextFactory</c>).</param>
    public EfCoreModelStore(IDbContextFactory<TContext> contextFactory)
    {
        ArgumentNullException.ThrowIfNull(contextFactory);
        _contextFactory = contextFactory;
    }

    /// <summary>
    /// Creates the database and the catalog tables when the database does not exist yet (EF Core's
    /// <c>EnsureCreated</c>, for tools and quick starts; hosts with migrations apply those instead). On SQLite it also
    /// switches the file to write-ahead logging, so readers never wait for a sync.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the database was created.</returns>
    public async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        // CreateContextAsync checks that the context maps the catalog, so the entity type below is there.
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            bool created = await context.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            string modelsTable = context.Model.FindEntityType(typeof(TModel))!.GetTableName()!;
            await StoreDialect.For(context).PrepareDatabaseAsync(context, modelsTable, cancellationToken).ConfigureAwait(false);

            return created;
        }
    }

    private static IQueryable<TModel> Models(DbContext context) => context.Set<TModel>().AsNoTracking();

    private async Task<TContext> CreateContextAsync(CancellationToken cancellationToken)
    {
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (context.Model.FindEntityType(typeof(TModel)) is null || context.Model.FindEntityType(typeof(ModelHistoryRecord)) is null)
        {
            await context.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"{typeof(TContext).Name} does not map the model catalog: call modelBuilder.ApplyModelCatalog<{typeof(TModel).Name}>() in its OnModelCreating.");
        }

        return context;
    }

    private static StoredModel<TModel> ToStored(ModelRow<TModel> row) => StoredRows.ToStored(row);

    private static StoredModel<TModel> ToStored(ModelRow<TModel> row, UnifiedModelId id) => StoredRows.ToStored(row, id);
}
