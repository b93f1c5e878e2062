using Microsoft.EntityFrameworkCore;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore.Storage;

// The change feed of the EF Core store. The marker is the history sequence: every write of the catalog appends
// history in the same transaction, so MAX(sequence) (one index read) moves with every committed change, and the
// history rows after a marker name exactly the models changed since. Sequence order must be commit order for that:
// SQLite serialises writers; on PostgreSQL every writing transaction takes one catalog-wide advisory lock before it
// appends history, so no transaction can commit a lower sequence after a reader has seen a higher one.
public partial class EfCoreModelStore<TModel, TContext> : IModelChangeFeed<TModel>
{
    private static readonly long CatalogLockKey = AdvisoryLockKey("*catalog*");

    /// <inheritdoc/>
    /// <remarks>Always <see langword="true"/>: a database may be written by other processes.</remarks>
    public bool IsShared => true;

    /// <inheritdoc/>
    public async ValueTask<long> GetChangeMarkerAsync(CancellationToken cancellationToken = default)
    {
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await MarkerAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ModelStoreContents<TModel>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await BeginSnapshotReadAsync(context, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                long marker = await MarkerAsync(context, cancellationToken).ConfigureAwait(false);
                var rows = await Models(context).Select(Projection).ToListAsync(cancellationToken).ConfigureAwait(false);
                var models = new StoredModel<TModel>[rows.Count];
                for (int i = 0; i < models.Length; i++)
                {
                    models[i] = ToStored(rows[i]);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ModelStoreContents<TModel>(models, marker);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ModelChangeSet<TModel>?> GetChangesSinceAsync(long marker, int maxChanges, CancellationToken cancellationToken = default)
    {
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await BeginSnapshotReadAsync(context, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                long current = await MarkerAsync(context, cancellationToken).ConfigureAwait(false);
                if (current < marker)
                {
                    return null;
                }

                var touched = await context.Set<ModelHistoryRecord>()
                    .AsNoTracking()
                    .Where(h => h.Sequence > marker && h.Sequence <= current)
                    .Select(h => new { h.ProviderId, h.ModelName })
                    .Distinct()
                    .Take(maxChanges == int.MaxValue ? maxChanges : maxChanges + 1)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
                if (touched.Count > maxChanges)
                {
                    return null;
                }

                var ids = new HashSet<UnifiedModelId>(touched.Count);
                foreach (var t in touched)
                {
                    if (UnifiedModelId.TryCreate(t.ProviderId, t.ModelName, out var id))
                    {
                        ids.Add(id);
                    }
                }

                var changed = new List<StoredModel<TModel>>(ids.Count);
                var removed = new HashSet<UnifiedModelId>(ids);
                if (ids.Count > 0)
                {
                    foreach (var filter in Filters(ids))
                    {
                        foreach (var row in await Models(context).Where(filter).Select(Projection).ToListAsync(cancellationToken).ConfigureAwait(false))
                        {
                            if (UnifiedModelId.TryCreate(row.ProviderId, row.ModelName, out var id) && removed.Remove(id))
                            {
                                changed.Add(ToStored(row, id));
                            }
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ModelChangeSet<TModel>(changed, [.. removed], current);
            }
        }
    }

    /// <summary>Run inside every writing transaction before it writes: see <see cref="StoreDialect.AnnounceWriteAsync"/>.</summary>
    private static Task AnnounceWriteAsync(DbContext context, CancellationToken cancellationToken)
        => StoreDialect.For(context).AnnounceWriteAsync(context, CatalogLockKey, cancellationToken);

    private static async Task<long> MarkerAsync(DbContext context, CancellationToken cancellationToken)
        => await context.Set<ModelHistoryRecord>().MaxAsync(h => (long?)h.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;

    private static Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginSnapshotReadAsync(DbContext context, CancellationToken cancellationToken)
        => context.Database.BeginTransactionAsync(StoreDialect.For(context).SnapshotReadIsolation, cancellationToken);
}
