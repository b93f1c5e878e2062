using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            bool created = await context.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            if (string.Equals(context.Database.ProviderName, "Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal))
            {
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }

            return created;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<StoredModel<TModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
    {
        if (id.IsEmpty)
        {
            return null;
        }

        string providerId = id.ProviderId;
        string modelName = id.ModelName;
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await Models(context)
                .Where(m => EF.Property<string>(m, CatalogColumns.ProviderId) == providerId && EF.Property<string>(m, CatalogColumns.ModelName) == modelName)
                .Select(Projection)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            return row is null ? null : ToStored(row);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<UnifiedModelId, StoredModel<TModel>>> FindManyAsync(
        IReadOnlyCollection<UnifiedModelId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<UnifiedModelId, StoredModel<TModel>>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        var wanted = new HashSet<UnifiedModelId>(ids.Count);
        foreach (var id in ids)
        {
            if (!id.IsEmpty)
            {
                wanted.Add(id);
            }
        }

        if (wanted.Count == 0)
        {
            return found;
        }

        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            foreach (var filter in Filters(wanted))
            {
                var rows = await Models(context).Where(filter).Select(Projection).ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    // The query is a superset: keep only the IDs asked for, before paying for the conversion.
                    if (UnifiedModelId.TryCreate(row.ProviderId, row.ModelName, out var id) && wanted.Contains(id))
                    {
                        found[id] = ToStored(row, id);
                    }
                }
            }
        }

        return found;
    }

    /// <inheritdoc/>
    public async ValueTask<ModelPage<TModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        if ((query.IsActive is not null || query.IsVisible is not null) && !HasAvailability)
        {
            throw new NotSupportedException($"{typeof(TModel).Name} does not implement {nameof(IModelAvailability)}, so it cannot be filtered by active or visible.");
        }

        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var models = Models(context);
            if (query.ProviderId is { } providerId)
            {
                models = models.Where(m => EF.Property<string>(m, CatalogColumns.ProviderId) == providerId);
            }

            if (query.SourceName is { } sourceName)
            {
                models = models.Where(m => EF.Property<string?>(m, CatalogColumns.SourceName) == sourceName);
            }

            if (query.PriceReview is { } review)
            {
                models = models.Where(m => EF.Property<PriceReviewStatus?>(m, CatalogColumns.PriceReviewStatus) == review);
            }

            if (query.IsActive is { } active)
            {
                models = models.Where(m => EF.Property<bool>(m, nameof(IModelAvailability.IsActive)) == active);
            }

            if (query.IsVisible is { } visible)
            {
                models = models.Where(m => EF.Property<bool>(m, nameof(IModelAvailability.IsVisible)) == visible);
            }

            if (!query.After.IsEmpty)
            {
                string afterProvider = query.After.ProviderId;
                string afterName = query.After.ModelName;
#pragma warning disable CA1309, CA1307, CA1310 // string.Compare is what EF Core translates to SQL '>'; the column collation makes it ordinal.
                models = models.Where(m =>
                    string.Compare(EF.Property<string>(m, CatalogColumns.ProviderId), afterProvider) > 0
                    || (EF.Property<string>(m, CatalogColumns.ProviderId) == afterProvider
                        && string.Compare(EF.Property<string>(m, CatalogColumns.ModelName), afterName) > 0));
#pragma warning restore CA1309, CA1307, CA1310
            }

            var rows = await models
                .OrderBy(m => EF.Property<string>(m, CatalogColumns.ProviderId))
                .ThenBy(m => EF.Property<string>(m, CatalogColumns.ModelName))
                .Take(query.Limit + 1)
                .Select(Projection)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);

            bool more = rows.Count > query.Limit;
            var items = new List<StoredModel<TModel>>(Math.Min(rows.Count, query.Limit));
            for (int i = 0; i < rows.Count && i < query.Limit; i++)
            {
                items.Add(ToStored(rows[i]));
            }

            return new ModelPage<TModel>(items, more ? Merger.GetId(items[^1].Model) : default);
        }
    }

    /// <inheritdoc/>
    public async ValueTask ApplyAsync(ModelBatch<TModel> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.IsEmpty)
        {
            return;
        }

        foreach (var write in batch.Writes)
        {
            if (write.Kind != ModelWriteKind.Delete && Merger.GetId(write.Model!) != write.Id)
            {
                throw new ArgumentException($"The write for '{write.Id}' carries a model whose ID is '{Merger.GetId(write.Model!)}'.", nameof(batch));
            }
        }

        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var strategy = context.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(
                (Store: this, Context: context, Batch: batch),
                static async (_, state, ct) =>
                {
                    await state.Store.ApplyInTransactionAsync(state.Context, state.Batch, ct).ConfigureAwait(false);
                    return true;
                },
                null,
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<int> DeleteProviderAsync(string providerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var strategy = context.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(
                (Context: context, ProviderId: providerId, At: at.ToUniversalTime()),
                static async (_, state, ct) =>
                {
                    var context = state.Context;
                    context.ChangeTracker.Clear();
                    var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        await AnnounceWriteAsync(context, ct).ConfigureAwait(false);
                        string providerId = state.ProviderId;
                        var doomed = await Models(context)
                            .Where(m => EF.Property<string>(m, CatalogColumns.ProviderId) == providerId)
                            .Select(m => new
                            {
                                Key = EF.Property<Guid>(m, CatalogColumns.Key),
                                ModelName = EF.Property<string>(m, CatalogColumns.ModelName),
                                SourceName = EF.Property<string?>(m, CatalogColumns.SourceName),
                                SourceVersion = EF.Property<string?>(m, CatalogColumns.SourceVersion),
                            })
                            .ToListAsync(ct)
                            .ConfigureAwait(false);
                        if (doomed.Count == 0)
                        {
                            return 0;
                        }

                        var keys = doomed.Select(d => d.Key).ToArray();
                        int deleted = await Models(context)
                            .Where(m => EF.Parameter(keys).Contains(EF.Property<Guid>(m, CatalogColumns.Key)))
                            .ExecuteDeleteAsync(ct)
                            .ConfigureAwait(false);
                        foreach (var row in doomed)
                        {
                            context.Add(new ModelHistoryRecord
                            {
                                ProviderId = providerId,
                                ModelName = row.ModelName,
                                At = state.At,
                                Kind = ModelChangeKind.Deleted,
                                SourceName = row.SourceName,
                                SourceVersion = row.SourceVersion,
                            });
                        }

                        await context.SaveChangesAsync(ct).ConfigureAwait(false);
                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                        return deleted;
                    }
                },
                null,
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
    {
        if (id.IsEmpty)
        {
            return [];
        }

        string providerId = id.ProviderId;
        string modelName = id.ModelName;
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var records = await context.Set<ModelHistoryRecord>()
                .AsNoTracking()
                .Where(h => h.ProviderId == providerId && h.ModelName == modelName)
                .OrderBy(h => h.Sequence)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var entries = new ModelHistoryEntry[records.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                var r = records[i];
                entries[i] = new ModelHistoryEntry(id, r.At, r.Kind, r.SourceName, r.SourceVersion, HistoryChangesJson.Parse(r.Changes)) { Sequence = r.Sequence };
            }

            return entries;
        }
    }

    private async Task ApplyInTransactionAsync(TContext context, ModelBatch<TModel> batch, CancellationToken cancellationToken)
    {
        context.ChangeTracker.Clear();
        try
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockSourceAsync(context, batch, cancellationToken).ConfigureAwait(false);
                await AnnounceWriteAsync(context, cancellationToken).ConfigureAwait(false);
                var current = await LoadTrackedAsync(context, batch, cancellationToken).ConfigureAwait(false);
                foreach (var write in batch.Writes)
                {
                    Stage(context, write, current);
                }

                foreach (var entry in batch.History)
                {
                    context.Add(new ModelHistoryRecord
                    {
                        ProviderId = entry.ModelId.ProviderId,
                        ModelName = entry.ModelId.ModelName,
                        At = entry.At.ToUniversalTime(),
                        Kind = entry.Kind,
                        SourceName = entry.SourceName,
                        SourceVersion = entry.SourceVersion,
                        Changes = HistoryChangesJson.Format(entry.Changes),
                    });
                }

                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbUpdateConcurrencyException exception)
        {
            var entry = exception.Entries.FirstOrDefault(e => e.Metadata.ClrType == typeof(TModel));
            var id = entry is null ? default : IdOf(entry);
            bool exists = entry is not null && await ExistsAsync((Guid)entry.Property(CatalogColumns.Key).CurrentValue!, cancellationToken).ConfigureAwait(false);
            throw exists || entry is null
                ? new ModelStoreConflictException(id, ModelConflictKind.VersionMismatch, $"Model '{id}' was changed by another writer; nothing of the batch was applied.", exception)
                : new ModelStoreConflictException(id, ModelConflictKind.Missing, $"Model '{id}' was deleted by another writer; nothing of the batch was applied.", exception);
        }
        catch (DbUpdateException exception) when (StoreErrors.IsUniqueViolation(exception))
        {
            var entry = exception.Entries.FirstOrDefault(e => e.Metadata.ClrType == typeof(TModel));
            var id = entry is null ? default : IdOf(entry);
            throw new ModelStoreConflictException(id, ModelConflictKind.Duplicate, $"Model '{id}' (or its key) already exists; nothing of the batch was applied.", exception);
        }
        catch (Exception exception) when (StoreErrors.IsTransientConflict(exception))
        {
            throw new ModelStoreConflictException(default, ModelConflictKind.Unknown, "The database aborted the batch in favour of a concurrent writer; nothing of the batch was applied.", exception);
        }
        finally
        {
            context.ChangeTracker.Clear();
        }
    }

    private static void Stage(TContext context, ModelWrite<TModel> write, Dictionary<UnifiedModelId, EntityEntry<TModel>?> current)
    {
        var entry = current.GetValueOrDefault(write.Id);
        switch (write.Kind)
        {
            case ModelWriteKind.Create:
                if (entry is not null)
                {
                    throw new ModelStoreConflictException(write.Id, ModelConflictKind.Duplicate, $"Model '{write.Id}' already exists.");
                }

                var created = context.Entry(Merger.Clone(write.Model!));
                created.Property(CatalogColumns.Key).CurrentValue = write.Key;
                created.Property(CatalogColumns.ProviderId).CurrentValue = write.Id.ProviderId;
                created.Property(CatalogColumns.ModelName).CurrentValue = write.Id.ModelName;
                created.Property(CatalogColumns.Version).CurrentValue = 1L;
                SetState(created, write.SyncState);
                created.State = EntityState.Added;
                current[write.Id] = created;
                break;

            case ModelWriteKind.Update:
                long version = CheckExpected(write, entry);
                Merger.CopyTo(write.Model!, entry!.Entity);
                SetState(entry, write.SyncState);
                entry.Property(CatalogColumns.Version).CurrentValue = version + 1;
                break;

            case ModelWriteKind.Delete:
                CheckExpected(write, entry);
                entry!.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
                current[write.Id] = null;
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(write), write.Kind, "Unknown write kind.");
        }
    }

    private static long CheckExpected(ModelWrite<TModel> write, EntityEntry<TModel>? entry)
    {
        if (entry is null)
        {
            throw new ModelStoreConflictException(write.Id, ModelConflictKind.Missing, $"Model '{write.Id}' no longer exists.");
        }

        long version = (long)entry.Property(CatalogColumns.Version).CurrentValue!;
        if (version != write.ExpectedVersion || (Guid)entry.Property(CatalogColumns.Key).CurrentValue! != write.Key)
        {
            throw new ModelStoreConflictException(
                write.Id,
                ModelConflictKind.VersionMismatch,
                $"Model '{write.Id}' is at version {version}, not the expected {write.ExpectedVersion}.");
        }

        return version;
    }

    private static void SetState(EntityEntry entry, ModelSyncState state)
    {
        entry.Property(CatalogColumns.Baseline).CurrentValue = state.Baseline?.Json;
        entry.Property(CatalogColumns.LastSyncedAt).CurrentValue = state.LastSyncedAt?.ToUniversalTime();
        entry.Property(CatalogColumns.SourceName).CurrentValue = state.SourceName;
        entry.Property(CatalogColumns.SourceVersion).CurrentValue = state.SourceVersion;
        entry.Property(CatalogColumns.MissingUpstreamSince).CurrentValue = state.MissingUpstreamSince?.ToUniversalTime();
        entry.Property(CatalogColumns.PriceReviewStatus).CurrentValue = state.PriceReview?.Status;
        entry.Property(CatalogColumns.PriceReview).CurrentValue = state.PriceReview is { } review
            ? JsonSerializer.Serialize(review, StructuredValueJson.PriceReview)
            : null;
    }

    private static async Task<Dictionary<UnifiedModelId, EntityEntry<TModel>?>> LoadTrackedAsync(
        TContext context, ModelBatch<TModel> batch, CancellationToken cancellationToken)
    {
        var ids = new HashSet<UnifiedModelId>(batch.Writes.Count);
        foreach (var write in batch.Writes)
        {
            ids.Add(write.Id);
        }

        var current = new Dictionary<UnifiedModelId, EntityEntry<TModel>?>(ids.Count);
        if (ids.Count == 0)
        {
            return current;
        }

        foreach (var filter in Filters(ids))
        {
            var models = await context.Set<TModel>().Where(filter).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var model in models)
            {
                var entry = context.Entry(model);
                var id = IdOf(entry);
                if (ids.Contains(id))
                {
                    Merger.SetId(model, id);
                    current[id] = entry;
                }
                else
                {
                    entry.State = EntityState.Detached;
                }
            }
        }

        return current;
    }

    private static async Task LockSourceAsync(TContext context, ModelBatch<TModel> batch, CancellationToken cancellationToken)
    {
        if (!string.Equals(context.Database.ProviderName, ModelCatalogModelOptions.NpgsqlProviderName, StringComparison.Ordinal))
        {
            return;
        }

        string? source = batch.Writes.Select(w => w.SyncState.SourceName).FirstOrDefault(s => s is not null)
            ?? batch.History.Select(h => h.SourceName).FirstOrDefault(s => s is not null);
        if (source is null)
        {
            return;
        }

        long key = AdvisoryLockKey(source);
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A stable 64-bit key per source (FNV-1a over "modelcatalog:" + the UTF-8 name).</summary>
    internal static long AdvisoryLockKey(string source)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes("modelcatalog:" + source))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private async Task<bool> ExistsAsync(Guid key, CancellationToken cancellationToken)
    {
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await Models(context).AnyAsync(m => EF.Property<Guid>(m, CatalogColumns.Key) == key, cancellationToken).ConfigureAwait(false);
        }
    }

    private static UnifiedModelId IdOf(EntityEntry entry)
        => UnifiedModelId.TryCreate(
            (string?)entry.Property(CatalogColumns.ProviderId).CurrentValue,
            (string?)entry.Property(CatalogColumns.ModelName).CurrentValue,
            out var id) ? id : default;

    /// <summary>
    /// The queries that load a set of IDs: row-value <c>IN</c> lists are not translatable, so each query filters on both
    /// parts separately (a superset, filtered exactly in memory). A small set filters on provider IDs and model names
    /// (one query); a large set — a sync loads most of its source — filters on provider IDs only, up to
    /// <see cref="MaxParametersPerQuery"/> per query, which reads the providers' rows in index order instead of testing
    /// every name. Every value travels as its own parameter, within SQLite's (999) and PostgreSQL's limits.
    /// </summary>
    private static IEnumerable<Expression<Func<TModel, bool>>> Filters(HashSet<UnifiedModelId> ids)
    {
        var providers = ids.Select(i => i.ProviderId).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Count + providers.Length <= MaxParametersPerQuery)
        {
            var names = ids.Select(i => i.ModelName).Distinct(StringComparer.Ordinal).ToArray();
            yield return m => providers.Contains(EF.Property<string>(m, CatalogColumns.ProviderId))
                && names.Contains(EF.Property<string>(m, CatalogColumns.ModelName));
            yield break;
        }

        foreach (var chunk in providers.Chunk(MaxParametersPerQuery))
        {
            yield return m => chunk.Contains(EF.Property<string>(m, CatalogColumns.ProviderId));
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

    private static StoredModel<TModel> ToStored(ModelRow<TModel> row) => ToStored(row, UnifiedModelId.Create(row.ProviderId, row.ModelName));

    private static StoredModel<TModel> ToStored(ModelRow<TModel> row, UnifiedModelId id)
    {
        Merger.SetId(row.Model, id);
        var state = new ModelSyncState(
            row.Baseline is null ? null : ModelBaseline.Parse(row.Baseline),
            row.LastSyncedAt,
            row.SourceName,
            row.SourceVersion,
            row.MissingUpstreamSince)
        {
            PriceReview = row.PriceReview is null ? null : JsonSerializer.Deserialize(row.PriceReview, StructuredValueJson.PriceReview),
        };
        return new StoredModel<TModel>(row.Key, row.Model, row.Version, state);
    }
}
