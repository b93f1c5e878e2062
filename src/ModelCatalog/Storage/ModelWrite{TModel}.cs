namespace ModelCatalog.Storage;

/// <summary>
/// One write in a <see cref="ModelBatch{TModel}"/>, made with <see cref="ModelWrite.Create"/>, <see cref="ModelWrite.Update"/>
/// or <see cref="ModelWrite.Delete"/>: the factories take the version from the stored model they replace, so a write
/// cannot carry an expected version that was never read.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed record ModelWrite<TModel>
    where TModel : class
{
    internal ModelWrite(ModelWriteKind kind, Guid key, UnifiedModelId id, TModel? model, long expectedVersion, ModelSyncState syncState)
    {
        Kind = kind;
        Key = key;
        Id = id;
        Model = model;
        ExpectedVersion = expectedVersion;
        SyncState = syncState;
    }

    /// <summary>Create, update or delete.</summary>
    public ModelWriteKind Kind { get; }

    /// <summary>The surrogate key (new for a create).</summary>
    public Guid Key { get; }

    /// <summary>The model's unified ID.</summary>
    public UnifiedModelId Id { get; }

    /// <summary>The full model to store (<see langword="null"/> for a delete).</summary>
    public TModel? Model { get; }

    /// <summary>For update and delete: the version that was read; the write fails if the stored version differs.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The sync state to store (ignored for a delete).</summary>
    public ModelSyncState SyncState { get; }
}
