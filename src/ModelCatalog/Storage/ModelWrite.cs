namespace ModelCatalog.Storage;

/// <summary>Creates <see cref="ModelWrite{TModel}"/> values.</summary>
public static class ModelWrite
{
    /// <summary>A create of a new model.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="key">A new version-7 key.</param>
    /// <param name="id">The model's ID.</param>
    /// <param name="model">The model.</param>
    /// <param name="state">Its sync state.</param>
    /// <returns>The write.</returns>
    public static ModelWrite<TModel> Create<TModel>(Guid key, UnifiedModelId id, TModel model, ModelSyncState state)
        where TModel : class
        => new ModelWrite<TModel>(ModelWriteKind.Create, key, id, model ?? throw new ArgumentNullException(nameof(model)), 0, state);

    /// <summary>An update conditional on the version read.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="current">The stored model as read.</param>
    /// <param name="id">The model's ID.</param>
    /// <param name="model">The new model.</param>
    /// <param name="state">The new sync state.</param>
    /// <returns>The write.</returns>
    public static ModelWrite<TModel> Update<TModel>(StoredModel<TModel> current, UnifiedModelId id, TModel model, ModelSyncState state)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(current);
        return new ModelWrite<TModel>(ModelWriteKind.Update, current.Key, id, model ?? throw new ArgumentNullException(nameof(model)), current.Version, state);
    }

    /// <summary>A delete conditional on the version read.</summary>
    /// <typeparam name="TModel">The catalog model type.</typeparam>
    /// <param name="current">The stored model as read.</param>
    /// <param name="id">The model's ID.</param>
    /// <returns>The write.</returns>
    public static ModelWrite<TModel> Delete<TModel>(StoredModel<TModel> current, UnifiedModelId id)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(current);
        return new ModelWrite<TModel>(ModelWriteKind.Delete, current.Key, id, null, current.Version, current.SyncState);
    }
}
