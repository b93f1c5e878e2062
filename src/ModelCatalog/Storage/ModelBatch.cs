namespace ModelCatalog.Storage;

/// <summary>
/// Writes and history entries that a store applies atomically: all of them or none. A version mismatch or a duplicate
/// ID fails the whole batch with a <see cref="ModelStoreConflictException"/>.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public sealed class ModelBatch<TModel>
    where TModel : class
{
    private readonly List<ModelWrite<TModel>> _writes = [];
    private readonly List<ModelHistoryEntry> _history = [];

    /// <summary>The writes, in order.</summary>
    public IReadOnlyList<ModelWrite<TModel>> Writes => _writes;

    /// <summary>The history entries to append, in order.</summary>
    public IReadOnlyList<ModelHistoryEntry> History => _history;

    /// <summary><see langword="true"/> when the batch has nothing to write.</summary>
    public bool IsEmpty => _writes.Count == 0 && _history.Count == 0;

    /// <summary>Adds a write.</summary>
    /// <param name="write">The write.</param>
    /// <returns>This batch.</returns>
    public ModelBatch<TModel> Add(ModelWrite<TModel> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _writes.Add(write);
        return this;
    }

    /// <summary>Adds a history entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>This batch.</returns>
    public ModelBatch<TModel> Add(ModelHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _history.Add(entry);
        return this;
    }
}
