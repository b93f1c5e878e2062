using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ModelCatalog.EntityFrameworkCore.Mapping;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore.Storage;

// Reading: find, find many, list with keyset paging, history. Every read uses a fresh no-tracking context.
public partial class EfCoreModelStore<TModel, TContext>
    where TModel : class, ICatalogModel<TModel>
    where TContext : DbContext
{
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
                entries[i] = new ModelHistoryEntry(id, r.At, r.Kind, r.SourceName, r.SourceVersion, HistoryChangesJson.Parse(r.Changes, id, r.Sequence)) { Sequence = r.Sequence };
            }

            return entries;
        }
    }

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
}
