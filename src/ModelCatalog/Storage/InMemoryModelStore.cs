namespace ModelCatalog.Storage;

/// <summary>
/// The default <see cref="IModelStore{TModel}"/>: thread-safe, atomic, in process memory. Models are copied on the
/// way in and out, so callers never share an instance with the store. Suited to tests, single-process hosts that
/// re-sync at start-up, and as the reference behaviour of the store contract.
/// </summary>
/// <typeparam name="TModel">The catalog model type.</typeparam>
public partial class InMemoryModelStore<TModel> : IModelStore<TModel>
    where TModel : class, ICatalogModel<TModel>
{
    private static readonly IModelMerger<TModel> Merger = TModel.Merger;

    private readonly Lock _gate = new();
    private readonly Dictionary<UnifiedModelId, StoredModel<TModel>> _models = [];
    private readonly SortedSet<UnifiedModelId> _order = [];
    private readonly HashSet<Guid> _keys = [];
    private readonly Dictionary<UnifiedModelId, List<ModelHistoryEntry>> _history = [];
    private long _historySequence;

    /// <summary>How many models the store holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _models.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<StoredModel<TModel>?> FindAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_models.TryGetValue(id, out var stored) ? Copy(stored) : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<UnifiedModelId, StoredModel<TModel>>> FindManyAsync(
        IReadOnlyCollection<UnifiedModelId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<UnifiedModelId, StoredModel<TModel>>(ids.Count);
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (_models.TryGetValue(id, out var stored))
                {
                    found[id] = Copy(stored);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<UnifiedModelId, StoredModel<TModel>>>(found);
    }

    /// <inheritdoc/>
    public ValueTask<ModelPage<TModel>> ListAsync(ModelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var items = new List<StoredModel<TModel>>(Math.Min(query.Limit, 128));
        var next = default(UnifiedModelId);
        lock (_gate)
        {
            IEnumerable<UnifiedModelId> ids = _order;
            if (!query.After.IsEmpty && _order.Count > 0)
            {
                ids = _order.Max > query.After ? _order.GetViewBetween(query.After, _order.Max).Where(id => id != query.After) : [];
            }

            foreach (var id in ids)
            {
                var stored = _models[id];
                if (!ModelQueryMatcher.Matches(query, id, stored))
                {
                    continue;
                }

                if (items.Count == query.Limit)
                {
                    next = items[^1].Model is var last ? Merger.GetId(last) : default;
                    break;
                }

                items.Add(Copy(stored));
            }
        }

        return ValueTask.FromResult(new ModelPage<TModel>(items, next));
    }

    /// <inheritdoc/>
    public ValueTask ApplyAsync(ModelBatch<TModel> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        Apply(batch);
        return ValueTask.CompletedTask;
    }

    private void Apply(ModelBatch<TModel> batch)
    {
        lock (_gate)
        {
            // Stage every write against an overlay first; the store itself changes only once all checks passed.
            var staged = new Dictionary<UnifiedModelId, StoredModel<TModel>?>();
            var newKeys = new HashSet<Guid>();
            for (int index = 0; index < batch.Writes.Count; index++)
            {
                var write = batch.Writes[index];
                OnApplyingWrite(write, index);
                var current = staged.TryGetValue(write.Id, out var overlay) ? overlay : _models.GetValueOrDefault(write.Id);
                staged[write.Id] = Stage(write, current, newKeys);
            }

            if (staged.Count > 0)
            {
                RecordChanges(staged.Keys);
            }

            foreach (var (id, stored) in staged)
            {
                if (stored is null)
                {
                    if (_models.Remove(id, out var removed))
                    {
                        _order.Remove(id);
                        _keys.Remove(removed.Key);
                    }
                }
                else
                {
                    if (_models.TryAdd(id, stored))
                    {
                        _order.Add(id);
                    }
                    else
                    {
                        _models[id] = stored;
                    }

                    _keys.Add(stored.Key);
                }
            }

            foreach (var entry in batch.History)
            {
                if (!_history.TryGetValue(entry.ModelId, out var list))
                {
                    _history[entry.ModelId] = list = [];
                }

                list.Add(entry with { Sequence = ++_historySequence });
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> DeleteProviderAsync(string providerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var doomed = _order.Where(id => id.ProviderIdSpan.SequenceEqual(providerId)).ToList();
            var batch = new ModelBatch<TModel>();
            foreach (var id in doomed)
            {
                var stored = _models[id];
                batch.Add(ModelWrite.Delete(stored, id));
                batch.Add(new ModelHistoryEntry(id, at, ModelChangeKind.Deleted, stored.SyncState.SourceName, stored.SyncState.SourceVersion, []));
            }

            // The lock is re-entrant and held, so the deletes and their history land as one step.
            Apply(batch);
            return ValueTask.FromResult(doomed.Count);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ModelHistoryEntry>> GetHistoryAsync(UnifiedModelId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ModelHistoryEntry> entries = _history.TryGetValue(id, out var list) ? [.. list] : [];
            return ValueTask.FromResult(entries);
        }
    }

    /// <summary>
    /// Called for each write of a batch before anything is applied; a fault-injection seam for tests. Throwing here
    /// aborts the batch with nothing applied.
    /// </summary>
    /// <param name="write">The write about to be staged.</param>
    /// <param name="index">Its position in the batch.</param>
    protected virtual void OnApplyingWrite(ModelWrite<TModel> write, int index)
    {
    }

    private StoredModel<TModel>? Stage(ModelWrite<TModel> write, StoredModel<TModel>? current, HashSet<Guid> newKeys)
    {
        switch (write.Kind)
        {
            case ModelWriteKind.Create:
                if (current is not null)
                {
                    throw new ModelStoreConflictException(write.Id, ModelConflictKind.Duplicate, $"Model '{write.Id}' already exists.");
                }

                if (_keys.Contains(write.Key) || !newKeys.Add(write.Key))
                {
                    throw new ModelStoreConflictException(write.Id, ModelConflictKind.Duplicate, $"Key {write.Key} is already used.");
                }

                CheckId(write);
                return new StoredModel<TModel>(write.Key, Merger.Clone(write.Model!), 1, write.SyncState);

            case ModelWriteKind.Update:
                CheckExpected(write, current);
                CheckId(write);
                return new StoredModel<TModel>(current!.Key, Merger.Clone(write.Model!), current.Version + 1, write.SyncState);

            case ModelWriteKind.Delete:
                CheckExpected(write, current);
                return null;

            default:
                throw new ArgumentOutOfRangeException(nameof(write), write.Kind, "Unknown write kind.");
        }
    }

    private static void CheckId(ModelWrite<TModel> write)
    {
        if (Merger.GetId(write.Model!) != write.Id)
        {
            throw new ArgumentException($"The write for '{write.Id}' carries a model whose ID is '{Merger.GetId(write.Model!)}'.", nameof(write));
        }
    }

    private static void CheckExpected(ModelWrite<TModel> write, StoredModel<TModel>? current)
    {
        if (current is null)
        {
            throw new ModelStoreConflictException(write.Id, ModelConflictKind.Missing, $"Model '{write.Id}' no longer exists.");
        }

        if (current.Version != write.ExpectedVersion || current.Key != write.Key)
        {
            throw new ModelStoreConflictException(
                write.Id,
                ModelConflictKind.VersionMismatch,
                $"Model '{write.Id}' is at version {current.Version}, not the expected {write.ExpectedVersion}.");
        }
    }

    private static StoredModel<TModel> Copy(StoredModel<TModel> stored) => stored with { Model = Merger.Clone(stored.Model) };
}
