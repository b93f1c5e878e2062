using System.Linq.Expressions;
using System.Text.Json;
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

    private static StoredModel<TModel> ToStored(ModelRow<TModel> row)
        => UnifiedModelId.TryCreate(row.ProviderId, row.ModelName, out var id)
            ? ToStored(row, id)
            : throw new ModelStoreDataException(
                $"A stored model cannot be read: its provider ID '{StoredText.Excerpt(row.ProviderId)}' and model name '{StoredText.Excerpt(row.ModelName)}' " +
                "do not form a valid unified model ID (changed outside the catalog). Repair the row, or delete it.");

    private static StoredModel<TModel> ToStored(ModelRow<TModel> row, UnifiedModelId id)
    {
        Merger.SetId(row.Model, id);
        var state = new ModelSyncState(
            row.Baseline is null ? null : ReadBaseline(row.Baseline, id),
            row.LastSyncedAt,
            row.SourceName,
            row.SourceVersion,
            row.MissingUpstreamSince)
        {
            PriceReview = row.PriceReview is null ? null : ReadPriceReview(row.PriceReview, id),
        };
        return new StoredModel<TModel>(row.Key, row.Model, row.Version, state);
    }

    private static ModelBaseline ReadBaseline(string text, UnifiedModelId id)
        => ModelBaseline.TryParse(text, out var baseline)
            ? baseline
            : throw Unreadable(id, "sync baseline", "it is not a JSON object within the catalog's nesting limit", null);

    private static PriceReview ReadPriceReview(string text, UnifiedModelId id)
    {
        try
        {
            var review = JsonSerializer.Deserialize(text, StructuredValueJson.PriceReview)
                ?? throw Unreadable(id, "price review", "it is JSON null", null);

            // The serializer leaves a missing member null; a review without its reason or prices cannot be decided.
            return review is { Reason: not null, Previous: not null, Proposed: not null }
                ? review
                : throw Unreadable(id, "price review", "its reason, previous or proposed prices are missing", null);
        }
        catch (JsonException exception)
        {
            // Never read as "no review": that would release a price change that is held for a person to approve.
            throw Unreadable(id, "price review", exception.Message, exception);
        }
    }

    private static ModelStoreDataException Unreadable(UnifiedModelId id, string value, string reason, Exception? inner)
    {
        string message = $"The stored model '{id}' cannot be read: its {value} holds a value the catalog does not write ({reason.TrimEnd('.')}). " +
            "Repair the row, or delete the model and sync it again.";
        return inner is null ? new ModelStoreDataException(message) : new ModelStoreDataException(message, inner);
    }
}
