namespace ModelCatalog.Storage;

/// <summary>
/// Where a catalog keeps its models, their sync state and their history. Implementations: the in-memory store (the
/// default) and the EF Core store. One contract test suite runs against each.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public interface IModelStore<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    /// <summary>Finds one model by ID.</summary>
    /// <param name="id">The unified ID (exact, case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored model, or <see langword="null"/>.</returns>
    ValueTask<StoredModel<TModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default);

    /// <summary>Finds many models in one call (a sync loads what exists this way).</summary>
    /// <param name="ids">The IDs; unknown ones are simply absent from the result.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The models found, by ID.</returns>
    ValueTask<IReadOnlyDictionary<UnifiedModelId, StoredModel<TModel>>> FindManyAsync(
        IReadOnlyCollection<UnifiedModelId> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists models with filters and keyset paging, in unified ID order.</summary>
    /// <param name="query">Filters and the page position.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page.</returns>
    ValueTask<ModelPage<TModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default);

    /// <summary>Applies every write and history entry of <paramref name="batch"/> atomically.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled batch is not applied.</param>
    /// <returns>A task that completes when the batch is durable.</returns>
    /// <exception cref="ModelStoreConflictException">A version, existence or uniqueness check failed; nothing was applied.</exception>
    ValueTask ApplyAsync(ModelBatch<TModel> batch, CancellationToken cancellationToken = default);

    /// <summary>Deletes every model of a provider in one atomic call, with a history entry each.</summary>
    /// <param name="providerId">The provider ID (exact, case-sensitive).</param>
    /// <param name="at">The time recorded in history.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many models were deleted.</returns>
    ValueTask<int> DeleteProviderAsync(string providerId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Reads a model's history, oldest first.</summary>
    /// <param name="id">The unified ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries, in the order they were appended.</returns>
    ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default);
}
