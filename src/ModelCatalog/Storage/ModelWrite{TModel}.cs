namespace ModelCatalog.Storage;

/// <summary>One write in a <see cref="ModelBatch{TModel}"/>.</summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
/// <param name="Kind">Create, update or delete.</param>
/// <param name="Key">The surrogate key (new for a create).</param>
/// <param name="Id">The model's unified ID.</param>
/// <param name="Model">The full model to store (ignored for a delete).</param>
/// <param name="ExpectedVersion">For update and delete: the version that was read; the write fails if the stored version differs.</param>
/// <param name="SyncState">The sync state to store (ignored for a delete).</param>
public sealed record ModelWrite<TModel>(
    ModelWriteKind Kind,
    Guid Key,
    UnifiedModelId Id,
    TModel? Model,
    long ExpectedVersion,
    ModelSyncState SyncState)
    where TModel : class;
