using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ModelCatalog.EntityFrameworkCore.Mapping;
using ModelCatalog.Storage;

namespace ModelCatalog.EntityFrameworkCore.Storage;

// Writing: atomic batches (re-read, version checks, changed columns only, conflicts mapped) and provider deletes.
public partial class EfCoreModelStore<TModel, TContext>
    where TModel : class, ICatalogModel<TModel>
    where TContext : DbContext
{
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
        string? source = batch.Writes.Select(w => w.SyncState.SourceName).FirstOrDefault(s => s is not null)
            ?? batch.History.Select(h => h.SourceName).FirstOrDefault(s => s is not null);
        if (source is null)
        {
            return;
        }

        await StoreDialect.For(context).LockSourceAsync(context, AdvisoryLockKey(source), cancellationToken).ConfigureAwait(false);
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
}
