namespace ModelCatalog.Storage;

/// <summary>A model as a store holds it: surrogate key, optimistic version and sync state beside the model itself.</summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <param name="Key">The surrogate key: a version-7 <see cref="Guid"/>, assigned at creation and never changed.</param>
/// <param name="Model">The model. Stores hand out copies; mutating it changes nothing until written back.</param>
/// <param name="Version">The optimistic concurrency version: 1 at creation, incremented by every update.</param>
/// <param name="SyncState">What the last sync recorded for this model.</param>
public sealed record StoredModel<TModel>(Guid Key, TModel Model, long Version, ModelSyncState SyncState)
    where TModel : class
{
    /// <summary>The model's unified ID, read through its generated merger.</summary>
    /// <param name="merger">The model type's merger.</param>
    /// <returns>The ID.</returns>
    public UnifiedModelId GetId(IModelMerger<TModel> merger)
    {
        ArgumentNullException.ThrowIfNull(merger);
        return merger.GetId(Model);
    }
}
