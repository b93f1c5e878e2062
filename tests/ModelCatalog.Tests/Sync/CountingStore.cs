using ModelCatalog.Storage;

namespace ModelCatalog.Tests.Sync;

/// <summary>
/// A real in-memory store that counts the calls a sync makes and can answer the first <see cref="ConflictsToThrow"/>
/// batches with a conflict, as a concurrent writer would; nothing of a conflicted batch is applied.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
internal sealed class CountingStore<TModel> : IModelStore<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    public InMemoryModelStore<TModel> Inner { get; } = new();

    public int ConflictsToThrow { get; set; }

    public int Lists { get; private set; }

    public int FindManys { get; private set; }

    public int Applies { get; private set; }

    public ValueTask<StoredModel<TModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => Inner.FindAsync(id, cancellationToken);

    public ValueTask<IReadOnlyDictionary<UnifiedModelId, StoredModel<TModel>>> FindManyAsync(
        IReadOnlyCollection<UnifiedModelId> ids, CancellationToken cancellationToken = default)
    {
        FindManys++;
        return Inner.FindManyAsync(ids, cancellationToken);
    }

    public ValueTask<ModelPage<TModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default)
    {
        Lists++;
        return Inner.ListAsync(query, cancellationToken);
    }

    public ValueTask ApplyAsync(ModelBatch<TModel> batch, CancellationToken cancellationToken = default)
    {
        Applies++;
        if (Applies <= ConflictsToThrow)
        {
            throw new ModelStoreConflictException($"conflict {Applies}");
        }

        return Inner.ApplyAsync(batch, cancellationToken);
    }

    public ValueTask<int> DeleteProviderAsync(string providerId, DateTimeOffset at, CancellationToken cancellationToken = default)
        => Inner.DeleteProviderAsync(providerId, at, cancellationToken);

    public ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
        => Inner.GetHistoryAsync(id, cancellationToken);
}
